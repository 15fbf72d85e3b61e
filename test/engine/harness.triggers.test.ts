/**
 * Harness self-test: the webhook trigger lifecycle (activation → checkExists/create through
 * n8n-core's HookContext, requests → webhook() through WebhookContext, restart, deactivation),
 * n8n's static-data timing around create() and the handshake, and the poll runner — with the
 * LACRM triggers against the sandbox, which performs LACRM's handshake during CreateWebhook.
 *
 * What the triggers do for a user (signed deliveries, forged ones, filters, "Listen for test
 * event", polling through 429s) is triggers.test.ts.
 */
import { createHmac } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { LacrmPollingTrigger } from '../../nodes/LacrmPollingTrigger/LacrmPollingTrigger.node';
import { LacrmTrigger } from '../../nodes/LacrmTrigger/LacrmTrigger.node';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL, HarnessNodeTypes, poll, startWebhookServer } from '../harness';
import type { HarnessWorkflow, WebhookServer } from '../harness';
import { lacrm, NODE_CREDENTIALS, sandboxCredentials } from './helpers/sandboxNode';
import { chain, node } from '../harness/workflow';

const TRIGGER = 'LACRM Trigger';
const nodeStatic = (workflow: HarnessWorkflow, nodeName: string) =>
	(workflow.staticData?.[`node:${nodeName}`] ?? {}) as IDataObject;

/** The static data each handshake request's webhook() saw, after marking it. */
const handshakeStaticData: IDataObject[] = [];

/**
 * The real trigger, its webhook() wrapped to also write a mark into the static data of a
 * handshake request — to observe which copy of the static data n8n keeps.
 */
function markingTrigger(): LacrmTrigger {
	const trigger = new LacrmTrigger();
	const webhook = trigger.webhook;
	trigger.webhook = async function (this: IWebhookFunctions) {
		if (this.getHeaderData()['x-hook-secret']) {
			const staticData = this.getWorkflowStaticData('node');
			staticData.handshakeSeen = true;
			handshakeStaticData.push({ ...staticData });
		}
		return await webhook.call(this);
	};
	return trigger;
}

const nodeTypes = new HarnessNodeTypes({
	'n8n-nodes-lacrm.lacrmTrigger': markingTrigger(),
	'n8n-nodes-lacrm.lacrmPollingTrigger': new LacrmPollingTrigger(),
});

async function hooks(sandbox: Sandbox) {
	return (await lacrm(sandbox, 'GetWebhooks', { IncludeArchived: true })) as unknown as Array<{
		WebhookId: string;
		EndpointUrl: string;
	}>;
}

