/**
 * The bench's round-trip jobs (issue 13): creates under a token-bucket rate limit, Get over many
 * items, and the same jobs done with n8n's own HTTP Request node as a user would configure it.
 * Every count of calls and successes is read from the sandbox's counters.
 */
import * as path from 'node:path';

import type { ICredentialType, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { HarnessCredentialsHelper } from '../test/harness/credentials-helper';
import { HarnessNodeTypes } from '../test/harness/node-types';
import { runWorkflow } from '../test/harness/runner';
import { chain, node } from '../test/harness/workflow';
import type { SandboxProcess } from './lib';
import { apiKeyCredentials, byId, ROOT, round, runLacrm, timed } from './lib';

/** The rate gate of the BUILT node (the module instance dist/ uses), for the "adaptive off" runs. */
function builtRateGate(): { adaptive: boolean; reset(): void } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(path.join(ROOT, 'dist', 'nodes', 'Lacrm', 'transport', 'rateGate.js')).rateGate;
}

// ---- n8n's HTTP Request node (n8n-nodes-base, a devDependency) --------------------------------------

interface HttpRequestNode {
	nodeTypes: HarnessNodeTypes;
	headerAuth: ICredentialType;
	version: string;
}

export function loadHttpRequestNode(): HttpRequestNode | { missing: string } {
	try {
		/* eslint-disable @typescript-eslint/no-require-imports */
		const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js');
		const {
			HttpHeaderAuth,
		} = require('n8n-nodes-base/dist/credentials/HttpHeaderAuth.credentials.js');
		const { version } = require('n8n-nodes-base/package.json') as { version: string };
		/* eslint-enable @typescript-eslint/no-require-imports */
		return {
			nodeTypes: new HarnessNodeTypes({ 'n8n-nodes-base.httpRequest': new HttpRequest() }),
			headerAuth: new HttpHeaderAuth() as ICredentialType,
			version,
		};
	} catch (error) {
		return { missing: (error as Error).message.split('\n')[0] };
	}
}

const HTTP_NODE = 'HTTP Request';

/** Start → HTTP Request: POST {Function, Parameters} to the API with a header-auth credential. */
export async function runHttpRequest(
	http: HttpRequestNode,
	sandbox: SandboxProcess,
	parameters: INodeParameters,
	items: IDataObject[],
) {
	const credentials = new HarnessCredentialsHelper().registerCredentialType(http.headerAuth).add({
		id: 'bench-header',
		name: 'LACRM API key (header)',
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: sandbox.apiKey },
	});
	const nodes: INode[] = [
		node('Start', 'n8n-nodes-base.manualTrigger'),
		node(
			HTTP_NODE,
			'n8n-nodes-base.httpRequest',
			{
				method: 'POST',
				url: sandbox.apiUrl,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				...parameters,
			},
			{
				typeVersion: 4.2,
				credentials: { httpHeaderAuth: { id: 'bench-header', name: 'LACRM API key (header)' } },
				onError: 'continueRegularOutput',
			},
		),
	];
	const result = await runWorkflow(
		{ nodes, connections: chain('Start', HTTP_NODE) },
		{ nodeTypes: http.nodeTypes, credentials, startData: { nodeName: 'Start', items } },
	);
	const error = result.error ?? result.nodeError(HTTP_NODE);
	const output = result.itemsOf(HTTP_NODE);
	return { output, error: error?.message };
}

// ---- (e) 1,000 × Note → Create under a token bucket ------------------------------------------------

export interface RatedCreateRun {
	label: string;
	tool: 'LACRM node' | 'HTTP Request node';
	maxParallel: number | string;
	adaptive: boolean;
	items: number;
	failedItems: number;
	createNoteSucceeded: number;
	createNoteCalls: number;
	rateLimitedAnswers: number;
	wallMs: number;
	/** Successful creates per second of wall time, and that as a share of the bucket's rate. */
	achievedPerSecond: number;
	shareOfLimit: number;
	/** Wall time of this run ÷ the node one at a time (Max Parallel 1). */
	vsOneAtATime?: number;
}

export interface RatedCreatesResult {
	items: number;
	bucket: { perSecond: number; burst: number };
	latencyMs: number;
	runs: RatedCreateRun[];
	httpRequestNode?: string;
}

