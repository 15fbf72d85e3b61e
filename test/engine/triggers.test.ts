/**
 * Both triggers inside n8n's engine against the sandbox: LACRM's handshake, signed deliveries,
 * forged ones, a hook LACRM archived, restarts, and polling through a storm of 429s.
 */
import { createHmac } from 'crypto';
import type { IDataObject, INode } from 'n8n-workflow';
import nock from 'nock';

import { LacrmPollingTrigger } from '../../nodes/LacrmPollingTrigger/LacrmPollingTrigger.node';
import { LacrmTrigger } from '../../nodes/LacrmTrigger/LacrmTrigger.node';
import { rateGate } from '../../nodes/Lacrm/transport/rateGate';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { FUNCTION_SPEC_BY_NAME } from '../../sandbox/spec';
import { apiKeyCredential, LACRM_API_URL, sandboxApiKeyCredential } from '../harness/credentials';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { HarnessNodeTypes } from '../harness/node-types';
import { poll } from '../harness/poll';
import type { HarnessWorkflow } from '../harness/runner';
import { chain, node } from '../harness/workflow';
import { buildWorkflow } from '../harness/runner';
import type { WebhookServer } from '../harness/webhook-server';
import { startWebhookServer } from '../harness/webhook-server';
import { ENGINE_LABEL } from '../harness/version';

afterEach(() => rateGate.reset());

const nodeTypes = new HarnessNodeTypes({
	'n8n-nodes-lacrm.lacrmTrigger': new LacrmTrigger(),
	'n8n-nodes-lacrm.lacrmPollingTrigger': new LacrmPollingTrigger(),
});

const CREDENTIAL = { lacrmApi: { id: 'lacrm-key', name: 'LACRM (sandbox)' } };

function credentialsFor(sandbox: Sandbox): HarnessCredentialsHelper {
	return new HarnessCredentialsHelper().add(
		sandboxApiKeyCredential({ id: 'lacrm-key', name: 'LACRM (sandbox)' }, sandbox),
	);
}

function triggerWorkflow(parameters: IDataObject): HarnessWorkflow {
	return {
		nodes: [
			node(
				'LACRM Trigger',
				'n8n-nodes-lacrm.lacrmTrigger',
				{ authentication: 'apiKey', ...parameters },
				{ credentials: CREDENTIAL },
			),
			node('Out', 'n8n-nodes-base.noOp'),
		],
		connections: chain('LACRM Trigger', 'Out'),
	};
}

async function api(sandbox: Sandbox, fn: string, parameters: IDataObject = {}) {
	const { status, body } = await sandbox.call(fn, parameters);
	if (status !== 200) throw new Error(`${fn} → ${status} ${JSON.stringify(body)}`);
	return body;
}

/** Values for the required custom fields of a pipeline, so CreatePipelineItem accepts an item. */
async function requiredFields(sandbox: Sandbox, pipelineId: string): Promise<IDataObject> {
	const fields = (await api(sandbox, 'GetCustomFields', {
		RecordType: 'Pipeline',
		PipelineId: pipelineId,
	})) as {
		Results: Array<{
			Name: string;
			IsRequired: boolean;
			Type: string;
			Options?: Array<{ Name: string }>;
		}>;
	};
	const values: IDataObject = {};
	for (const field of fields.Results.filter((candidate) => candidate.IsRequired)) {
		values[field.Name] = field.Options?.length
			? field.Options[0].Name
			: field.Type === 'Number'
				? 1
				: 'x';
	}
	return values;
}

/** A contact created straight through the API, owned by the first user (fires Contact.Create). */
async function createContact(sandbox: Sandbox, name: string, more: IDataObject = {}) {
	return (await api(sandbox, 'CreateContact', {
		IsCompany: false,
		AssignedTo: sandbox.users()[0].UserId,
		Name: name,
		...more,
	})) as { ContactId: string };
}

/** An item for the contact in the pipeline's first status, its required fields filled in. */
async function createPipelineItem(
	sandbox: Sandbox,
	contactId: string,
	pipeline: { PipelineId: string; Statuses: Array<{ StatusId: string }> },
) {
	return (await api(sandbox, 'CreatePipelineItem', {
		ContactId: contactId,
		PipelineId: pipeline.PipelineId,
		StatusId: pipeline.Statuses[0].StatusId,
		...(await requiredFields(sandbox, pipeline.PipelineId)),
	})) as { PipelineItemId: string };
}