describe(`harness webhook trigger lifecycle on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;
	let host: WebhookServer;
	let workflow: HarnessWorkflow;

	beforeEach(async () => {
		handshakeStaticData.length = 0;
		sandbox = await startSandbox({ quiet: true });
		host = await startWebhookServer({ nodeTypes, credentials: sandboxCredentials(sandbox) });
		workflow = {
			name: 'LACRM events',
			nodes: [
				node(
					TRIGGER,
					'n8n-nodes-lacrm.lacrmTrigger',
					{ authentication: 'apiKey', events: ['Contact.Create'], scope: 'Account' },
					{ credentials: NODE_CREDENTIALS },
				),
				node('Done', 'n8n-nodes-base.noOp'),
			],
			connections: chain(TRIGGER, 'Done'),
		};
	});

	afterEach(async () => {
		await host.close();
		await sandbox.stop();
	});

	test('activation runs checkExists then create once; the handshake during create reaches webhook()', async () => {
		await host.activate(workflow);

		expect(host.activations[0].checks).toEqual([
			{ nodeName: TRIGGER, webhookName: 'default', existed: false, created: true },
		]);
		const url = host.webhookUrl(workflow.id as string, TRIGGER);
		expect(url.startsWith(`${host.url}/webhook/`)).toBe(true);
		// create() got the production URL from getNodeWebhookUrl('default').
		expect((await hooks(sandbox)).map((hook) => hook.EndpointUrl)).toEqual([url]);
		// The handshake arrived while CreateWebhook was open, was answered by the node itself (the
		// sandbox only creates the hook when its secret comes back), and started no execution.
		expect(host.requests[0]).toMatchObject({ path: new URL(url).pathname, status: 200 });
		expect(host.requests[0].headers['x-hook-secret']).toEqual(expect.any(String));
		expect(host.executionsStarted).toBe(0);
	});

	test('static data: activation persists ITS copy after create(); what webhook() wrote during the handshake is lost (as in n8n)', async () => {
		await host.activate(workflow);
		// webhook() wrote into the static data of its own request (the activation had saved nothing yet)...
		expect(handshakeStaticData).toEqual([{ handshakeSeen: true }]);
		// ...which was saved after the handshake request, but the activation saved its own copy after
		// create() returned and overwrote it — as observed in n8n 1.123 and 2.40. That is why the
		// trigger hands the secret to create() instead of storing it from webhook().
		const [hook] = await hooks(sandbox);
		expect(nodeStatic(workflow, TRIGGER)).toEqual({
			webhookId: hook.WebhookId,
			hookSecret: host.requests[0].headers['x-hook-secret'],
			endpointUrl: hook.EndpointUrl,
			subscription: expect.any(String),
		});
	});

	test('a POST reaches webhook() with its headers and exact raw body, answers onReceived, and runs the workflow', async () => {
		await host.activate(workflow);
		// Odd spacing and a non-ASCII name: the signature only verifies over the bytes as sent.
		const raw =
			'{ "UserId":"100001",  "TriggeringEvent":"Contact.Create", "Contacts":[{"ContactId":"c-9","Name":"Zoë"}] }';
		const secret = String(nodeStatic(workflow, TRIGGER).hookSecret);
		const response = await fetch(host.webhookUrl(workflow.id as string, TRIGGER), {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-Hook-Signature': createHmac('sha256', secret).update(raw).digest('hex'),
			},
			body: raw,
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ message: 'Workflow was started' });

		const [run] = await host.waitForExecutions(1);
		expect(run.status).toBe('success');
		expect(run.mode).toBe('webhook');
		expect(run.nodesExecuted).toEqual([TRIGGER, 'Done']);
		expect(run.itemsOf('Done')).toEqual([
			expect.objectContaining({ TriggeringEvent: 'Contact.Create', ContactId: 'c-9', Name: 'Zoë' }),
		]);
		expect(host.requests.at(-1)?.rawBody.toString('utf8')).toBe(raw);
		expect(host.executionsStarted).toBe(1);
	});

	test('restart: checkExists finds the hook → no second create; a hook lost while n8n was down is re-created; n8n 2.x start-up runs no webhook methods', async () => {
		await host.activate(workflow);

		await host.restart();
		expect(host.activations.at(-1)?.checks).toEqual([
			{ nodeName: TRIGGER, webhookName: 'default', existed: true, created: false },
		]);
		expect(sandbox.counters().callsByFunction.CreateWebhook).toBe(1);

		// The hook was deleted in LACRM while "n8n was down": start-up re-creates it (n8n 1.x).
		const [lost] = await hooks(sandbox);
		await lacrm(sandbox, 'DeleteWebhook', { WebhookId: lost.WebhookId });
		await host.restart();
		expect(host.activations.at(-1)?.checks).toEqual([
			{ nodeName: TRIGGER, webhookName: 'default', existed: false, created: true },
		]);
		const [recreated] = await hooks(sandbox);
		expect(recreated.WebhookId).not.toBe(lost.WebhookId);
		expect(nodeStatic(workflow, TRIGGER).webhookId).toBe(recreated.WebhookId);

		// n8n 2.x start-up (publication service): routes only, no webhook methods, so no LACRM call.
		const callsBefore = sandbox.counters().totalCalls;
		await host.restart({ runWebhookMethods: false });
		expect(sandbox.counters().totalCalls).toBe(callsBefore);
		expect(host.registeredWebhooks()).toHaveLength(1);
		// The route survives the restart: LACRM's next delivery runs the workflow.
		await lacrm(sandbox, 'CreateContact', { IsCompany: false, AssignedTo: '100001', Name: 'Ada' });
		await sandbox.flushWebhooks();
		const [run] = await host.waitForExecutions(1);
		expect(run.itemsOf('Done')).toEqual([
			expect.objectContaining({ TriggeringEvent: 'Contact.Create' }),
		]);
	});

	test('deactivate calls delete(), persists the static data and unregisters the route', async () => {
		await host.activate(workflow);
		const url = host.webhookUrl(workflow.id as string, TRIGGER);
		const errors = await host.deactivate(workflow);
		expect(errors).toEqual([]);
		expect(await hooks(sandbox)).toEqual([]);
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
	let sandbox: Sandbox;
	let workflow: HarnessWorkflow;
	const options = () => ({ nodeTypes, credentials: sandboxCredentials(sandbox) });

	const createContact = async (name: string) => {
		sandbox.clock.advance(1000);
		return await lacrm(sandbox, 'CreateContact', {
			IsCompany: false,
			AssignedTo: '100001',
			Name: name,
		});
	};

	beforeEach(async () => {
		sandbox = await startSandbox({ quiet: true });
		workflow = {
			nodes: [
				node(
					'Poll',
					'n8n-nodes-lacrm.lacrmPollingTrigger',
					{ authentication: 'apiKey', watch: 'contactCreated', simplify: false },
					{ credentials: NODE_CREDENTIALS },
				),
				node('Done', 'n8n-nodes-base.noOp'),
			],
			connections: chain('Poll', 'Done'),
		};
	});

	afterEach(async () => {
		await sandbox.stop();
	});

	test('static data is persisted after each poll, also one that found nothing; a manual poll persists nothing', async () => {
		const first = await poll(workflow, 'Poll', options());
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(first.persisted).toBe(true);
		const cursor = nodeStatic(workflow, 'Poll');
		expect(cursor.changeFeed).toBeDefined();

		const manual = await poll(workflow, 'Poll', { ...options(), mode: 'manual' });
		expect(manual.items?.[0]).toHaveLength(1);
		expect(manual.persisted).toBe(false);
		expect(nodeStatic(workflow, 'Poll')).toEqual(cursor);

		const { ContactId } = await createContact('Polly New');
		const second = await poll(workflow, 'Poll', options());
		expect(second.items?.[0].map((item) => item.json.ContactId)).toEqual([ContactId]);
		expect(second.persisted).toBe(true);
		expect(nodeStatic(workflow, 'Poll')).not.toEqual(cursor);

		// The next poll starts from the saved cursor: nothing new.
		expect((await poll(workflow, 'Poll', options())).items).toBeNull();
	});

	test('a failing poll returns the error and persists nothing', async () => {
		await poll(workflow, 'Poll', options());
		const saved = nodeStatic(workflow, 'Poll');
		await createContact('Missed For Now');
		sandbox.scriptFaults([{ status: 400, functions: ['GetContacts'] }]);
		const failed = await poll(workflow, 'Poll', options());
		expect(failed.items).toBeNull();
		expect(failed.error).toBeDefined();
		expect(failed.persisted).toBe(false);
		expect(nodeStatic(workflow, 'Poll')).toEqual(saved);
		// Because nothing moved, the next poll still sees the contact.
		expect((await poll(workflow, 'Poll', options())).items?.[0]).toHaveLength(1);
	});

	test('execute: true starts an execution with the emitted items', async () => {
		await poll(workflow, 'Poll', options());
		const { ContactId } = await createContact('Polly Run');
		const result = await poll(workflow, 'Poll', { ...options(), execute: true });
		expect(result.execution?.status).toBe('success');
		expect(result.execution?.mode).toBe('trigger');
		expect(result.execution?.itemsOf('Done')).toEqual([expect.objectContaining({ ContactId })]);
	});
});
