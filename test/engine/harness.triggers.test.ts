/**
 * Harness self-test: the webhook trigger lifecycle (activation → checkExists/create through
 * n8n-core's HookContext, requests → webhook() through WebhookContext, restart, deactivation),
 * n8n's static-data timing around create() and the handshake, and the poll runner.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	ENGINE_LABEL,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	poll,
	startWebhookServer,
} from '../harness';
import type { HarnessWorkflow, WebhookServer } from '../harness';
import { chain, node } from '../harness/fixtures/builders';
import type { FixtureServer } from '../harness/fixtures/fixture-server';
import { startFixtureServer } from '../harness/fixtures/fixture-server';
import type { PollTriggerFixture, WebhookTriggerFixture } from '../harness/fixtures/nodes';
import {
	fixtureNodeTypes,
	POLL_TRIGGER_FIXTURE_TYPE,
	WEBHOOK_TRIGGER_FIXTURE_TYPE,
} from '../harness/fixtures/nodes';

const TRIGGER = 'LACRM Trigger';
const nodeStatic = (workflow: HarnessWorkflow, nodeName: string) =>
	(workflow.staticData?.[`node:${nodeName}`] ?? {}) as IDataObject;

describe(`harness webhook trigger lifecycle on ${ENGINE_LABEL}`, () => {
	let registry: FixtureServer;
	let host: WebhookServer;
	let trigger: WebhookTriggerFixture;
	let workflow: HarnessWorkflow;

	const methodCalls = () => trigger.calls.map((c) => c.method);

	beforeEach(async () => {
		registry = await startFixtureServer();
		const fixtures = fixtureNodeTypes();
		trigger = fixtures.webhookTrigger;
		host = await startWebhookServer({
			nodeTypes: new HarnessNodeTypes(fixtures.types),
			credentials: new HarnessCredentialsHelper(),
		});
		workflow = {
			name: 'LACRM events',
			nodes: [
				node(TRIGGER, WEBHOOK_TRIGGER_FIXTURE_TYPE, { registryUrl: registry.registryUrl }),
				node('Done', 'n8n-nodes-base.noOp'),
			],
			connections: chain(TRIGGER, 'Done'),
		};
	});

	afterEach(async () => {
		await host.close();
		await registry.close();
	});

	test('activation runs checkExists then create once; the handshake during create reaches webhook()', async () => {
		await host.activate(workflow);

		expect(methodCalls()).toEqual(['checkExists', 'webhook', 'create']);
		expect(trigger.calls[0].result).toBe(false);
		const url = host.webhookUrl(workflow.id as string, TRIGGER);
		expect(url.startsWith(`${host.url}/webhook/`)).toBe(true);
		// create() got the production URL from getNodeWebhookUrl('default').
		expect(trigger.calls[2].webhookUrl).toBe(url);
		expect(registry.hooks.get('hook-1')).toMatchObject({
			url,
			handshake: { status: 200, echoedSecret: 'secret-1' },
		});
		// The handshake was answered by the node itself, and started no execution.
		expect(trigger.calls[1].headers?.['x-hook-secret']).toBe('secret-1');
		expect(host.requests[0]).toMatchObject({ status: 200, responseBody: '' });
		expect(host.executionsStarted).toBe(0);
		expect(host.activations[0].checks).toEqual([
			{ nodeName: TRIGGER, webhookName: 'default', existed: false, created: true },
		]);
	});

	test('static data: activation persists ITS copy after create(); the handshake secret written by webhook() is lost (as in n8n)', async () => {
		await host.activate(workflow);
		// webhook() did write the secret into the static data of its own request...
		expect(trigger.calls[1].staticData).toEqual({ hookSecret: 'secret-1' });
		// ...and it was saved after the handshake request, but the activation saved its own copy
		// (hookId, no secret) after create() returned and overwrote it — as observed in n8n 1.123 and 2.40.
		expect(nodeStatic(workflow, TRIGGER)).toEqual({ hookId: 'hook-1' });
	});

	test('a POST reaches webhook() with headers and the raw body, answers onReceived, and runs the workflow', async () => {
		await host.activate(workflow);
		const raw = '{ "Event":"Contact.Create",  "ContactId": "c-9", "Name": "Zoë" }';
		const response = await fetch(host.webhookUrl(workflow.id as string, TRIGGER), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Signature': 'sig-abc' },
			body: raw,
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ message: 'Workflow was started' });

		const [run] = await host.waitForExecutions(1);
		expect(run.status).toBe('success');
		expect(run.mode).toBe('webhook');
		expect(run.nodesExecuted).toEqual([TRIGGER, 'Done']);
		expect(run.itemsOf('Done')).toEqual([
			{
				body: { Event: 'Contact.Create', ContactId: 'c-9', Name: 'Zoë' },
				rawBody: raw,
				contentType: 'application/json',
				signature: 'sig-abc',
			},
		]);
		const call = trigger.calls.at(-1);
		expect(call?.method).toBe('webhook');
		expect(call?.rawBody).toBe(raw);
		expect(call?.headers?.['x-signature']).toBe('sig-abc');
		expect(host.executionsStarted).toBe(1);
	});

	test('restart: checkExists says it exists → no second create; an archived hook is re-created', async () => {
		await host.activate(workflow);
		expect(methodCalls().filter((m) => m === 'create')).toHaveLength(1);

		await host.restart();
		expect(methodCalls().slice(3)).toEqual(['checkExists']);
		expect(trigger.calls[3].result).toBe(true);
		expect(registry.hooks.size).toBe(1);
		// The route survives the restart.
		const response = await fetch(host.webhookUrl(workflow.id as string, TRIGGER), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{"n":1}',
		});
		expect(response.status).toBe(200);
		await host.waitForExecutions(1);

		// The remote side archived the hook while "n8n was down": start-up re-creates it (n8n 1.x).
		registry.archiveHook('hook-1');
		await host.restart();
		expect(methodCalls().filter((m) => m === 'create')).toHaveLength(2);
		expect(nodeStatic(workflow, TRIGGER)).toEqual({ hookId: 'hook-2' });

		// n8n 2.x start-up (publication service): routes only, no webhook methods.
		const before = trigger.calls.length;
		await host.restart({ runWebhookMethods: false });
		expect(trigger.calls.length).toBe(before);
		expect(host.registeredWebhooks()).toHaveLength(1);
	});

	test('deactivate calls delete(), persists the static data and unregisters the route', async () => {
		await host.activate(workflow);
		const url = host.webhookUrl(workflow.id as string, TRIGGER);
		const errors = await host.deactivate(workflow);
		expect(errors).toEqual([]);
		expect(methodCalls().at(-1)).toBe('delete');
		expect(registry.hooks.size).toBe(0);
		expect(registry.hookCalls.at(-1)).toEqual({ method: 'delete', id: 'hook-1' });
		expect(nodeStatic(workflow, TRIGGER)).toEqual({});
		expect(workflow.active).toBe(false);

		const response = await fetch(url, { method: 'POST', body: '{}' });
		expect(response.status).toBe(404);
		expect(host.executionsStarted).toBe(0);
	});

	test('the n8n-nodes-base.webhook stand-in serves a path and passes the request into the workflow', async () => {
		const simple: HarnessWorkflow = {
			nodes: [
				node('Webhook', 'n8n-nodes-base.webhook', { path: 'orders', httpMethod: 'POST' }),
				node('Done', 'n8n-nodes-base.noOp'),
			],
			connections: chain('Webhook', 'Done'),
		};
		await host.activate(simple);
		expect(host.registeredWebhooks().map((w) => [w.method, w.path])).toEqual([['POST', 'orders']]);
		const response = await fetch(`${host.webhookBaseUrl}/orders?x=1`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'a=1&b=two',
		});
		expect(response.status).toBe(200);
		const [run] = await host.waitForExecutions(1);
		expect(run.itemsOf('Done')[0]).toMatchObject({ body: { a: '1', b: 'two' }, query: { x: '1' } });
	});
});

describe(`harness poll runner on ${ENGINE_LABEL}`, () => {
	let pollTrigger: PollTriggerFixture;
	let nodeTypes: HarnessNodeTypes;
	let workflow: HarnessWorkflow;

	beforeEach(() => {
		const fixtures = fixtureNodeTypes();
		pollTrigger = fixtures.pollTrigger;
		nodeTypes = new HarnessNodeTypes(fixtures.types);
		workflow = {
			nodes: [node('Poll', POLL_TRIGGER_FIXTURE_TYPE), node('Done', 'n8n-nodes-base.noOp')],
			connections: chain('Poll', 'Done'),
		};
	});

	test('static data is persisted between polls', async () => {
		const first = await poll(workflow, 'Poll', { nodeTypes });
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([[{ json: { cursor: 1, previous: null } }]]);
		expect(first.persisted).toBe(true);
		expect(nodeStatic(workflow, 'Poll')).toEqual({ cursor: 1 });

		const second = await poll(workflow, 'Poll', { nodeTypes });
		expect(second.items).toEqual([[{ json: { cursor: 2, previous: 1 } }]]);
		expect(nodeStatic(workflow, 'Poll')).toEqual({ cursor: 2 });
		expect(pollTrigger.polls).toEqual([
			{ mode: 'trigger', cursorSeen: undefined },
			{ mode: 'trigger', cursorSeen: 1 },
		]);
	});

	test('a poll returning null still persists its cursor', async () => {
		workflow.nodes[0].parameters = { emitEvery: 2 };
		const first = await poll(workflow, 'Poll', { nodeTypes });
		expect(first.items).toBeNull();
		expect(nodeStatic(workflow, 'Poll')).toEqual({ cursor: 1 });
		const second = await poll(workflow, 'Poll', { nodeTypes });
		expect(second.items).toEqual([[{ json: { cursor: 2, previous: 1 } }]]);
	});

	test('a failing poll returns the error and persists nothing', async () => {
		await poll(workflow, 'Poll', { nodeTypes });
		workflow.nodes[0].parameters = { fail: true };
		const failed = await poll(workflow, 'Poll', { nodeTypes });
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe('poll failed at cursor 2');
		expect(failed.persisted).toBe(false);
		expect(failed.pollStaticData).toEqual({ 'node:Poll': { cursor: 2 } });
		expect(nodeStatic(workflow, 'Poll')).toEqual({ cursor: 1 });
	});

	test('manual mode returns a sample and persists nothing', async () => {
		await poll(workflow, 'Poll', { nodeTypes });
		const manual = await poll(workflow, 'Poll', { nodeTypes, mode: 'manual' });
		expect(manual.items).toEqual([[{ json: { sample: true, cursor: 1 } }]]);
		expect(manual.persisted).toBe(false);
		expect(pollTrigger.polls.at(-1)).toEqual({ mode: 'manual', cursorSeen: 1 });
		expect(nodeStatic(workflow, 'Poll')).toEqual({ cursor: 1 });
	});

	test('execute: true starts an execution with the emitted items', async () => {
		const result = await poll(workflow, 'Poll', { nodeTypes, execute: true });
		expect(result.execution?.status).toBe('success');
		expect(result.execution?.mode).toBe('trigger');
		expect(result.execution?.itemsOf('Done')).toEqual([{ cursor: 1, previous: null }]);
	});
});
