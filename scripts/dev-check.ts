/**
 * Checks a running `npm run dev` through n8n's own REST API — the package loaded by real n8n and
 * real workflows running against the sandbox:
 *
 *   1. node and credential types of n8n-nodes-lacrm are loaded (also the AI-tool variant)
 *   2. a manual execution with the API-key credential (Contact → Get Many)
 *   3. a manual execution with the OAuth2 credential; then the sandbox expires every access token
 *      and a second execution must refresh exactly once and succeed
 *   4. a production webhook: Webhook → LACRM, activated, called over HTTP, LACRM data in the answer
 *   5. the LACRM Trigger: activation registers a hook at the sandbox (with the X-Hook-Secret
 *      handshake), a new contact starts an execution, deactivation deletes the hook
 *   6. the LACRM Trigger's "Listen for test event" (the editor's POST /rest/workflows/:id/run from
 *      the trigger, which registers n8n's test webhooks): the hook is registered at the test URL, a
 *      new contact yields exactly one test execution with that contact and the hook is removed;
 *      listening again and stopping (DELETE /rest/test-webhook/:id) deletes the hook; activating
 *      afterwards still works
 *   7. the same listener with a pipeline and status filter: a move to another status starts
 *      nothing and keeps it listening, the move to the filtered status is the one test execution
 *
 * The workflows it creates are archived and deleted afterwards.
 *
 *   npx tsx scripts/dev-check.ts        (while `npm run dev` runs; reads .dev/dev-state.json)
 *   npm run dev -- --check [--exit]
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { type DevState, N8N_DIR, N8nClient, readState, sleep, type WorkflowNode } from './dev-lib';

interface CheckResult {
	name: string;
	ok: boolean;
	detail: string;
	ms: number;
}

export interface CheckReport {
	ok: boolean;
	results: CheckResult[];
}

interface SavedWorkflow {
	id: string;
	name: string;
	versionId?: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

interface Execution {
	id: string;
	status: string;
	mode?: string;
	finished?: boolean;
	data?: string;
}

type Hook = { WebhookId: string; EndpointUrl: string; DateArchived?: string | null };

/** n8n stores execution data as `flatted` JSON; the module comes with n8n. */
function parseExecutionData(data: string): {
	resultData: {
		error?: { message: string };
		runData: Record<
			string,
			Array<{
				error?: { message: string };
				data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
			}>
		>;
	};
} {
	const requireFromN8n = createRequire(path.join(N8N_DIR, 'package.json'));
	const flatted = requireFromN8n('flatted') as { parse(text: string): unknown };
	return flatted.parse(data) as ReturnType<typeof parseExecutionData>;
}

class Checker {
	private readonly results: CheckResult[] = [];
	private readonly created: string[] = [];

	constructor(
		private readonly state: DevState,
		private readonly client: N8nClient,
	) {}

	private get sandboxUrl(): string {
		return this.state.sandbox.url;
	}

	async step(name: string, body: () => Promise<string>): Promise<void> {
		const started = Date.now();
		try {
			const detail = await body();
			this.results.push({ name, ok: true, detail, ms: Date.now() - started });
			process.stdout.write(`[check] ok    ${name} — ${detail} (${Date.now() - started} ms)\n`);
		} catch (error) {
			const detail = (error as Error).message;
			this.results.push({ name, ok: false, detail, ms: Date.now() - started });
			process.stdout.write(`[check] FAIL  ${name} — ${detail}\n`);
		}
	}

	report(): CheckReport {
		return { ok: this.results.every((result) => result.ok), results: this.results };
	}

	// ---- sandbox ----

	async sandbox<T>(route: string, body?: unknown): Promise<T> {
		const res = await fetch(
			`${this.sandboxUrl}/_sandbox/${route}`,
			body === undefined
				? {}
				: {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: JSON.stringify(body),
					},
		);
		if (!res.ok) throw new Error(`sandbox /_sandbox/${route}: HTTP ${res.status}`);
		return (await res.json()) as T;
	}

	async counters(): Promise<Record<string, number> & { callsByFunction: Record<string, number> }> {
		return (
			await this.sandbox<{
				counters: Record<string, number> & { callsByFunction: Record<string, number> };
			}>('state')
		).counters;
	}