export async function ratedCreates(
	sandbox: SandboxProcess,
	options: { items: number; perSecond: number; burst: number; latencyMs: number },
	progress: (text: string) => void,
): Promise<RatedCreatesResult> {
	const { items: count, perSecond, burst, latencyMs } = options;
	await sandbox.control('reset');
	await sandbox.control('seed-contacts', { n: 1 });
	const contactId = String(
		((await sandbox.call('GetContacts', {})).Results as Array<{ ContactId: string }>)[0].ContactId,
	);
	const items = Array.from({ length: count }, (_, i) => ({
		contactId,
		text: `Rated note ${i + 1}`,
	}));
	const credentials = apiKeyCredentials(sandbox);
	const gate = builtRateGate();
	const http = loadHttpRequestNode();

	/** A full bucket and zeroed counters before each run, so every run starts alike. */
	const fresh = async () => {
		await sandbox.control('faults', { tokenBucket: { perSecond, burst }, latencyMs });
		await sandbox.resetCounters();
		gate.reset();
		await new Promise((resolve) => setTimeout(resolve, 1000));
	};
	const measure = async (
		label: string,
		tool: RatedCreateRun['tool'],
		maxParallel: number | string,
		adaptive: boolean,
		run: () => Promise<IDataObject[]>,
	): Promise<RatedCreateRun> => {
		progress(`(e) ${label}`);
		await fresh();
		gate.adaptive = adaptive;
		const { ms, value: output } = await timed(run);
		gate.reset();
		const counters = await sandbox.counters();
		const succeeded = counters.succeededByFunction.CreateNote ?? 0;
		const achieved = succeeded / (ms / 1000);
		return {
			label,
			tool,
			maxParallel,
			adaptive,
			items: output.length,
			failedItems: output.filter((json) => json.error !== undefined).length,
			createNoteSucceeded: succeeded,
			createNoteCalls: counters.callsByFunction.CreateNote ?? 0,
			rateLimitedAnswers: counters.rateLimited,
			wallMs: round(ms, 0),
			achievedPerSecond: round(achieved, 2),
			shareOfLimit: round(achieved / perSecond, 3),
		};
	};
	const node = (concurrency: number | undefined) => async () => {
		const result = await runLacrm(
			credentials,
			{
				resource: 'note',
				operation: 'create',
				contactId: byId('={{ $json.contactId }}'),
				note: '={{ $json.text }}',
				options: concurrency === undefined ? {} : { concurrency },
			},
			items,
			{ continueOnFail: true },
		);
		return result.itemsOf('LACRM');
	};

	const runs: RatedCreateRun[] = [];
	runs.push(
		await measure('node, Max Parallel 5 (default)', 'LACRM node', 5, true, node(undefined)),
	);
	runs.push(await measure('node, Max Parallel 20 (maximum)', 'LACRM node', 20, true, node(20)));
	runs.push(await measure('node, Max Parallel 1 (one at a time)', 'LACRM node', 1, true, node(1)));
	runs.push(
		await measure('node, Max Parallel 20, adaptive off', 'LACRM node', 20, false, node(20)),
	);
	if (!('missing' in http)) {
		const body =
			'={{ JSON.stringify({ Function: "CreateNote", Parameters: { ContactId: $json.contactId, Note: $json.text } }) }}';
		const viaHttp = (batching?: { batchSize: number; batchInterval: number }) => async () =>
			(
				await runHttpRequest(
					http,
					sandbox,
					{ jsonBody: body, options: batching ? { batching: { batch: batching } } : {} },
					items,
				)
			).output;
		const httpBatchings = [
			['HTTP Request node, batching 20 items / 1,000 ms', '20 per s', 20, 1000],
			['HTTP Request node, batching 1 item / 50 ms', '1 per 50 ms', 1, 50],
		] as const;
		for (const [label, maxParallel, batchSize, batchInterval] of httpBatchings) {
			const via = viaHttp({ batchSize, batchInterval });
			runs.push(await measure(label, 'HTTP Request node', maxParallel, false, via));
		}
	}
	const oneAtATime = runs.find((run) => run.maxParallel === 1 && run.tool === 'LACRM node')!;
	for (const run of runs) run.vsOneAtATime = round(run.wallMs / oneAtATime.wallMs, 3);
	await sandbox.setLatency(0);
	return {
		items: count,
		bucket: { perSecond, burst },
		latencyMs,
		runs,
		httpRequestNode:
			'missing' in http ? `not run: ${http.missing}` : `n8n-nodes-base ${http.version}`,
	};
}

// ---- (f) 500 × Contact → Get ---------------------------------------------------------------------

export interface ManyGetsRun {
	label: string;
	calls: number;
	wallMs: number;
	items: number;
	failedItems: number;
}

