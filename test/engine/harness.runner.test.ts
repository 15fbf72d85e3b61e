/**
 * Harness self-test: workflows run through n8n-core's real WorkflowExecute (both pinned
 * versions), API-key auth through the real httpRequestWithAuthentication, start data, stand-ins,
 * static data, and the load-options runner.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, VersionedNodeType } from 'n8n-workflow';

import {
	ENGINE_LABEL,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	listSearch,
	loadOptions,
	N8N_CORE_MAJOR,
	N8N_CORE_VERSION,
	N8N_WORKFLOW_VERSION,
	resourceMapping,
	runWorkflow,
} from '../harness';
import {
	fixtureApiKeyCredential,
	apiKeyNodeCredentials,
	chain,
	node,
} from '../harness/fixtures/builders';
import type { FixtureServer } from '../harness/fixtures/fixture-server';
import { startFixtureServer } from '../harness/fixtures/fixture-server';
import { fixtureNodeTypes, HTTP_FIXTURE_TYPE } from '../harness/fixtures/nodes';

/** Counts its runs in global static data (to observe static data persistence). */
class CounterNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Counter',
		name: 'counter',
		group: ['transform'],
		version: [1, 2],
		description: 'Counts runs in static data',
		defaults: { name: 'Counter' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const data = this.getWorkflowStaticData('global');
		data.runs = ((data.runs as number) ?? 0) + 1;
		return [
			[
				{
					json: { runs: data.runs as number, version: this.getNode().typeVersion },
					pairedItem: { item: 0 },
				},
			],
		];
	}
}