async function hooks(sandbox: Sandbox, includeArchived = false) {
	return (await api(sandbox, 'GetWebhooks', { IncludeArchived: includeArchived })) as Array<{
		WebhookId: string;
		EndpointUrl: string;
		DateArchived: string | null;
	}>;
}

describe(`LACRM Trigger (webhooks) on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;
	let host: WebhookServer;
	let workflow: HarnessWorkflow;

	beforeEach(async () => {
		sandbox = await startSandbox({ quiet: true, webhookRetry: { maxAttempts: 3, baseDelayMs: 5 } });
		host = await startWebhookServer({ nodeTypes, credentials: credentialsFor(sandbox) });
		workflow = triggerWorkflow({
			events: ['Contact.Create', 'PipelineItemStatus.Update'],
			scope: 'Account',
		});
		await host.activate(workflow);
	});

	afterEach(async () => {
		await host.close();
		await sandbox.stop();
	});

	it('activation creates one hook, answers the handshake, and keeps the secret next to the webhook id', async () => {
		const url = host.webhookUrl(workflow.id as string, 'LACRM Trigger');
		const active = await hooks(sandbox);
		expect(active.map((hook) => hook.EndpointUrl)).toEqual([url]);
		const state = workflow.staticData?.['node:LACRM Trigger'] as IDataObject;
		expect(state.webhookId).toBe(active[0].WebhookId);
		expect(state.hookSecret).toEqual(expect.any(String));
		const handshake = host.requests.find((request) => request.headers['x-hook-secret']);
		expect(handshake?.status).toBe(200);
		expect(host.executionsStarted).toBe(0);
	});

	it('a signed delivery becomes one item per record, each with its event', async () => {
		const created = await createContact(sandbox, 'Webhook Wendy', { Email: 'wendy@example.com' });
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		expect(run.error).toBeUndefined();
		expect(run.itemsOf('Out')).toEqual([
			expect.objectContaining({
				Change: 'Contact or company created',
				TriggeringEvent: 'Contact.Create',
				ContactId: created.ContactId,
			}),
		]);
	});

	it('refuses forged and unsigned deliveries with 401 and starts no execution', async () => {
		const url = host.webhookUrl(workflow.id as string, 'LACRM Trigger');
		const body = JSON.stringify({
			UserId: '1',
			TriggeringEvent: 'Contact.Create',
			Contacts: [{ ContactId: '1' }],
		});
		const forged = await fetch(url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-Hook-Signature': createHmac('sha256', 'guessed').update(body).digest('hex'),
			},
			body,
		});
		const unsigned = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body,
		});
		expect(forged.status).toBe(401);
		expect(unsigned.status).toBe(401);
		expect(host.executionsStarted).toBe(0);
	});

	it('a restart does not create a second hook, and deliveries still verify', async () => {
		await host.restart();
		expect((await hooks(sandbox, true)).length).toBe(1);
		await createContact(sandbox, 'After Restart');
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		expect(run.itemsOf('Out')[0]).toMatchObject({ TriggeringEvent: 'Contact.Create' });
	});

	it('a hook LACRM archived after failed deliveries is re-created on re-activation', async () => {
		// The endpoint refuses deliveries (its secret no longer matches) until LACRM gives up.
		(workflow.staticData?.['node:LACRM Trigger'] as IDataObject).hookSecret = 'not-the-secret';
		await createContact(sandbox, 'Lost');
		await sandbox.flushWebhooks();
		expect((await hooks(sandbox)).length).toBe(0);
		expect((await hooks(sandbox, true))[0].DateArchived).not.toBeNull();

		await host.deactivate(workflow);
		await host.activate(workflow);
		const active = await hooks(sandbox);
		expect(active).toHaveLength(1);
		await createContact(sandbox, 'Found');
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		expect(run.itemsOf('Out')[0]).toMatchObject({ TriggeringEvent: 'Contact.Create' });
	});

	it('offers exactly the seven events LACRM documents, and points to the Polling Trigger where they are picked', () => {
		const { properties } = new LacrmTrigger().description;
		const events = properties.find((property) => property.name === 'events');
		// The events CreateWebhook accepts, as the sandbox's copy of LACRM's function catalogue lists them.
		const documented = FUNCTION_SPEC_BY_NAME.get('CreateWebhook')?.parameters.find(
			(parameter) => parameter.name === 'Events',
		)?.enum;
		expect(documented).toHaveLength(7);
		expect(
			(events?.options as Array<{ value: string }>).map((event) => event.value).sort(),
		).toEqual([...(documented ?? [])].sort());
		const next = properties[properties.indexOf(events!) + 1];
		expect(next).toMatchObject({ type: 'notice' });
		expect(next.displayName).toMatch(/edits.*Less Annoying CRM Polling Trigger/);
	});

	it("the subtitle names the events as the user picked them (n8n's expression engine)", () => {
		const saved = triggerWorkflow({
			events: ['PipelineItemStatus.Update', 'Contact.Create'],
			scope: 'Account',
		});
		const wf = buildWorkflow(saved, nodeTypes);
		const node = wf.getNode('LACRM Trigger') as INode;
		const subtitle = new LacrmTrigger().description.subtitle as string;
		expect(wf.expression.getSimpleParameterValue(node, subtitle, 'internal', {})).toBe(
			'Pipeline item status changed, Contact or company created',
		);
	});

	it('a workflow saved with an event LACRM does not send fails activation naming it, and registers nothing', async () => {
		await host.deactivate(workflow);
		const saved = triggerWorkflow({
			events: ['Contact.Create', 'Contact.Update'],
			scope: 'Account',
		});
		const error = await host.activate(saved).then(
			() => undefined,
			(thrown: Error) => thrown,
		);
		expect(error?.constructor.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'The event "Contact.Update" is not one LACRM sends: remove it from "Events"',
		);
		expect((error as { description?: string }).description).toMatch(
			/Less Annoying CRM Polling Trigger \("New or Updated Contact"/,
		);
		expect(await hooks(sandbox, true)).toEqual([]);
	});

	it("refuses n8n's http webhook URL against LACRM itself before any request, and explains WEBHOOK_URL", async () => {
		await host.deactivate(workflow);
		// A credential pointing at LACRM (the default API Base URL); the harness serves http://127.0.0.1.
		const lacrm = nock('https://api.lessannoyingcrm.com').post('/v2/').reply(200, []);
		const credentials = new HarnessCredentialsHelper().add(
			apiKeyCredential(
				{ id: 'lacrm-key', name: 'LACRM (sandbox)' },
				{
					apiKey: 'k',
					baseUrl: LACRM_API_URL,
				},
			),
		);
		const realHost = await startWebhookServer({ nodeTypes, credentials });
		try {
			const saved = triggerWorkflow({ events: ['Contact.Create'], scope: 'Account' });
			for (const start of [
				async () => await realHost.activate(saved),
				async () => await realHost.listen(saved),
			]) {
				const error = await start().then(
					() => undefined,
					(thrown: Error) => thrown,
				);
				expect(error?.constructor.name).toBe('NodeOperationError');
				expect(error?.message).toMatch(
					/^LACRM needs an https:\/\/ webhook URL, and n8n's is http:\/\/127\.0\.0\.1:\d+\/webhook(-test)?\//,
				);
				expect((error as { description?: string }).description).toMatch(/WEBHOOK_URL/);
			}
			expect(lacrm.isDone()).toBe(false);
		} finally {
			nock.cleanAll();
			await realHost.close();
		}
		// Against the sandbox (another API Base URL) the same http URL is fine: every other test here.
	});

	it('deactivation deletes the hook', async () => {
		await host.deactivate(workflow);
		expect(await hooks(sandbox, true)).toEqual([]);
	});

	it('filters pipeline items by pipeline and status', async () => {
		const pipelines = (await api(sandbox, 'GetPipelines')) as Array<{
			PipelineId: string;
			Statuses: Array<{ StatusId: string; Name: string }>;
		}>;
		const [pipeline, other] = pipelines;
		const won = pipeline.Statuses[pipeline.Statuses.length - 1];
		await host.deactivate(workflow);
		workflow = triggerWorkflow({
			events: ['PipelineItemStatus.Update'],
			pipelineId: { __rl: true, mode: 'id', value: pipeline.PipelineId },
			statusIds: [won.StatusId],
		});
		await host.activate(workflow);
		const contact = await createContact(sandbox, 'Deal Maker');
		const item = await createPipelineItem(sandbox, contact.ContactId, pipeline);
		const otherItem = await createPipelineItem(sandbox, contact.ContactId, other);
		await api(sandbox, 'EditPipelineItem', {
			PipelineItemId: otherItem.PipelineItemId,
			StatusId: other.Statuses[1].StatusId,
		});
		await api(sandbox, 'EditPipelineItem', {
			PipelineItemId: item.PipelineItemId,
			StatusId: pipeline.Statuses[1].StatusId,
		});
		await api(sandbox, 'EditPipelineItem', {
			PipelineItemId: item.PipelineItemId,
			StatusId: won.StatusId,
		});
		await sandbox.flushWebhooks();
		await host.idle();
		const items = host.executions.flatMap((execution) => execution.result?.itemsOf('Out') ?? []);
		expect(items).toEqual([
			expect.objectContaining({
				Change: 'Pipeline item status changed',
				TriggeringEvent: 'PipelineItemStatus.Update',
				PipelineItemId: item.PipelineItemId,
				StatusId: won.StatusId,
			}),
		]);
	});
});

describe(`LACRM Trigger, "Listen for test event", on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;
	let host: WebhookServer;

	beforeEach(async () => {
		sandbox = await startSandbox({ quiet: true, webhookRetry: { maxAttempts: 3, baseDelayMs: 5 } });
		host = await startWebhookServer({ nodeTypes, credentials: credentialsFor(sandbox) });
	});

	afterEach(async () => {
		await host.close();
		await sandbox.stop();
	});

	it('registers the hook at the test URL, answers the handshake, captures the next event once, then removes the hook', async () => {
		const workflow = triggerWorkflow({ events: ['Contact.Create'], scope: 'Account' });
		await host.listen(workflow);
		const testUrl = host.testWebhookUrl(workflow.id as string, 'LACRM Trigger');
		expect(testUrl).toContain('/webhook-test/');
		expect((await hooks(sandbox)).map((hook) => hook.EndpointUrl)).toEqual([testUrl]);
		const handshake = host.requests.find((request) => request.headers['x-hook-secret']);
		expect(handshake).toMatchObject({ path: new URL(testUrl).pathname, status: 200 });
		// The handshake started nothing, so n8n is still listening.
		expect(host.executionsStarted).toBe(0);
		expect(host.isListening(workflow)).toBe(true);

		const wendy = await createContact(sandbox, 'Listening Wendy');
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		await host.idle();
		expect(host.executions[0].test).toBe(true);
		expect(run.mode).toBe('manual');
		expect(run.error).toBeUndefined();
		expect(run.itemsOf('Out')).toEqual([
			expect.objectContaining({ TriggeringEvent: 'Contact.Create', ContactId: wendy.ContactId }),
		]);
		// One test event per listen: the hook is gone, later changes start nothing.
		expect(host.isListening(workflow)).toBe(false);
		expect(await hooks(sandbox, true)).toEqual([]);
		await createContact(sandbox, 'Too Late');
		await sandbox.flushWebhooks();
		await host.idle();
		expect(host.executionsStarted).toBe(1);
		// Nothing the test run did is saved on the workflow.
		expect(workflow.staticData?.['node:LACRM Trigger']).toBeUndefined();
	});

	it('stopping listening before any event deletes the hook; activating afterwards works', async () => {
		const workflow = triggerWorkflow({ events: ['Contact.Create'], scope: 'Account' });
		await host.listen(workflow);
		expect(await hooks(sandbox)).toHaveLength(1);
		expect(await host.stopListening(workflow)).toEqual([]);
		expect(await hooks(sandbox, true)).toEqual([]);

		await host.activate(workflow);
		const productionUrl = host.webhookUrl(workflow.id as string, 'LACRM Trigger');
		expect((await hooks(sandbox)).map((hook) => hook.EndpointUrl)).toEqual([productionUrl]);
		const created = await createContact(sandbox, 'After Listening');
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		expect(run.mode).toBe('webhook');
		expect(run.itemsOf('Out')).toEqual([expect.objectContaining({ ContactId: created.ContactId })]);
	});

	it('listening on an active workflow leaves its production hook alone', async () => {
		const workflow = triggerWorkflow({ events: ['Contact.Create'], scope: 'Account' });
		await host.activate(workflow);
		const productionUrl = host.webhookUrl(workflow.id as string, 'LACRM Trigger');
		await host.listen(workflow);
		const testUrl = host.testWebhookUrl(workflow.id as string, 'LACRM Trigger');
		expect((await hooks(sandbox)).map((hook) => hook.EndpointUrl).sort()).toEqual(
			[productionUrl, testUrl].sort(),
		);
		await host.stopListening(workflow);
		expect((await hooks(sandbox, true)).map((hook) => hook.EndpointUrl)).toEqual([productionUrl]);
		await createContact(sandbox, 'Still Live');
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		expect(run.mode).toBe('webhook');
	});

	it('a move to a status outside the filter does not use up the listener; the filtered one is the test event', async () => {
		const pipelines = (await api(sandbox, 'GetPipelines')) as Array<{
			PipelineId: string;
			Statuses: Array<{ StatusId: string }>;
		}>;
		const pipeline = pipelines.find((candidate) => candidate.Statuses.length >= 3) ?? pipelines[0];
		const target = pipeline.Statuses[pipeline.Statuses.length - 1];
		const contact = await createContact(sandbox, 'Deal Listener');
		const item = await createPipelineItem(sandbox, contact.ContactId, pipeline);

		const workflow = triggerWorkflow({
			events: ['PipelineItemStatus.Update'],
			pipelineId: { __rl: true, mode: 'id', value: pipeline.PipelineId },
			statusIds: [target.StatusId],
		});
		await host.listen(workflow);
		await api(sandbox, 'EditPipelineItem', {
			PipelineItemId: item.PipelineItemId,
			StatusId: pipeline.Statuses[1].StatusId,
		});
		await sandbox.flushWebhooks();
		expect(host.executionsStarted).toBe(0);
		expect(host.isListening(workflow)).toBe(true);

		await api(sandbox, 'EditPipelineItem', {
			PipelineItemId: item.PipelineItemId,
			StatusId: target.StatusId,
		});
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		await host.idle();
		expect(run.itemsOf('Out')).toEqual([
			expect.objectContaining({
				TriggeringEvent: 'PipelineItemStatus.Update',
				PipelineItemId: item.PipelineItemId,
				StatusId: target.StatusId,
			}),
		]);
		expect(await hooks(sandbox, true)).toEqual([]);
	});
});

