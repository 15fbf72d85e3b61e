/**
 * Harness self-test: workflows run through n8n-core's real WorkflowExecute (both pinned
 * versions), API-key auth through the real httpRequestWithAuthentication, start data, stand-ins,
 * static data, node versions, the credentials helper and the load-options runner — with the LACRM
 * node against the sandbox.
 *
 * The node's pickers, dropdowns and field mapper as a user sees them (listSearch with a filter and
 * a pagination token, resourceMapping) are node.methods.test.ts.
 */
import { WorkflowExecute } from 'n8n-core';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import {
	ENGINE_LABEL,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	loadOptions,
	N8N_CORE_MAJOR,
	N8N_CORE_VERSION,
	N8N_WORKFLOW_VERSION,
	NoOpStandIn,
	runWorkflow,
} from '../harness';
import {
	byId,
	contactsWithEmail,
	CREDENTIAL_ID,
	lacrm,
	NODE_CREDENTIALS,
	sandboxCredentials,
} from './helpers/sandboxNode';
import { chain, node } from '../harness/workflow';

/** Counts its runs in global static data (to observe static data persistence). */
class CounterNode extends NoOpStandIn {
	description = { ...new NoOpStandIn().description, displayName: 'Counter', name: 'counter' };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const data = this.getWorkflowStaticData('global');
		data.runs = ((data.runs as number) ?? 0) + 1;
		return [[{ json: { runs: data.runs as number }, pairedItem: { item: 0 } }]];
	}
}

const LACRM_TYPE = 'n8n-nodes-lacrm.lacrm';

/** The LACRM node set to one operation, with the sandbox's API-key credential. */
const lacrmNode = (name: string, parameters: IDataObject, typeVersion = 1) =>
	node(
		name,
		LACRM_TYPE,
		{ authentication: 'apiKey', ...parameters },
		{ typeVersion, credentials: NODE_CREDENTIALS },
	);

const getCurrentUser = { resource: 'user', operation: 'getCurrent' };