	async lacrm<T>(fn: string, parameters: Record<string, unknown> = {}): Promise<T> {
		const res = await fetch(this.state.sandbox.apiUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: this.state.sandbox.apiKey },
			body: JSON.stringify({ Function: fn, Parameters: parameters }),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${fn}: HTTP ${res.status} ${text}`);
		return JSON.parse(text) as T;
	}

	/** A person owned by the sandbox's first user, created straight through the sandbox API. */
	async newContact(name: string): Promise<{ ContactId: string }> {
		return await this.lacrm('CreateContact', {
			Name: name,
			AssignedTo: '100001',
			IsCompany: false,
		});
	}

	/** A new contact, and the sandbox's webhook deliveries for it sent now rather than later. */
	async deliverNewContact(name: string): Promise<{ ContactId: string }> {
		const created = await this.newContact(name);
		await this.sandbox('flush-webhooks', {});
		return created;
	}

	// ---- n8n ----

	async createWorkflow(
		name: string,
		nodes: WorkflowNode[],
		connections: Record<string, unknown>,
	): Promise<SavedWorkflow> {
		const workflow = await this.client.request<SavedWorkflow>('POST', '/rest/workflows', {
			name,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
			active: false,
		});
		this.created.push(workflow.id);
		return workflow;
	}

	/** POST /rest/workflows/:id/run (the editor's "Execute workflow"), then wait for the stored execution. */
	async runManually(
		workflow: SavedWorkflow,
		trigger: string,
	): Promise<ReturnType<typeof parseExecutionData>> {
		const started = await this.client.request<{
			executionId?: string;
			waitingForWebhook?: boolean;
		}>('POST', `/rest/workflows/${workflow.id}/run`, {
			workflowData: workflow,
			triggerToStartFrom: { name: trigger },
		});
		if (!started?.executionId)
			throw new Error(`n8n did not start an execution: ${JSON.stringify(started)}`);
		return await this.waitForExecution(started.executionId);
	}

	async waitForExecution(
		id: string,
		timeoutMs = 60_000,
	): Promise<ReturnType<typeof parseExecutionData>> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.client
				.request<Execution>('GET', `/rest/executions/${id}`)
				.catch(() => undefined);
			if (
				execution &&
				!['new', 'running', 'waiting', 'unknown'].includes(execution.status) &&
				execution.data
			) {
				const data = parseExecutionData(execution.data);
				if (execution.status !== 'success') {
					const nodeError = Object.values(data.resultData.runData)
						.flat()
						.find((task) => task.error)?.error?.message;
					throw new Error(
						`execution ${id} ended "${execution.status}": ${data.resultData.error?.message ?? nodeError ?? 'no error recorded'}`,
					);
				}
				return data;
			}
			if (Date.now() > deadline)
				throw new Error(`execution ${id} did not finish within ${timeoutMs / 1000} s`);
			await sleep(250);
		}
	}

	/**
	 * The editor's "Listen for test event" on a trigger: POST /rest/workflows/:id/run starting from
	 * it, which n8n answers with `waitingForWebhook` after registering the test webhooks (and running
	 * the trigger's checkExists/create against the /webhook-test/ URL).
	 */
	async listen(workflow: SavedWorkflow, trigger: string): Promise<void> {
		const answer = await this.client.request<{ waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${workflow.id}/run`,
			{ workflowData: workflow, triggerToStartFrom: { name: trigger } },
		);
		if (answer?.waitingForWebhook !== true)
			throw new Error(`n8n is not listening for a test event: ${JSON.stringify(answer)}`);
	}

	/** The editor's "stop listening": DELETE /rest/test-webhook/:workflowId (n8n's cancelWebhook). */
	async stopListening(workflow: SavedWorkflow): Promise<void> {
		await this.client.request('DELETE', `/rest/test-webhook/${workflow.id}`);
	}

	async executionsOf(workflow: SavedWorkflow): Promise<Execution[]> {
		const list = await this.client.request<{ results: Execution[] }>(
			'GET',
			`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`,
		);
		return list.results;
	}

	/** Waits for the workflow's executions to reach `count` and finish; the items of each, oldest first. */
	async finishedExecutions(
		workflow: SavedWorkflow,
		count: number,
		node: string,
	): Promise<Array<{ execution: Execution; items: Array<Record<string, unknown>> }>> {
		const executions = await this.eventually(
			`${count} finished execution(s) of "${workflow.name}"`,
			async () => {
				const list = await this.executionsOf(workflow);
				return list.length >= count &&
					list.every((execution) => !['new', 'running'].includes(execution.status))
					? list
					: undefined;
			},
			30_000,
		);
		const result = [];
		for (const execution of [...executions].sort((a, b) => Number(a.id) - Number(b.id))) {
			const data = await this.waitForExecution(execution.id);
			result.push({ execution, items: Checker.itemsOf(data, node) });
		}
		return result;
	}

	async newHook(before: Hook[], what: string): Promise<Hook> {
		return await this.eventually(what, async () =>
			(await this.lacrm<Hook[]>('GetWebhooks')).find(
				(candidate) => !before.some((old) => old.WebhookId === candidate.WebhookId),
			),
		);
	}

	async hookDeleted(hook: Hook, what: string): Promise<void> {
		await this.eventually(what, async () => {
			const left = (await this.lacrm<Hook[]>('GetWebhooks', { IncludeArchived: true })).find(
				(candidate) => candidate.WebhookId === hook.WebhookId,
			);
			return left ? undefined : true;
		});
	}

	async activate(workflow: SavedWorkflow): Promise<void> {
		const current = await this.client.request<SavedWorkflow>(
			'GET',
			`/rest/workflows/${workflow.id}`,
		);
		try {
			await this.client.request('POST', `/rest/workflows/${workflow.id}/activate`, {
				versionId: current.versionId,
			});
		} catch (error) {
			// n8n 1.x before the activate endpoint: PATCH active.
			if (!/HTTP 404/.test((error as Error).message)) throw error;
			await this.client.request('PATCH', `/rest/workflows/${workflow.id}`, {
				active: true,
				versionId: current.versionId,
			});
		}
	}

	/** n8n 2.x registers an activated ("published") workflow's webhooks a moment after the API answered. */
	async eventually<T>(
		what: string,
		probe: () => Promise<T | undefined>,
		timeoutMs = 20_000,
	): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = await probe();
			if (value !== undefined) return value;
			if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
			await sleep(250);
		}
	}

	async deactivate(workflow: SavedWorkflow): Promise<void> {
		try {
			await this.client.request('POST', `/rest/workflows/${workflow.id}/deactivate`, {});
		} catch (error) {
			if (!/HTTP 404/.test((error as Error).message)) throw error;
			const current = await this.client.request<SavedWorkflow>(
				'GET',
				`/rest/workflows/${workflow.id}`,
			);
			await this.client.request('PATCH', `/rest/workflows/${workflow.id}`, {
				active: false,
				versionId: current.versionId,
			});
		}
	}

	async cleanUp(): Promise<void> {
		for (const id of this.created) {
			await this.deactivate({ id } as SavedWorkflow).catch(() => undefined);
			await this.client.request('POST', `/rest/workflows/${id}/archive`, {}).catch(() => undefined);
			await this.client.request('DELETE', `/rest/workflows/${id}`).catch(() => undefined);
		}
	}

	// ---- the checks ----

	manualTrigger(): WorkflowNode {
		return {
			id: randomUUID(),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
	}

	lacrmNode(name: string, parameters: Record<string, unknown>, oauth = false): WorkflowNode {
		const { apiKey, oauth2 } = this.state.credentials;
		return {
			id: randomUUID(),
			name,
			type: 'n8n-nodes-lacrm.lacrm',
			typeVersion: 1,
			position: [240, 0],
			parameters: { authentication: oauth ? 'oAuth2' : 'apiKey', ...parameters },
			credentials: oauth
				? { lacrmOAuth2Api: { id: oauth2.id, name: oauth2.name } }
				: { lacrmApi: { id: apiKey.id, name: apiKey.name } },
		};
	}

	triggerNode(parameters: Record<string, unknown>): WorkflowNode {
		const { apiKey } = this.state.credentials;
		return {
			id: randomUUID(),
			name: 'LACRM Trigger',
			type: 'n8n-nodes-lacrm.lacrmTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: 'apiKey', scope: 'Account', ...parameters },
			credentials: { lacrmApi: { id: apiKey.id, name: apiKey.name } },
			webhookId: randomUUID(),
		};
	}

	noOp(): WorkflowNode {
		return {
			id: randomUUID(),
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [240, 0],
			parameters: {},
		};
	}

	/** A contact and one of its pipeline items in the first status of a pipeline with 3+ statuses. */
	async pipelineItem(
		name: string,
	): Promise<{ pipelineId: string; statusIds: string[]; pipelineItemId: string }> {
		const pipelines =
			await this.lacrm<Array<{ PipelineId: string; Statuses: Array<{ StatusId: string }> }>>(
				'GetPipelines',
			);
		const pipeline = pipelines.find((candidate) => candidate.Statuses.length >= 3);
		if (!pipeline) throw new Error('the sandbox has no pipeline with three statuses');
		const fields = await this.lacrm<{
			Results: Array<{
				Name: string;
				IsRequired?: boolean;
				Type: string;
				Options?: Array<string | { Name: string }>;
			}>;
		}>('GetCustomFields', { RecordType: 'Pipeline', PipelineId: pipeline.PipelineId });
		const required: Record<string, unknown> = {};
		for (const field of fields.Results.filter((candidate) => candidate.IsRequired)) {
			const option = field.Options?.[0];
			required[field.Name] =
				option !== undefined
					? typeof option === 'string'
						? option
						: option.Name
					: field.Type === 'Number'
						? 1
						: 'x';
		}
		const contact = await this.newContact(name);
		const item = await this.lacrm<{ PipelineItemId: string }>('CreatePipelineItem', {
			ContactId: contact.ContactId,
			PipelineId: pipeline.PipelineId,
			StatusId: pipeline.Statuses[0].StatusId,
			...required,
		});
		return {
			pipelineId: pipeline.PipelineId,
			statusIds: pipeline.Statuses.map((status) => status.StatusId),
			pipelineItemId: item.PipelineItemId,
		};
	}

	static chain(from: string, to: string): Record<string, unknown> {
		return { [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } };
	}

	static itemsOf(
		data: ReturnType<typeof parseExecutionData>,
		node: string,
	): Array<Record<string, unknown>> {
		return (data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	}

	async run(): Promise<CheckReport> {
		const stamp = new Date().toISOString().slice(11, 19);

		await this.step('editor UI served', async () => {
			const res = await fetch(`${this.state.n8nUrl}/`);
			const html = await res.text();
			if (!res.ok || !/<html/i.test(html)) throw new Error(`GET / → HTTP ${res.status}`);
			const settings = await this.client.request<{ versionCli?: string }>('GET', '/rest/settings');
			return `GET / → HTTP 200 (${html.length} bytes of HTML); /rest/settings reports n8n ${settings.versionCli ?? '?'}`;
		});

		await this.step('node and credential types loaded', async () => {
			const nodes = await this.client.request<Array<{ name: string; version: number | number[] }>>(
				'GET',
				'/types/nodes.json',
			);
			const ours = nodes
				.filter((node) => node.name.startsWith('n8n-nodes-lacrm.'))
				.map((node) => node.name);
			for (const expected of [
				'n8n-nodes-lacrm.lacrm',
				'n8n-nodes-lacrm.lacrmTrigger',
				'n8n-nodes-lacrm.lacrmPollingTrigger',
			]) {
				if (!ours.includes(expected))
					throw new Error(
						`${expected} missing from /types/nodes.json (have: ${ours.join(', ') || 'none'})`,
					);
			}
			const credentials = await this.client.request<Array<{ name: string }>>(
				'GET',
				'/types/credentials.json',
			);
			const credentialNames = credentials
				.map((credential) => credential.name)
				.filter((name) => name.startsWith('lacrm'));
			if (!credentialNames.includes('lacrmApi') || !credentialNames.includes('lacrmOAuth2Api')) {
				throw new Error(`credential types missing (have: ${credentialNames.join(', ')})`);
			}
			const [description] = await this.client.request<
				Array<{ displayName: string; properties: unknown[] }>
			>('POST', '/rest/node-types', {
				nodeInfos: [{ name: 'n8n-nodes-lacrm.lacrm', version: 1 }],
			});
			return `${ours.join(', ')}; credentials ${credentialNames.join(', ')}; "${description.displayName}" has ${description.properties.length} parameters`;
		});

		if (this.state.workflows.length > 0) {
			await this.step(
				`example workflows (${this.state.workflows.length}) use the sandbox credentials and known node types`,
				async () => {
					const known = new Set(
						(
							await this.client.request<Array<{ name: string; version: number | number[] }>>(
								'GET',
								'/types/nodes.json',
							)
						).flatMap((node) =>
							(Array.isArray(node.version) ? node.version : [node.version]).map(
								(version) => `${node.name}@${version}`,
							),
						),
					);
					const ours: Record<string, string> = {
						lacrmApi: this.state.credentials.apiKey.id,
						lacrmOAuth2Api: this.state.credentials.oauth2.id,
					};
					const problems: string[] = [];
					let lacrmNodes = 0;
					for (const { id, name } of this.state.workflows) {
						const workflow = await this.client.request<SavedWorkflow>(
							'GET',
							`/rest/workflows/${id}`,
						);
						for (const node of workflow.nodes) {
							if (!known.has(`${node.type}@${node.typeVersion}`))
								problems.push(
									`"${name}": ${node.type} v${node.typeVersion} is not a known node type`,
								);
							for (const [type, reference] of Object.entries(node.credentials ?? {})) {
								if (type in ours && reference.id !== ours[type])
									problems.push(`"${name}" → ${node.name}: ${type} is not the sandbox credential`);
							}
							if (node.type.startsWith('n8n-nodes-lacrm.')) lacrmNodes++;
						}
					}
					if (problems.length) throw new Error(problems.join('; '));
					return `${lacrmNodes} LACRM nodes in ${this.state.workflows.length} workflows, all wired to the sandbox credentials`;
				},
			);

			for (const { id, name } of this.state.workflows) {
				const workflow = await this.client.request<SavedWorkflow>('GET', `/rest/workflows/${id}`);
				const start = workflow.nodes.find(
					(node) =>
						node.type === 'n8n-nodes-base.scheduleTrigger' ||
						node.type === 'n8n-nodes-base.manualTrigger',
				);
				if (!start) continue;
				await this.step(`example "${name}" runs manually against the sandbox`, async () => {
					const data = await this.runManually(workflow, start.name);
					const counts = workflow.nodes
						.filter((node) => node.type.startsWith('n8n-nodes-lacrm.'))
						.map((node) => `${node.name}: ${Checker.itemsOf(data, node.name).length} items`);
					return counts.join(', ');
				});
			}
		}

		await this.step('manual execution, API key: Contact → Get Many (limit 3)', async () => {
			const workflow = await this.createWorkflow(
				`dev check ${stamp}: API key`,
				[
					this.manualTrigger(),
					this.lacrmNode('LACRM', {
						resource: 'contact',
						operation: 'getAll',
						returnAll: false,
						limit: 3,
					}),
				],
				Checker.chain('Start', 'LACRM'),
			);
			const data = await this.runManually(workflow, 'Start');
			const items = Checker.itemsOf(data, 'LACRM');
			if (items.length !== 3 || !items.every((item) => typeof item.ContactId === 'string')) {
				throw new Error(
					`expected 3 contacts with string ContactIds, got ${JSON.stringify(items).slice(0, 300)}`,
				);
			}
			return `3 contacts, e.g. ${String(items[0].ContactId)} "${String(items[0].Name ?? items[0].FirstName ?? '')}"`;
		});

		await this.step(
			'manual execution, OAuth2: User → Get Current, then again after the sandbox expired the token',
			async () => {
				if (!this.state.credentials.oauth2.connected)
					throw new Error('the OAuth2 credential is not connected (see the dev output)');
				const workflow = await this.createWorkflow(
					`dev check ${stamp}: OAuth2`,
					[
						this.manualTrigger(),
						this.lacrmNode('LACRM', { resource: 'user', operation: 'getCurrent' }, true),
					],
					Checker.chain('Start', 'LACRM'),
				);
				const first = Checker.itemsOf(await this.runManually(workflow, 'Start'), 'LACRM');
				if (!first[0]?.UserId) throw new Error(`no UserId in ${JSON.stringify(first)}`);
				const before = await this.counters();
				await this.sandbox('expire-tokens', {});
				const second = Checker.itemsOf(await this.runManually(workflow, 'Start'), 'LACRM');
				const after = await this.counters();
				if (!second[0]?.UserId)
					throw new Error(`no UserId after the refresh: ${JSON.stringify(second)}`);
				const refreshes = after.refreshes - before.refreshes;
				if (
					refreshes !== 1 ||
					after.refreshReuses !== before.refreshReuses ||
					after.revokedGrants !== before.revokedGrants
				) {
					throw new Error(
						`expected exactly 1 refresh and no reuse, sandbox saw refreshes +${refreshes}, reuses ${after.refreshReuses}, revoked ${after.revokedGrants}`,
					);
				}
				// A third run uses the token n8n stored after the refresh: no further refresh.
				await this.runManually(workflow, 'Start');
				const third = await this.counters();
				if (third.refreshes !== after.refreshes)
					throw new Error('the refreshed token was not stored: the third run refreshed again');
				return `UserId ${String(first[0].UserId)}; expired token → 1 refresh (no reuse), stored and reused by the next run`;
			},
		);

		await this.step('production webhook: Webhook → LACRM, activated and called', async () => {
			const pathSegment = `lacrm-dev-check-${randomUUID().slice(0, 8)}`;
			const webhook: WorkflowNode = {
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				parameters: { httpMethod: 'GET', path: pathSegment, responseMode: 'lastNode', options: {} },
				webhookId: randomUUID(),
			};
			const workflow = await this.createWorkflow(
				`dev check ${stamp}: webhook`,
				[
					webhook,
					this.lacrmNode('LACRM', {
						resource: 'contact',
						operation: 'getAll',
						returnAll: false,
						limit: 2,
					}),
				],
				Checker.chain('Webhook', 'LACRM'),
			);
			await this.activate(workflow);
			try {
				const { res, text } = await this.eventually(
					`the production webhook /webhook/${pathSegment} to be registered`,
					async () => {
						const answer = await fetch(`${this.state.n8nUrl}/webhook/${pathSegment}`);
						const body = await answer.text();
						return answer.status === 404 && /not registered/.test(body)
							? undefined
							: { res: answer, text: body };
					},
				);
				if (!res.ok)
					throw new Error(`GET /webhook/${pathSegment}: HTTP ${res.status} ${text.slice(0, 300)}`);
				const body = JSON.parse(text) as unknown;
				const first = (Array.isArray(body) ? body[0] : body) as Record<string, unknown>;
				if (typeof first?.ContactId !== 'string')
					throw new Error(`no contact in the webhook answer: ${text.slice(0, 300)}`);
				return `GET /webhook/${pathSegment} → HTTP 200 with contact ${first.ContactId}`;
			} finally {
				await this.deactivate(workflow);
			}
		});

		await this.step(
			'LACRM Trigger: activate (handshake), new contact → execution, deactivate',
			async () => {
				const trigger: WorkflowNode = {
					id: randomUUID(),
					name: 'LACRM Trigger',
					type: 'n8n-nodes-lacrm.lacrmTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'apiKey', events: ['Contact.Create'], scope: 'Account' },
					credentials: {
						lacrmApi: {
							id: this.state.credentials.apiKey.id,
							name: this.state.credentials.apiKey.name,
						},
					},
					webhookId: randomUUID(),
				};
				const noOp: WorkflowNode = {
					id: randomUUID(),
					name: 'Done',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [240, 0],
					parameters: {},
				};
				const workflow = await this.createWorkflow(
					`dev check ${stamp}: trigger`,
					[trigger, noOp],
					Checker.chain('LACRM Trigger', 'Done'),
				);
				const hooksBefore = await this.lacrm<Hook[]>('GetWebhooks');
				await this.activate(workflow);
				let hook: Hook | undefined;
				try {
					hook = await this.newHook(hooksBefore, 'activation to register a webhook at the sandbox');
					if (!hook.EndpointUrl.includes(trigger.webhookId!))
						throw new Error(`unexpected endpoint ${hook.EndpointUrl}`);
					const name = `Dev Check ${stamp.replace(/:/g, '')}`;
					const created = await this.deliverNewContact(name);
					const [run] = await this.finishedExecutions(workflow, 1, 'LACRM Trigger');
					const text = JSON.stringify(run.items);
					if (!text.includes(created.ContactId))
						throw new Error(
							`the execution's items do not mention contact ${created.ContactId}: ${text.slice(0, 300)}`,
						);
				} finally {
					await this.deactivate(workflow);
				}
				if (hook) await this.hookDeleted(hook, `deactivation to delete webhook ${hook.WebhookId}`);
				return `hook ${hook?.WebhookId} → ${hook?.EndpointUrl}; Contact.Create delivered and executed; hook deleted on deactivation`;
			},
		);

		await this.step(
			'LACRM Trigger, listen for a test event: new contact → one test execution; stop listening deletes the hook; activation afterwards',
			async () => {
				const trigger = this.triggerNode({ events: ['Contact.Create'] });
				const workflow = await this.createWorkflow(
					`dev check ${stamp}: listen`,
					[trigger, this.noOp()],
					Checker.chain('LACRM Trigger', 'Done'),
				);
				const notes: string[] = [];

				// 1. Listen: the hook goes to the test URL; the handshake does not use up the listener.
				let before = await this.lacrm<Hook[]>('GetWebhooks', { IncludeArchived: true });
				await this.listen(workflow, 'LACRM Trigger');
				const testHook = await this.newHook(before, 'listening to register a hook');
				if (!testHook.EndpointUrl.includes(`/webhook-test/${trigger.webhookId}`))
					throw new Error(`listening registered ${testHook.EndpointUrl}, not the test URL`);
				const name = `Listen Check ${stamp.replace(/:/g, '')}`;
				const created = await this.deliverNewContact(name);
				const [run] = await this.finishedExecutions(workflow, 1, 'LACRM Trigger');
				if (run.execution.mode !== undefined && run.execution.mode !== 'manual')
					throw new Error(`the test execution ran in mode "${run.execution.mode}"`);
				if (run.items.length !== 1 || run.items[0].ContactId !== created.ContactId)
					throw new Error(
						`expected one item with contact ${created.ContactId}: ${JSON.stringify(run.items).slice(0, 300)}`,
					);
				await this.hookDeleted(testHook, 'n8n to delete the hook after the test event');
				const executions = await this.executionsOf(workflow);
				if (executions.length !== 1)
					throw new Error(`expected exactly 1 test execution, n8n has ${executions.length}`);
				notes.push(
					`listen → hook at ${new URL(testHook.EndpointUrl).pathname}; contact ${created.ContactId} → execution ${run.execution.id} (${run.execution.mode ?? '?'}, 1 item); hook deleted`,
				);

				// 2. Listen again, then stop listening before any event.
				before = await this.lacrm<Hook[]>('GetWebhooks', { IncludeArchived: true });
				await this.listen(workflow, 'LACRM Trigger');
				const second = await this.newHook(before, 'listening again to register a hook');
				await this.stopListening(workflow);
				await this.hookDeleted(second, 'stopping listening to delete the hook');
				notes.push(`listen + stop → hook ${second.WebhookId} deleted`);

				// 3. Activation afterwards: a hook at the production URL, and it delivers.
				before = await this.lacrm<Hook[]>('GetWebhooks', { IncludeArchived: true });
				await this.activate(workflow);
				try {
					const live = await this.newHook(before, 'activation to register a hook');
					if (!live.EndpointUrl.includes(`/webhook/${trigger.webhookId}`))
						throw new Error(`activation registered ${live.EndpointUrl}, not the production URL`);
					const later = await this.deliverNewContact(`${name} Live`);
					const runs = await this.finishedExecutions(workflow, 2, 'LACRM Trigger');
					const production = runs[runs.length - 1];
					if (!JSON.stringify(production.items).includes(later.ContactId))
						throw new Error(
							`the production execution does not mention ${later.ContactId}: ${JSON.stringify(production.items).slice(0, 300)}`,
						);
					notes.push(
						`activated → hook at ${new URL(live.EndpointUrl).pathname}, contact ${later.ContactId} → execution ${production.execution.id} (${production.execution.mode ?? '?'})`,
					);
				} finally {
					await this.deactivate(workflow);
				}
				return notes.join('; ');
			},
		);

		await this.step(
			'LACRM Trigger, listen for a test event with a status filter: only the move to that status is the test execution',
			async () => {
				const deal = await this.pipelineItem(`Listen Deal ${stamp.replace(/:/g, '')}`);
				const target = deal.statusIds[deal.statusIds.length - 1];
				const trigger = this.triggerNode({
					events: ['PipelineItemStatus.Update'],
					pipelineId: { __rl: true, mode: 'id', value: deal.pipelineId },
					statusIds: [target],
				});
				const workflow = await this.createWorkflow(
					`dev check ${stamp}: listen for a status`,
					[trigger, this.noOp()],
					Checker.chain('LACRM Trigger', 'Done'),
				);
				const before = await this.lacrm<Hook[]>('GetWebhooks', { IncludeArchived: true });
				await this.listen(workflow, 'LACRM Trigger');
				try {
					const hook = await this.newHook(before, 'listening to register a hook');
					await this.lacrm('EditPipelineItem', {
						PipelineItemId: deal.pipelineItemId,
						StatusId: deal.statusIds[1],
					});
					await this.sandbox('flush-webhooks', {});
					if ((await this.executionsOf(workflow)).length !== 0)
						throw new Error('a move to a status outside the filter started an execution');
					const still = (await this.lacrm<Hook[]>('GetWebhooks')).some(
						(candidate) => candidate.WebhookId === hook.WebhookId,
					);
					if (!still) throw new Error('a move outside the filter ended the listening');
					await this.lacrm('EditPipelineItem', {
						PipelineItemId: deal.pipelineItemId,
						StatusId: target,
					});
					await this.sandbox('flush-webhooks', {});
					const [run] = await this.finishedExecutions(workflow, 1, 'LACRM Trigger');
					if (
						run.items.length !== 1 ||
						run.items[0].PipelineItemId !== deal.pipelineItemId ||
						String(run.items[0].StatusId) !== target
					)
						throw new Error(
							`expected one item for pipeline item ${deal.pipelineItemId} in status ${target}: ${JSON.stringify(run.items).slice(0, 300)}`,
						);
					await this.hookDeleted(hook, 'n8n to delete the hook after the test event');
					if ((await this.executionsOf(workflow)).length !== 1)
						throw new Error('more than one test execution');
					return `move to another status → nothing, still listening; move to ${target} → execution ${run.execution.id} with pipeline item ${deal.pipelineItemId}; hook deleted`;
				} finally {
					await this.stopListening(workflow).catch(() => undefined);
				}
			},
		);

		await this.cleanUp();
		return this.report();
	}
}

export async function runChecks(state: DevState, client: N8nClient): Promise<CheckReport> {
	process.stdout.write(
		`[check] checking n8n ${state.n8nVersion} at ${state.n8nUrl} against the sandbox at ${state.sandbox.url}\n`,
	);
	const report = await new Checker(state, client).run();
	const failed = report.results.filter((result) => !result.ok).length;
	process.stdout.write(
		`[check] ${report.results.length - failed}/${report.results.length} checks passed\n`,
	);
	return report;
}

async function main(): Promise<void> {
	const state = readState();
	const client = new N8nClient(state.n8nUrl);
	await client.login(state.owner);
	const report = await runChecks(state, client);
	process.exit(report.ok ? 0 : 1);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`[check] ${(error as Error).message}\n`);
		process.exit(1);
	});
}