export interface ManyGetsResult {
	items: number;
	latencyMs: number;
	runs: ManyGetsRun[];
	httpRequestNode?: string;
}

export async function manyGets(
	sandbox: SandboxProcess,
	options: { items: number; latencyMs: number },
	progress: (text: string) => void,
): Promise<ManyGetsResult> {
	const { items: count, latencyMs } = options;
	await sandbox.control('reset');
	await sandbox.control('seed-contacts', { n: count });
	const ids = (
		(await sandbox.call('GetContacts', { MaxNumberOfResults: count })).Results as Array<{
			ContactId: string;
		}>
	).map((contact) => String(contact.ContactId));
	await sandbox.setLatency(latencyMs);
	const items = ids.map((contactId) => ({ contactId }));
	const credentials = apiKeyCredentials(sandbox);
	const http = loadHttpRequestNode();
	const runs: ManyGetsRun[] = [];
	const measure = async (label: string, run: () => Promise<IDataObject[]>) => {
		progress(`(f) ${label}`);
		await sandbox.resetCounters();
		const { ms, value: output } = await timed(run);
		const counters = await sandbox.counters();
		runs.push({
			label,
			calls: counters.totalCalls,
			wallMs: round(ms, 0),
			items: output.length,
			failedItems: output.filter((json) => json.error !== undefined).length,
		});
	};
	await measure('LACRM node (GetContactsById for all items)', async () => {
		const result = await runLacrm(
			credentials,
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.contactId }}') },
			items,
		);
		return result.itemsOf('LACRM');
	});
	await measure('bare loop, one GetContact per item (keep-alive)', async () => {
		const out: IDataObject[] = [];
		for (const id of ids) out.push(await sandbox.call('GetContact', { ContactId: id }));
		return out;
	});
	await measure('bare loop, one GetContactsById call', async () => {
		const answer = await sandbox.call('GetContactsById', {
			ContactIds: ids,
			MaxNumberOfResults: ids.length,
		});
		return answer.Results as IDataObject[];
	});
	if (!('missing' in http)) {
		await measure('HTTP Request node, one GetContact per item (its default)', async () => {
			const { output } = await runHttpRequest(
				http,
				sandbox,
				{
					jsonBody:
						'={{ JSON.stringify({ Function: "GetContact", Parameters: { ContactId: $json.contactId } }) }}',
				},
				items,
			);
			return output;
		});
	}
	await sandbox.setLatency(0);
	return {
		items: count,
		latencyMs,
		runs,
		httpRequestNode:
			'missing' in http ? `not run: ${http.missing}` : `n8n-nodes-base ${http.version}`,
	};
}

// ---- (g) Return All 50,000 contacts with the HTTP Request node's pagination ---------------------------

export interface HttpListAllResult {
	contacts: number;
	latencyMs: number;
	calls: number;
	wallMs: number;
	outputItems: number;
	contactsReceived: number;
	note?: string;
}

/** What a user builds with the HTTP Request node for "all contacts": its own pagination. */
export async function httpRequestListAll(
	sandbox: SandboxProcess,
	latencyMs: number,
): Promise<HttpListAllResult | { missing: string }> {
	const http = loadHttpRequestNode();
	if ('missing' in http) return { missing: http.missing };
	// The account (b) left behind: 50,000 contacts.
	await sandbox.setLatency(latencyMs);
	await sandbox.resetCounters();
	const { ms, value } = await timed(() =>
		runHttpRequest(
			http,
			sandbox,
			{
				// Page in the query string: the HTTP Request node's body pagination sets top-level body
				// keys only, and Page lives inside Parameters. LACRM merges query-string parameters
				// (Airbyte's connector relies on it; REFERENCE §1), and so does the sandbox.
				jsonBody:
					'{"Function": "GetContacts", "Parameters": {"RecordTypeFilter": "Contacts", "MaxNumberOfResults": 10000}}',
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'Page', value: '={{ $pageCount + 1 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.HasMoreResults !== true }}',
						},
					},
				},
			},
			[{}],
		),
	);
	const counters = await sandbox.counters();
	const contactsReceived = value.output.reduce(
		(sum, json) => sum + (Array.isArray(json.Results) ? json.Results.length : 0),
		0,
	);
	await sandbox.setLatency(0);
	return {
		contacts: 50_000,
		latencyMs,
		calls: counters.totalCalls,
		wallMs: round(ms, 0),
		outputItems: value.output.length,
		contactsReceived,
		note: value.error,
	};
}