describe(`harness runner on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;
	let credentials: HarnessCredentialsHelper;
	const nodeTypes = new HarnessNodeTypes({
		[LACRM_TYPE]: new Lacrm(),
		'harnessTest.counter': new CounterNode(),
	});
	const calls = (fn: string) => sandbox.counters().callsByFunction[fn] ?? 0;

	beforeEach(async () => {
		sandbox = await startSandbox({ quiet: true });
		credentials = sandboxCredentials(sandbox);
	});

	afterEach(async () => {
		await sandbox.stop();
	});

	test('detects the n8n-core / n8n-workflow pair the project maps', () => {
		// Feature check independent of the version reader: run() is positional in 1.x, one options object in 2.x.
		const positionalRun = WorkflowExecute.prototype.run.length > 1;
		expect(N8N_CORE_MAJOR === 1).toBe(positionalRun);
		expect([N8N_CORE_VERSION, N8N_WORKFLOW_VERSION]).toEqual(
			positionalRun ? ['1.122.48', '1.120.31'] : ['2.41.1', '2.41.0'],
		);
	});

	test('API key: webhook start data flows into the node, whose expressions read each item; items come out paired', async () => {
		const people = (await lacrm(sandbox, 'GetContacts', { RecordTypeFilter: 'Contacts' }))
			.Results as IDataObject[];
		const ids = [String(people[0].ContactId), String(people[1].ContactId)];
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.webhook', { path: 'in' }),
					lacrmNode('LACRM', {
						resource: 'contact',
						operation: 'get',
						contactId: byId('={{ $json.ContactId }}'),
					}),
				],
				connections: chain('Start', 'LACRM'),
			},
			{
				nodeTypes,
				credentials,
				startData: { nodeName: 'Start', items: ids.map((ContactId) => ({ ContactId })) },
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.finished).toBe(true);
		expect(result.mode).toBe('webhook');
		expect(result.nodesExecuted).toEqual(['Start', 'LACRM']);
		// The sandbox accepted the stored key (it refuses any other) for the node's one bulk read.
		expect(sandbox.counters().succeededByFunction.GetContactsById).toBe(1);
		expect(result.itemsOf('LACRM').map((item) => item.ContactId)).toEqual(ids);
		expect(result.output('LACRM')?.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// The webhook stand-in passed its start data through unchanged.
		expect(result.itemsOf('Start')).toEqual(ids.map((ContactId) => ({ ContactId })));
	});

	test('a rejected key fails the execution with the node error (and reads the store every call)', async () => {
		credentials = sandboxCredentials(sandbox, 'wrong-key');
		const before = credentials.decryptCount;
		const result = await runWorkflow(
			{
				nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), lacrmNode('LACRM', getCurrentUser)],
				connections: chain('Start', 'LACRM'),
			},
			{ nodeTypes, credentials },
		);
		expect(result.status).toBe('error');
		expect(result.finished).toBe(false);
		expect(result.lastNodeExecuted).toBe('LACRM');
		expect(result.nodeError('LACRM')).toBeDefined();
		expect(String(result.error?.message)).toMatch(/key/i);
		expect(credentials.decryptCount).toBeGreaterThan(before);
		// LACRM's 400 "Invalid credentials" is not retried.
		expect(calls('GetUser')).toBe(1);
		expect(sandbox.counters().succeededByFunction.GetUser).toBeUndefined();
	});

	test('manual mode runs the manualTrigger stand-in through n8n-core trigger machinery (one empty item)', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger'),
					lacrmNode('LACRM', getCurrentUser),
					node('Done', 'n8n-nodes-base.noOp'),
				],
				connections: chain('Start', 'LACRM', 'Done'),
			},
			{ nodeTypes, credentials },
		);
		expect(result.mode).toBe('manual');
		expect(result.status).toBe('success');
		expect(result.itemsOf('Start')).toEqual([{}]);
		expect(calls('GetUser')).toBe(1);
		expect(result.itemsOf('Done')).toEqual(result.itemsOf('LACRM'));
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

	test('static data is persisted after trigger executions, not after manual ones', async () => {
		const workflow = {
			nodes: [
				node('Schedule', 'n8n-nodes-base.scheduleTrigger'),
				node('Counter', 'harnessTest.counter'),
			],
			connections: chain('Schedule', 'Counter'),
			staticData: {} as IDataObject,
		};
		const first = await runWorkflow(workflow, { nodeTypes, mode: 'trigger' });
		expect(first.itemsOf('Counter')).toEqual([{ runs: 1 }]);
		expect(workflow.staticData).toEqual({ global: { runs: 1 } });

		await runWorkflow(workflow, { nodeTypes, mode: 'trigger' });
		expect(workflow.staticData).toEqual({ global: { runs: 2 } });

		const manual = await runWorkflow(workflow, { nodeTypes, mode: 'manual' });
		expect(manual.itemsOf('Counter')).toEqual([{ runs: 3 }]);
		expect(manual.staticData).toEqual({ global: { runs: 3 } });
		expect(workflow.staticData).toEqual({ global: { runs: 2 } });
	});

	test("each node runs at its saved typeVersion: the LACRM node's version 2 form reaches version 2 only", async () => {
		// Version 2 takes the email at the top of the Create form; version 1 has no such field.
		const create = (name: string, email: string) => ({
			resource: 'contact',
			operation: 'create',
			name,
			assignedTo: byId('100001'),
			email: { entries: [{ text: email, type: 'Work' }] },
		});
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger'),
					lacrmNode('Old', create('Version One', 'v1@example.com'), 1),
					lacrmNode('New', create('Version Two', 'v2@example.com'), 2),
				],
				connections: chain('Start', 'Old', 'New'),
			},
			{ nodeTypes, credentials },
		);
		expect(result.error).toBeUndefined();
		expect(await contactsWithEmail(sandbox, 'v1@example.com')).toEqual([]);
		expect(await contactsWithEmail(sandbox, 'v2@example.com')).toEqual([
			expect.objectContaining({ ContactId: result.itemsOf('New')[0].ContactId }),
		]);
		expect(nodeTypes.latestVersion(LACRM_TYPE)).toBe(2);
	});

	test('concurrent executions share one credentials store', async () => {
		const definition = {
			nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), lacrmNode('LACRM', getCurrentUser)],
			connections: chain('Start', 'LACRM'),
		};
		const results = await Promise.all(
			Array.from(
				{ length: 6 },
				async () => await runWorkflow(definition, { nodeTypes, credentials, mode: 'trigger' }),
			),
		);
		expect(results.map((r) => r.status)).toEqual(Array(6).fill('success'));
		expect(new Set(results.map((r) => r.executionId)).size).toBe(6);
		expect(sandbox.counters().succeededByFunction.GetUser).toBe(6);
	});

	describe('HarnessCredentialsHelper', () => {
		const details = () => ({ id: CREDENTIAL_ID, name: NODE_CREDENTIALS.lacrmApi.name });
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
			const a = await credentials.getDecrypted(additionalData, details(), 'lacrmApi', 'internal');
			a.apiKey = 'mutated';
			const b = await credentials.getDecrypted(additionalData, details(), 'lacrmApi', 'internal');
			expect(b.apiKey).toBe(sandbox.apiKey);

			await credentials.updateCredentialsOauthTokenData(details(), 'lacrmApi', {
				apiKey: 'ignored',
				oauthTokenData: { access_token: 'x' },
			});
			const c = await credentials.getDecrypted(
				additionalData,
				details(),
				'lacrmApi',
				'internal',
				undefined,
				true,
			);
			// Only oauthTokenData is merged into the CURRENT stored data (like n8n).
			expect(c).toEqual({
				apiKey: sandbox.apiKey,
				baseUrl: sandbox.apiUrl,
				oauthTokenData: { access_token: 'x' },
			});

			await credentials.updateCredentials(details(), 'lacrmApi', {
				apiKey: 'new-key',
				baseUrl: 'http://x',
			});
			expect(credentials.get(CREDENTIAL_ID).data).toEqual({
				apiKey: 'new-key',
				baseUrl: 'http://x',
			});
			expect(credentials.writeCount(CREDENTIAL_ID)).toBe(2);
			expect(credentials.writeCount(CREDENTIAL_ID, 'oauthTokenData')).toBe(1);
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
		const runnerOptions = () => ({ credentials, nodeCredentials: NODE_CREDENTIALS });

		test('loadOptions takes a node instance or resolves a type name through a registry', async () => {
			const fromInstance = await loadOptions(
				new Lacrm(),
				{ authentication: 'apiKey' },
				'getUsers',
				runnerOptions(),
			);
			const fromRegistry = await loadOptions(LACRM_TYPE, { authentication: 'apiKey' }, 'getUsers', {
				...runnerOptions(),
				nodeTypes,
			});
			expect(fromInstance.map((option) => option.name)).toEqual(
				expect.arrayContaining(['Jane Owner', 'Sam Seller', 'Riley Support']),
			);
			expect(fromRegistry).toEqual(fromInstance);
			expect(sandbox.counters().succeededByFunction.GetUsers).toBe(2);
		});

		test('an unknown method is reported', async () => {
			await expect(
				loadOptions(new Lacrm(), { authentication: 'apiKey' }, 'nope', runnerOptions()),
			).rejects.toThrow(/no loadOptions method "nope"/);
		});
	});
});