describe(`LACRM Polling Trigger on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;

	beforeEach(async () => {
		sandbox = await startSandbox({ quiet: true, randomSeed: 7 });
	});

	afterEach(async () => {
		await sandbox.stop();
	});

	function pollingWorkflow(parameters: IDataObject): HarnessWorkflow {
		return {
			id: 'poller',
			nodes: [
				{
					id: 'p',
					name: 'Poller',
					type: 'n8n-nodes-lacrm.lacrmPollingTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'apiKey', simplify: false, ...parameters },
					credentials: CREDENTIAL,
				},
			],
			connections: {},
		};
	}

	it('emits each change exactly once across a storm of 429s', async () => {
		const credentials = credentialsFor(sandbox);
		const workflow = pollingWorkflow({ watch: 'contactUpdated' });
		const first = await poll(workflow, 'Poller', { nodeTypes, credentials });
		expect(first.items).toBeNull();

		const owner = sandbox.users()[0].UserId;
		const expected = new Set<string>();
		const emitted: string[] = [];
		const created: string[] = [];
		const remember = async (ContactId: string) => {
			const contact = (await api(sandbox, 'GetContact', { ContactId })) as IDataObject;
			expected.add(`${ContactId}@${String(contact.LastUpdate)}`);
		};
		// The storm hits the poller's reads (GetContacts) only; the test's own writes go through.
		// With the rate gate on, a poll waits a 429 storm out instead of failing (rate-limit.test.ts);
		// this test is about polls that do fail, so it runs with the fixed number of attempts.
		rateGate.adaptive = false;
		sandbox.setFaults({
			rateLimit: { rate: 0.85, retryAfterSeconds: 0 },
			functions: ['GetContacts'],
		});
		let failedPolls = 0;
		for (let round = 0; round < 12; round++) {
			sandbox.clock.advance(1000);
			if (round % 3 === 0 || created.length === 0) {
				const { ContactId } = (await api(sandbox, 'CreateContact', {
					IsCompany: false,
					AssignedTo: owner,
					Name: `Storm ${round}`,
				})) as {
					ContactId: string;
				};
				created.push(ContactId);
				await remember(ContactId);
			} else {
				const ContactId = created[round % created.length];
				await api(sandbox, 'EditContact', { ContactId, 'Job Title': `Title ${round}` });
				await remember(ContactId);
			}
			if (round === 9) sandbox.clearFaults();
			const result = await poll(workflow, 'Poller', { nodeTypes, credentials });
			if (result.error) failedPolls++;
			for (const item of result.items?.[0] ?? [])
				emitted.push(`${String(item.json.ContactId)}@${String(item.json.LastUpdate)}`);
		}
		sandbox.clearFaults();
		rateGate.reset();
		const last = await poll(workflow, 'Poller', { nodeTypes, credentials });
		for (const item of last.items?.[0] ?? [])
			emitted.push(`${String(item.json.ContactId)}@${String(item.json.LastUpdate)}`);

		expect(failedPolls).toBeGreaterThan(0);
		// Never repeated…
		expect(new Set(emitted).size).toBe(emitted.length);
		// …never invented…
		for (const key of emitted) expect(expected).toContain(key);
		// …and never lost: every contact's latest version came out. (A contact edited twice between
		// two successful polls is seen once, in its newer state — polling cannot see the older one.)
		for (const id of created) {
			const latest = [...expected]
				.filter((key) => key.startsWith(`${id}@`))
				.sort()
				.pop();
			expect(emitted).toContain(latest);
		}
	});

	it('watches new pipeline items in every status of the chosen pipeline', async () => {
		const credentials = credentialsFor(sandbox);
		const pipelines = (await api(sandbox, 'GetPipelines')) as Array<{
			PipelineId: string;
			Statuses: Array<{ StatusId: string; IsActive: boolean }>;
		}>;
		const pipeline = pipelines[0];
		const workflow = pollingWorkflow({
			watch: 'pipelineItemUpdated',
			pipelineId: { __rl: true, mode: 'id', value: pipeline.PipelineId },
		});
		expect((await poll(workflow, 'Poller', { nodeTypes, credentials })).error).toBeUndefined();

		const items = (await api(sandbox, 'GetPipelineItems', {
			PipelineId: pipeline.PipelineId,
			StatusFilter: pipeline.Statuses.map((s) => s.StatusId),
		})) as {
			Results: IDataObject[];
		};
		const closed = pipeline.Statuses.find((status) => !status.IsActive);
		sandbox.clock.advance(5000);
		await api(sandbox, 'EditPipelineItem', {
			PipelineItemId: items.Results[0].PipelineItemId as string,
			StatusId: closed?.StatusId as string,
		});
		const result = await poll(workflow, 'Poller', { nodeTypes, credentials });
		expect(result.error).toBeUndefined();
		expect(result.items?.[0].map((item) => [item.json.PipelineItemId, item.json.StatusId])).toEqual(
			[[items.Results[0].PipelineItemId, closed?.StatusId]],
		);
	});

	it('a manual run returns a sample without moving the cursor', async () => {
		const credentials = credentialsFor(sandbox);
		const workflow = pollingWorkflow({ watch: 'contactCreated', simplify: true });
		const sample = await poll(workflow, 'Poller', { nodeTypes, credentials, mode: 'manual' });
		expect(sample.items?.[0]).toHaveLength(1);
		expect(sample.items?.[0][0].json).toHaveProperty('ContactId');
		expect(sample.items?.[0][0].json).toHaveProperty('Email');
		expect(sample.persisted).toBe(false);
	});
});