/** A versioned node type (n8n's VersionedNodeType): v1 and v2 are different classes. */
function versionedTag(): VersionedNodeType {
	const make = (version: number): INodeType => ({
		description: {
			displayName: 'Tag',
			name: 'tag',
			group: ['transform'],
			version,
			description: 'Tags items with its version',
			defaults: { name: 'Tag' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [
				this.getInputData().map((item, i) => ({
					json: { ...item.json, taggedBy: `v${version}` },
					pairedItem: { item: i },
				})),
			];
		},
	});
	return new VersionedNodeType(
		{ 1: make(1), 2: make(2) },
		{
			displayName: 'Tag',
			name: 'tag',
			group: ['transform'],
			description: 'Tag',
			defaultVersion: 2,
		},
	);
}

describe(`harness runner on ${ENGINE_LABEL}`, () => {
	let server: FixtureServer;
	let credentials: HarnessCredentialsHelper;
	const fixtures = fixtureNodeTypes();
	const nodeTypes = new HarnessNodeTypes({
		...fixtures.types,
		'harnessTest.counter': new CounterNode(),
		'harnessTest.tag': versionedTag(),
	});

	beforeEach(async () => {
		server = await startFixtureServer({
			apiKeys: ['key-123'],
			functions: {
				GetThings: () => ({
					Results: [
						{ Id: 1, Name: 'One' },
						{ Id: 2, Name: 'Two' },
					],
				}),
				SearchThings: (p) => {
					const { SearchTerms, Page } = p as { SearchTerms: string; Page: number };
					const all = [
						{ Id: 1, Name: 'Alpha' },
						{ Id: 2, Name: 'Beta' },
						{ Id: 3, Name: 'Alphonse' },
					];
					return {
						Results: all.filter((r) => r.Name.includes(SearchTerms)),
						NextPage: Page < 2 ? Page + 1 : null,
					};
				},
				GetFields: () => ({
					Fields: [
						{ Id: 'Name', Name: 'Name', Required: true },
						{ Id: 'Email', Name: 'Email' },
					],
				}),
			},
		});
		credentials = new HarnessCredentialsHelper().add(fixtureApiKeyCredential(server));
	});

	afterEach(async () => {
		await server.close();
	});

	test('detects the n8n-core / n8n-workflow pair the project maps', () => {
		// Feature check independent of the version reader: run() is positional in 1.x, one options object in 2.x.
		const positionalRun = WorkflowExecute.prototype.run.length > 1;
		expect(N8N_CORE_MAJOR === 1).toBe(positionalRun);
		expect([N8N_CORE_VERSION, N8N_WORKFLOW_VERSION]).toEqual(
			positionalRun ? ['1.122.48', '1.120.31'] : ['2.41.1', '2.41.0'],
		);
	});

	test('API key: httpRequestWithAuthentication sends the raw key and the JSON body; items come out', async () => {
		const callNode = node(
			'Call',
			HTTP_FIXTURE_TYPE,
			{ authentication: 'apiKey', url: server.apiUrl, fn: 'Echo' },
			{ credentials: apiKeyNodeCredentials() },
		);
		const result = await runWorkflow(
			{
				nodes: [node('Start', 'n8n-nodes-base.webhook', { path: 'in' }), callNode],
				connections: chain('Start', 'Call'),
			},
			{
				nodeTypes,
				credentials,
				startData: { nodeName: 'Start', items: [{ ContactId: 'c-1' }, { ContactId: 'c-2' }] },
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.finished).toBe(true);
		expect(result.mode).toBe('webhook');
		expect(result.nodesExecuted).toEqual(['Start', 'Call']);

		const api = server.apiRequests();
		expect(api).toHaveLength(2);
		expect(api.map((r) => r.headers.authorization)).toEqual(['key-123', 'key-123']);
		expect(api.map((r) => r.headers['content-type'])).toEqual([
			expect.stringContaining('application/json'),
			expect.stringContaining('application/json'),
		]);
		expect(api.map((r) => r.json)).toEqual([
			{ Function: 'Echo', Parameters: { ContactId: 'c-1' } },
			{ Function: 'Echo', Parameters: { ContactId: 'c-2' } },
		]);

		expect(result.itemsOf('Call')).toEqual([
			{ echo: { Function: 'Echo', Parameters: { ContactId: 'c-1' } }, authorization: 'key-123' },
			{ echo: { Function: 'Echo', Parameters: { ContactId: 'c-2' } }, authorization: 'key-123' },
		]);
		expect(result.output('Call')?.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// The webhook stand-in passed its start data through unchanged.
		expect(result.itemsOf('Start')).toEqual([{ ContactId: 'c-1' }, { ContactId: 'c-2' }]);
	});

	test('a rejected key fails the execution with the node error (and reads the store every call)', async () => {
		credentials.add(fixtureApiKeyCredential(server, 'wrong-key'));
		const before = credentials.decryptCount;
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger'),
					node(
						'Call',
						HTTP_FIXTURE_TYPE,
						{ url: server.apiUrl },
						{ credentials: apiKeyNodeCredentials() },
					),
				],
				connections: chain('Start', 'Call'),
			},
			{ nodeTypes, credentials },
		);
		expect(result.status).toBe('error');
		expect(result.finished).toBe(false);
		expect(result.lastNodeExecuted).toBe('Call');
		expect(result.nodeError('Call')).toBeDefined();
		expect(String(result.error?.message)).toMatch(/401|authori[sz]/i);
		expect(credentials.decryptCount).toBeGreaterThan(before);
		// n8n-core retries a 401 once after preAuthentication (a no-op here, as in n8n for types
		// without preAuthentication) — both versions send the request twice.
		expect(server.apiRequests().map((r) => [r.headers.authorization, r.status])).toEqual([
			['wrong-key', 401],
			['wrong-key', 401],
		]);
	});

	test('manual mode runs the manualTrigger stand-in through n8n-core trigger machinery (one empty item)', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger'),
					node(
						'Call',
						HTTP_FIXTURE_TYPE,
						{ url: server.apiUrl },
						{ credentials: apiKeyNodeCredentials() },
					),
					node('Done', 'n8n-nodes-base.noOp'),
				],
				connections: chain('Start', 'Call', 'Done'),
			},
			{ nodeTypes, credentials },
		);
		expect(result.mode).toBe('manual');
		expect(result.status).toBe('success');
		expect(result.itemsOf('Start')).toEqual([{}]);
		expect(server.apiRequests()).toHaveLength(1);
		expect(result.itemsOf('Done')).toEqual(result.itemsOf('Call'));
	});

	test('scheduleTrigger stand-in as start node emits one timestamp item', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					node('Schedule', 'n8n-nodes-base.scheduleTrigger'),
					node('Done', 'n8n-nodes-base.noOp'),
				],
				connections: chain('Schedule', 'Done'),
			},
			{ nodeTypes, credentials, mode: 'trigger' },
		);
		expect(result.status).toBe('success');
		const items = result.itemsOf('Done');
		expect(items).toHaveLength(1);
		expect(Date.parse(String(items[0].timestamp))).not.toBeNaN();
	});

	test('static data is persisted after trigger executions, not after manual ones; versions resolve', async () => {
		const workflow = {
			nodes: [
				node('Schedule', 'n8n-nodes-base.scheduleTrigger'),
				node('Counter', 'harnessTest.counter', {}, { typeVersion: 2 }),
			],
			connections: chain('Schedule', 'Counter'),
			staticData: {} as IDataObject,
		};
		const first = await runWorkflow(workflow, { nodeTypes, mode: 'trigger' });
		expect(first.itemsOf('Counter')).toEqual([{ runs: 1, version: 2 }]);
		expect(workflow.staticData).toEqual({ global: { runs: 1 } });

		await runWorkflow(workflow, { nodeTypes, mode: 'trigger' });
		expect(workflow.staticData).toEqual({ global: { runs: 2 } });

		const manual = await runWorkflow(workflow, { nodeTypes, mode: 'manual' });
		expect(manual.itemsOf('Counter')).toEqual([{ runs: 3, version: 2 }]);
		expect(manual.staticData).toEqual({ global: { runs: 3 } });
		expect(workflow.staticData).toEqual({ global: { runs: 2 } });
	});

	test('versioned node types resolve per node typeVersion', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger'),
					node('Old', 'harnessTest.tag', {}, { typeVersion: 1 }),
					node('New', 'harnessTest.tag', {}, { typeVersion: 2 }),
				],
				connections: chain('Start', 'Old', 'New'),
			},
			{ nodeTypes },
		);
		expect(result.itemsOf('Old')).toEqual([{ taggedBy: 'v1' }]);
		expect(result.itemsOf('New')).toEqual([{ taggedBy: 'v2' }]);
		expect(nodeTypes.latestVersion('harnessTest.tag')).toBe(2);
	});

	test('concurrent executions share one credentials store', async () => {
		const definition = {
			nodes: [
				node('Start', 'n8n-nodes-base.manualTrigger'),
				node(
					'Call',
					HTTP_FIXTURE_TYPE,
					{ url: server.apiUrl },
					{ credentials: apiKeyNodeCredentials() },
				),
			],
			connections: chain('Start', 'Call'),
		};
		const results = await Promise.all(
			Array.from(
				{ length: 6 },
				async () => await runWorkflow(definition, { nodeTypes, credentials, mode: 'trigger' }),
			),
		);
		expect(results.map((r) => r.status)).toEqual(Array(6).fill('success'));
		expect(new Set(results.map((r) => r.executionId)).size).toBe(6);
		expect(server.apiRequests()).toHaveLength(6);
	});

	describe('HarnessCredentialsHelper', () => {
		const details = { id: 'cred-api-key', name: 'LACRM API key' };
		const additionalData = {} as Parameters<HarnessCredentialsHelper['getDecrypted']>[0];

		test('parent types follow the credential classes', () => {
			expect(credentials.getParentTypes('lacrmOAuth2Api')).toEqual(['oAuth2Api']);
			expect(credentials.getParentTypes('oAuth2Api')).toEqual([]);
			expect(credentials.getParentTypes('lacrmApi')).toEqual([]);
			expect(credentials.getCredentialsProperties('lacrmOAuth2Api').map((p) => p.name)).toEqual(
				expect.arrayContaining(['clientId', 'clientSecret', 'accessTokenUrl', 'baseUrl', 'scope']),
			);
		});

		test('getDecrypted returns a fresh deep copy each call; writes persist and are counted', async () => {
			const a = await credentials.getDecrypted(additionalData, details, 'lacrmApi', 'internal');
			a.apiKey = 'mutated';
			const b = await credentials.getDecrypted(additionalData, details, 'lacrmApi', 'internal');
			expect(b.apiKey).toBe('key-123');

			await credentials.updateCredentialsOauthTokenData(details, 'lacrmApi', {
				apiKey: 'ignored',
				oauthTokenData: { access_token: 'x' },
			});
			const c = await credentials.getDecrypted(
				additionalData,
				details,
				'lacrmApi',
				'internal',
				undefined,
				true,
			);
			// Only oauthTokenData is merged into the CURRENT stored data (like n8n).
			expect(c).toEqual({
				apiKey: 'key-123',
				baseUrl: server.apiUrl,
				oauthTokenData: { access_token: 'x' },
			});

			await credentials.updateCredentials(details, 'lacrmApi', {
				apiKey: 'new-key',
				baseUrl: 'http://x',
			});
			expect(credentials.get('cred-api-key').data).toEqual({
				apiKey: 'new-key',
				baseUrl: 'http://x',
			});
			expect(credentials.writeCount('cred-api-key')).toBe(2);
			expect(credentials.writeCount('cred-api-key', 'oauthTokenData')).toBe(1);
		});

		test('defaults fill missing properties unless raw; a wrong type is refused', async () => {
			credentials.add({ id: 'bare', name: 'bare', type: 'lacrmApi', data: { apiKey: 'k' } });
			const bare = { id: 'bare', name: 'bare' };
			expect(await credentials.getDecrypted(additionalData, bare, 'lacrmApi', 'internal')).toEqual({
				apiKey: 'k',
				baseUrl: 'https://api.lessannoyingcrm.com/v2/',
			});
			expect(
				await credentials.getDecrypted(
					additionalData,
					bare,
					'lacrmApi',
					'internal',
					undefined,
					true,
				),
			).toEqual({
				apiKey: 'k',
			});
			await expect(
				credentials.getDecrypted(additionalData, bare, 'lacrmOAuth2Api', 'internal'),
			).rejects.toThrow(/has type "lacrmApi"/);
		});

		test('authenticate resolves the generic header expression, also without a workflow', async () => {
			const signed = await credentials.authenticate({ apiKey: 'k-1' }, 'lacrmApi', {
				url: 'http://x',
				headers: {},
			});
			expect(signed.headers).toEqual({ Authorization: 'k-1' });
			// No authenticate on the OAuth2 type: options come back untouched.
			expect(await credentials.authenticate({}, 'lacrmOAuth2Api', { url: 'http://x' })).toEqual({
				url: 'http://x',
			});
		});
	});

	describe('load-options runner (LoadOptionsContext)', () => {
		const parameters = () => ({ authentication: 'apiKey', url: server.apiUrl });

		test('loadOptions returns the options the method built from the API', async () => {
			const options = await loadOptions(fixtures.http, parameters(), 'getThings', {
				credentials,
				nodeCredentials: apiKeyNodeCredentials(),
			});
			expect(options).toEqual([
				{ name: 'One', value: '1' },
				{ name: 'Two', value: '2' },
			]);
			expect(server.apiRequests()[0].headers.authorization).toBe('key-123');
			expect(server.apiRequests()[0].json).toEqual({ Function: 'GetThings', Parameters: {} });
		});

		test('loadOptions resolves a type name through a registry too', async () => {
			const options = await loadOptions(HTTP_FIXTURE_TYPE, parameters(), 'getThings', {
				nodeTypes,
				credentials,
				nodeCredentials: apiKeyNodeCredentials(),
			});
			expect(options.map((o) => o.value)).toEqual(['1', '2']);
		});

		test('listSearch passes filter and pagination token', async () => {
			const page = await listSearch(fixtures.http, parameters(), 'searchThings', {
				credentials,
				nodeCredentials: apiKeyNodeCredentials(),
				filter: 'Alph',
			});
			expect(page).toEqual({
				results: [
					{ name: 'Alpha', value: '1' },
					{ name: 'Alphonse', value: '3' },
				],
				paginationToken: '2',
			});
			await listSearch(fixtures.http, parameters(), 'searchThings', {
				credentials,
				nodeCredentials: apiKeyNodeCredentials(),
				filter: 'B',
				paginationToken: '2',
			});
			expect(server.apiRequests()[1].json).toEqual({
				Function: 'SearchThings',
				Parameters: { SearchTerms: 'B', Page: 2 },
			});
		});

		test('resourceMapping returns the mapped fields', async () => {
			const fields = await resourceMapping(fixtures.http, parameters(), 'getThingColumns', {
				credentials,
				nodeCredentials: apiKeyNodeCredentials(),
			});
			expect(fields.fields.map((f) => [f.id, f.required])).toEqual([
				['Name', true],
				['Email', false],
			]);
		});

		test('an unknown method is reported', async () => {
			await expect(
				loadOptions(fixtures.http, parameters(), 'nope', {
					credentials,
					nodeCredentials: apiKeyNodeCredentials(),
				}),
			).rejects.toThrow(/no loadOptions method "nope"/);
		});
	});
});
