/**
 * The example workflows in examples/*.json, imported as a user would and run through n8n-core's
 * WorkflowExecute (this file runs once on n8n-core 1.122.48 and once on 2.x) against the sandbox:
 *
 *  - each example TWICE: with the API-key credential, and with an OAuth2 credential connected
 *    through the sandbox's authorization-code flow the way n8n's OAuth2 callback does it
 *    (authorize URL built and token exchanged by n8n's own @n8n/client-oauth2, resolved from the
 *    n8n-core under test), whose access token then EXPIRES MID-RUN and must be refreshed exactly
 *    once with no failed node;
 *  - the LACRM state each example leaves (read back from the sandbox) and the items every node
 *    output;
 *  - the web form example started like n8n starts it (a form POST to the production webhook URL),
 *    the trigger example through LACRM's webhook handshake, a real status change and signed
 *    deliveries;
 *  - 20 concurrent executions of the web form example with an expired OAuth2 token: one refresh,
 *    no refresh-token reuse, no failed execution;
 *  - the JSON itself: known node types, no parameter n8n would drop, the pipeline's custom-field
 *    schema as the editor would load it.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ExecutionLifecycleHooks } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import { refreshGate } from '../../nodes/Lacrm/transport/refreshGate';
import { LacrmTrigger } from '../../nodes/LacrmTrigger/LacrmTrigger.node';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type {
	CredentialRef,
	ExampleName,
	ExampleWorkflow,
	WebFormFields,
} from '../../scripts/demo-examples';
import {
	EXAMPLES,
	LACRM_TYPES,
	lacrmNodes,
	loadExample,
	locatorValue,
	nodeNamed,
	submitWebForm,
	webhookPath,
	withCredential,
} from '../../scripts/demo-examples';
import {
	oauth2Credential,
	sandboxApiKeyCredential,
	sandboxOAuth2Data,
} from '../harness/credentials';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { resourceMapping } from '../harness/load-options';
import { HarnessNodeTypes } from '../harness/node-types';
import { droppedParameters } from '../harness/parameters';
import type { WorkflowRunResult } from '../harness/runner';
import { runWorkflow } from '../harness/runner';
import { ENGINE_LABEL, N8N_CORE_MAJOR } from '../harness/version';
import type { WebhookServer } from '../harness/webhook-server';
import { startWebhookServer } from '../harness/webhook-server';

const nodeTypes = new HarnessNodeTypes({
	[LACRM_TYPES.node]: new Lacrm(),
	[LACRM_TYPES.trigger]: new LacrmTrigger(),
});

const API_KEY_CREDENTIAL: CredentialRef = {
	type: 'lacrmApi',
	id: 'lacrm-api-key',
	name: 'Less Annoying CRM account',
};
const OAUTH2_CREDENTIAL: CredentialRef = {
	type: 'lacrmOAuth2Api',
	id: 'lacrm-oauth2',
	name: 'Less Annoying CRM (OAuth2)',
};

// ---- n8n's OAuth2 connect flow, with n8n's own client ------------------------------------------

interface ClientOAuth2Like {
	code: {
		getUri(): string;
		getToken(url: string, options?: object): Promise<{ data: IDataObject }>;
	};
}

/** @n8n/client-oauth2 as the n8n-core under test depends on it (0.33.x for 1.122, 1.x for 2.x). */
function n8nClientOAuth2(): {
	ClientOAuth2: new (options: IDataObject) => ClientOAuth2Like;
	version: string;
} {
	const coreDir = path.dirname(require.resolve('n8n-core'));
	const entry = require.resolve('@n8n/client-oauth2', { paths: [coreDir] });
	let dir = path.dirname(entry);
	while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
	const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
		version: string;
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ClientOAuth2 } = require(entry) as {
		ClientOAuth2: new (options: IDataObject) => ClientOAuth2Like;
	};
	return { ClientOAuth2, version };
}

interface Connection {
	credentials: HarnessCredentialsHelper;
	credential: CredentialRef;
	/** The authorize URL n8n sent the browser to. */
	authorizeUrl?: URL;
}

function apiKeyConnection(sandbox: Sandbox): Connection {
	const credentials = new HarnessCredentialsHelper().add(
		sandboxApiKeyCredential(API_KEY_CREDENTIAL, sandbox),
	);
	return { credentials, credential: API_KEY_CREDENTIAL };
}

/**
 * What n8n does when the user clicks "Connect" on an OAuth2 credential: GET
 * /rest/oauth2-credential/auth builds the authorize URL with ClientOAuth2.code.getUri() (client_id,
 * redirect_uri, response_type=code, state, scope=), the browser follows it, the provider redirects
 * to /rest/oauth2-credential/callback?code&state, and the callback exchanges the code with
 * ClientOAuth2.code.getToken() and stores `token.data` as `oauthTokenData`.
 */
async function oauth2Connection(sandbox: Sandbox): Promise<Connection> {
	const data = sandboxOAuth2Data(sandbox);
	const credentials = new HarnessCredentialsHelper().add(oauth2Credential(OAUTH2_CREDENTIAL, data));

	const { ClientOAuth2, version } = n8nClientOAuth2();
	expect(version.startsWith(N8N_CORE_MAJOR === 1 ? '0.' : '1.')).toBe(true);
	const state = Buffer.from(
		JSON.stringify({ token: randomBytes(16).toString('hex'), cid: OAUTH2_CREDENTIAL.id }),
	).toString('base64');
	// n8n's <base>/rest/oauth2-credential/callback, which is what the sandbox has registered.
	const redirectUri = sandbox.redirectUrl;
	const client = new ClientOAuth2({
		clientId: data.clientId,
		clientSecret: data.clientSecret,
		accessTokenUri: data.accessTokenUrl,
		authorizationUri: data.authUrl,
		redirectUri,
		scopes: [],
		authentication: 'header',
		state,
	});

	const authorizeUrl = new URL(client.code.getUri());
	const consent = await fetch(authorizeUrl, { redirect: 'manual' });
	expect(consent.status).toBe(302);
	const callback = new URL(consent.headers.get('location') as string);
	expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
	expect(callback.searchParams.get('state')).toBe(state);

	const token = await client.code.getToken(`${redirectUri}?${callback.searchParams.toString()}`);
	credentials.add({ ...OAUTH2_CREDENTIAL, data: { ...data, oauthTokenData: token.data } });
	return { credentials, credential: OAUTH2_CREDENTIAL, authorizeUrl };
}

// ---- "the token expires mid-run" ------------------------------------------------------------

type RunHook = (
	this: ExecutionLifecycleHooks,
	hookName: string,
	parameters: unknown[],
) => Promise<void>;

const hooksPrototype = ExecutionLifecycleHooks.prototype as unknown as { runHook: RunHook };
const originalRunHook = hooksPrototype.runHook;

/**
 * Expire every access token once, in n8n's own `nodeExecuteAfter` lifecycle hook of `nodeName`:
 * after that node's LACRM calls completed and before the next node starts.
 */
function expireTokensAfterNode(sandbox: Sandbox, nodeName: string): { fired: () => boolean } {
	let fired = false;
	hooksPrototype.runHook = async function (this: ExecutionLifecycleHooks, hookName, parameters) {
		if (!fired && hookName === 'nodeExecuteAfter' && parameters[0] === nodeName) {
			fired = true;
			sandbox.expireAccessTokens();
		}
		return await originalRunHook.call(this, hookName, parameters);
	};
	return { fired: () => fired };
}

// ---- helpers ------------------------------------------------------------------------------------

async function api<T = IDataObject>(
	sandbox: Sandbox,
	fn: string,
	parameters: IDataObject = {},
): Promise<T> {
	const { status, body } = await sandbox.call(fn, parameters);
	if (status !== 200) throw new Error(`${fn} → ${status} ${JSON.stringify(body)}`);
	return body as T;
}

function expectAllNodesSucceeded(run: WorkflowRunResult, nodes: string[]): void {
	expect(run.error?.message).toBeUndefined();
	expect(run.status).toBe('success');
	expect(run.nodesExecuted).toEqual(nodes);
	for (const node of nodes) expect(run.nodeError(node)?.message).toBeUndefined();
}

const LACRM_ID = expect.stringMatching(/^\d{10,40}$/);

/** yyyy-mm-dd of "today + days" in any time zone on Earth (n8n's $today uses the instance's). */
function possibleDates(days: number): string[] {
	return [-1, 0, 1].map((offset) =>
		new Date(Date.now() + (days + offset) * 86_400_000).toISOString().slice(0, 10),
	);
}

const WEB_FORM_NODES = [
	'Web Form',
	'Create or Update Contact',
	'Add to Sales Leads',
	'Follow-up Task',
];
const NIGHTLY_NODES = ['Every Night', 'Contacts Updated Since Yesterday', 'Sheet'];
const WON_DEAL_NODES = ['Deal Won', 'Log Deal Won Note', 'Onboarding Task'];

interface Pipeline {
	PipelineId: string;
	Name: string;
	Statuses: Array<{ StatusId: string; Name: string }>;
}

async function withWebhookHost<T>(
	connection: Connection,
	work: (host: WebhookServer) => Promise<T>,
): Promise<T> {
	const host = await startWebhookServer({ nodeTypes, credentials: connection.credentials });
	try {
		return await work(host);
	} finally {
		await host.close();
	}
}

async function webFormUrl(
	host: WebhookServer,
	connection: Connection,
): Promise<{ url: string; workflow: ExampleWorkflow }> {
	const workflow = withCredential(loadExample(EXAMPLES.webFormLead), connection.credential);
	await host.activate(workflow);
	return { url: `${host.webhookBaseUrl}/${webhookPath(workflow, 'Web Form')}`, workflow };
}

// ---- the examples, with each credential -------------------------------------------------------

describe(`example workflows on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;

	beforeEach(async () => {
		refreshGate.reset();
		sandbox = await startSandbox({ quiet: true, webhookRetry: { maxAttempts: 2, baseDelayMs: 5 } });
	});

	afterEach(async () => {
		hooksPrototype.runHook = originalRunHook;
		refreshGate.reset();
		await sandbox.stop();
	});

	describe.each([
		['API key', 'apiKey'],
		['OAuth2 (connected through the OAuth flow, token expiring mid-run)', 'oAuth2'],
	] as const)('with %s', (_label, auth) => {
		let connection: Connection;
		let expiry: { fired: () => boolean } | undefined;

		beforeEach(async () => {
			connection = auth === 'apiKey' ? apiKeyConnection(sandbox) : await oauth2Connection(sandbox);
			expiry = undefined;
		});

		/** Expire the OAuth2 token after `nodeName` (API key: nothing to expire). */
		function expireAfter(nodeName: string): void {
			if (auth === 'oAuth2') expiry = expireTokensAfterNode(sandbox, nodeName);
		}

		/** OAuth2: the token expired mid-run and was refreshed exactly once, through n8n, with no reuse. */
		function expectRefreshedOnceIfOAuth2(): void {
			const counters = sandbox.counters();
			if (auth === 'apiKey') {
				expect(counters.refreshes).toBe(0);
				expect(counters.unauthorized).toBe(0);
				return;
			}
			expect(expiry?.fired()).toBe(true);
			expect(counters.expiredTokenRejections).toBeGreaterThanOrEqual(1);
			expect(counters.refreshes).toBe(1);
			expect(counters.refreshReuses).toBe(0);
			expect(counters.revokedGrants).toBe(0);
			// n8n persisted the new token once, through its credential store.
			expect(connection.credentials.writeCount(OAUTH2_CREDENTIAL.id, 'oauthTokenData')).toBe(1);
		}

		if (auth === 'oAuth2') {
			it('connects the way n8n does: authorize URL from @n8n/client-oauth2, code exchanged at the token endpoint', () => {
				const params = Object.fromEntries(connection.authorizeUrl?.searchParams ?? []);
				expect(params).toEqual({
					client_id: sandbox.clientId,
					redirect_uri: sandbox.redirectUrl,
					response_type: 'code',
					state: expect.any(String),
					scope: '',
				});
				expect(sandbox.counters().tokenGrants).toBe(1);
				const stored = connection.credentials.get(OAUTH2_CREDENTIAL.id).data
					.oauthTokenData as IDataObject;
				expect(stored).toMatchObject({
					access_token: expect.any(String),
					refresh_token: expect.any(String),
					token_type: 'Bearer',
					expires_in: 3600,
				});
			});
		}

		it('web-form-lead: a form POST creates the contact, a Sales Leads item and a follow-up task; the same email again updates; a bare JSON POST works', async () => {
			const ada: WebFormFields = {
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				phone: '+1 555 0101',
				company: 'Analytical Engines',
				message: 'Please send pricing.',
			};
			expireAfter('Create or Update Contact');

			const { runs, workflow } = await withWebhookHost(connection, async (host) => {
				const form = await webFormUrl(host, connection);
				const first = await submitWebForm(form.url, ada);
				expect(first.status).toBe(200);
				expect(await first.json()).toEqual({ message: 'Workflow was started' });
				await host.waitForExecutions(1);
				// The same person again, from another device: matched by email (ignoring case), updated.
				await submitWebForm(form.url, {
					...ada,
					email: 'ADA@example.com',
					phone: '+1 555 0199',
					message: 'Any news?',
				});
				await host.waitForExecutions(2);
				// A JSON POST with only the required fields.
				const minimal = await fetch(form.url, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ name: 'Ben Minimal', email: 'ben@example.com' }),
				});
				expect(minimal.status).toBe(200);
				return { runs: await host.waitForExecutions(3), workflow: form.workflow };
			});

			const [created, updated, minimal] = runs;
			for (const run of runs) expectAllNodesSucceeded(run, WEB_FORM_NODES);
			expect(created.mode).toBe('webhook');

			// What each node output.
			expect(created.itemsOf('Web Form')).toEqual([expect.objectContaining({ body: ada })]);
			const [contactOut] = created.itemsOf('Create or Update Contact');
			expect(created.itemsOf('Create or Update Contact')).toEqual([
				{
					ContactId: LACRM_ID,
					action: 'created',
					matchedOn: 'Email',
					matchValue: ada.email,
					matchCount: 0,
				},
			]);
			// Creates output the new id plus the fields sent.
			expect(created.itemsOf('Add to Sales Leads')).toEqual([
				expect.objectContaining({ PipelineItemId: LACRM_ID }),
			]);
			expect(created.itemsOf('Follow-up Task')).toEqual([
				expect.objectContaining({ TaskId: LACRM_ID }),
			]);
			expect(updated.itemsOf('Create or Update Contact')).toEqual([
				{
					ContactId: contactOut.ContactId,
					action: 'updated',
					matchedOn: 'Email',
					matchValue: 'ADA@example.com',
					matchCount: 1,
				},
			]);

			// What LACRM holds now.
			const contact = await api(sandbox, 'GetContact', {
				ContactId: contactOut.ContactId as string,
			});
			expect(contact).toMatchObject({
				IsCompany: false,
				AssignedTo: Number(sandbox.users()[0].UserId),
				Name: expect.objectContaining({ FirstName: 'Ada', LastName: 'Lovelace' }),
				Email: [expect.objectContaining({ Text: 'ada@example.com' })],
				Phone: [expect.objectContaining({ Text: '+1 555 0199', Type: 'Work' })],
				'Company Name': 'Analytical Engines',
			});
			const matches = await api<{ Results: IDataObject[] }>(sandbox, 'GetContacts', {
				SearchTerms: 'ada@example.com',
			});
			expect(matches.Results).toHaveLength(1);

			const salesLeads = locatorValue(nodeNamed(workflow, 'Add to Sales Leads'), 'pipelineId');
			const statusNew = locatorValue(nodeNamed(workflow, 'Add to Sales Leads'), 'statusId');
			const items = await api<Array<{ PipelineId: string; PipelineItems: IDataObject[] }>>(
				sandbox,
				'GetPipelineItemsAttachedToContact',
				{ ContactId: contactOut.ContactId as string },
			);
			const leads = items.find((group) => group.PipelineId === salesLeads)?.PipelineItems ?? [];
			expect(leads).toHaveLength(2); // one lead per form submission
			const item = await api(sandbox, 'GetPipelineItem', {
				PipelineItemId: created.itemsOf('Add to Sales Leads')[0].PipelineItemId as string,
			});
			expect(item).toMatchObject({
				PipelineId: salesLeads,
				StatusId: statusNew,
				ContactId: contactOut.ContactId,
				Hunter: 'Web form',
				Priority: 'Medium',
				LastNote: 'Web form: Please send pricing.',
			});

			const task = await api(sandbox, 'GetTask', {
				TaskId: created.itemsOf('Follow-up Task')[0].TaskId as string,
			});
			expect(task).toMatchObject({
				Name: 'Follow up with Ada Lovelace',
				Description: 'Please send pricing.',
				ContactId: contactOut.ContactId,
				AssignedTo: sandbox.users()[0].UserId,
				IsCompleted: false,
			});
			expect(possibleDates(2)).toContain(task.DueDate);

			// Optional form fields left out: nothing blank is sent, defaults fill in.
			const ben = await api(sandbox, 'GetContact', {
				ContactId: minimal.itemsOf('Create or Update Contact')[0].ContactId as string,
			});
			expect(ben).toMatchObject({
				Email: [expect.objectContaining({ Text: 'ben@example.com' })],
				Phone: [],
				'Company Name': '',
			});
			const benTask = await api(sandbox, 'GetTask', {
				TaskId: minimal.itemsOf('Follow-up Task')[0].TaskId as string,
			});
			expect(benTask).toMatchObject({ Name: 'Follow up with Ben Minimal', Description: '' });
			const benItem = await api(sandbox, 'GetPipelineItem', {
				PipelineItemId: minimal.itemsOf('Add to Sales Leads')[0].PipelineItemId as string,
			});
			expect(benItem).toMatchObject({ Hunter: 'Web form', LastNote: 'Web form: (no message)' });

			expectRefreshedOnceIfOAuth2();
		});

		it('nightly-contact-sync: the schedule run lists exactly the contacts changed since yesterday, simplified, newest first', async () => {
			const before = await api<{ Results: Array<{ ContactId: string; IsCompany: boolean }> }>(
				sandbox,
				'GetContacts',
				{
					MaxNumberOfResults: 500,
				},
			);
			const people = before.Results.filter((contact) => !contact.IsCompany);
			expect(people.length).toBeGreaterThan(10);
			// Two changes today, a minute apart: someone edits a contact, someone adds one.
			const edited = people[3];
			await api(sandbox, 'EditContact', {
				ContactId: edited.ContactId,
				'Job Title': 'Head of Operations',
			});
			sandbox.clock.advance(60_000);
			const added = await api<{ ContactId: string }>(sandbox, 'CreateContact', {
				IsCompany: false,
				AssignedTo: sandbox.users()[1].UserId,
				Name: 'Nora Nightly',
				Email: 'nora@example.com',
				Phone: '555-0142',
				'Company Name': 'Night Owls Ltd',
			});
			expireAfter('Every Night');
			sandbox.resetCounters();

			const run = await runWorkflow(
				withCredential(loadExample(EXAMPLES.nightlyContactSync), connection.credential),
				{
					nodeTypes,
					credentials: connection.credentials,
					mode: 'trigger',
				},
			);

			expectAllNodesSucceeded(run, NIGHTLY_NODES);
			expect(run.itemsOf('Every Night')).toEqual([
				expect.objectContaining({ timestamp: expect.any(String) }),
			]);
			const rows = run.itemsOf('Sheet');
			expect(rows).toEqual(run.itemsOf('Contacts Updated Since Yesterday'));
			expect(rows.map((row) => row.ContactId)).toEqual([added.ContactId, edited.ContactId]);
			expect(rows[0]).toMatchObject({
				ContactId: added.ContactId,
				IsCompany: false,
				Name: 'Nora Nightly',
				FirstName: 'Nora',
				LastName: 'Nightly',
				Email: 'nora@example.com',
				Emails: ['nora@example.com'],
				Phone: '555-0142',
				'Company Name': 'Night Owls Ltd',
				AssignedToName: 'Sam Seller',
			});
			expect(rows[1]).toMatchObject({
				ContactId: edited.ContactId,
				'Job Title': 'Head of Operations',
			});
			// Flat rows for a sheet: no nested LACRM structures left.
			for (const row of rows) {
				expect(typeof row.Name).toBe('string');
				expect(row).not.toHaveProperty('UserMetaData');
			}
			// One read, nothing written.
			const calls = sandbox.counters().callsByFunction;
			expect(Object.keys(calls)).toEqual(['GetContacts']);
			expectRefreshedOnceIfOAuth2();
		});

		it('won-deal-note: moving a Sales Leads item to Won writes the note and the onboarding task; other changes start nothing', async () => {
			const workflow = withCredential(loadExample(EXAMPLES.wonDealNote), connection.credential);
			const trigger = nodeNamed(workflow, 'Deal Won');
			const salesLeadsId = locatorValue(trigger, 'pipelineId');
			const wonId = (trigger.parameters.statusIds as string[])[0];
			const pipelines = await api<Pipeline[]>(sandbox, 'GetPipelines');
			const salesLeads = pipelines.find(
				(pipeline) => pipeline.PipelineId === salesLeadsId,
			) as Pipeline;
			const support = pipelines.find(
				(pipeline) => pipeline.PipelineId !== salesLeadsId,
			) as Pipeline;
			const statusNamed = (pipeline: Pipeline, name: string) =>
				(pipeline.Statuses.find((status) => status.Name === name) as { StatusId: string }).StatusId;
			expect(statusNamed(salesLeads, 'Won')).toBe(wonId);

			const leads = await api<{ Results: IDataObject[] }>(sandbox, 'GetPipelineItems', {
				PipelineId: salesLeadsId,
			});
			const deal = leads.Results.find(
				(item) => item.StatusId === statusNamed(salesLeads, 'New'),
			) as IDataObject;
			const tickets = await api<{ Results: IDataObject[] }>(sandbox, 'GetPipelineItems', {
				PipelineId: support.PipelineId,
			});
			const ticket = tickets.Results[0];
			const contact = await api(sandbox, 'GetContact', { ContactId: deal.ContactId as string });
			const contactName = `${(contact.Name as IDataObject).FirstName} ${(contact.Name as IDataObject).LastName}`;

			await withWebhookHost(connection, async (host) => {
				await host.activate(workflow);
				const hooks = await api<Array<{ EndpointUrl: string; SubscribedEvents: string[] }>>(
					sandbox,
					'GetWebhooks',
				);
				expect(hooks).toEqual([
					expect.objectContaining({
						EndpointUrl: host.webhookUrl(workflow.id as string, 'Deal Won'),
						SubscribedEvents: ['PipelineItemStatus.Update'],
					}),
				]);
				expireAfter('Log Deal Won Note');
				sandbox.resetCounters();

				// A support ticket moves (other pipeline), the deal moves to Contacted (other status), then to Won.
				await api(sandbox, 'EditPipelineItem', {
					PipelineItemId: ticket.PipelineItemId as string,
					StatusId: statusNamed(support, 'Waiting on Customer'),
				});
				await api(sandbox, 'EditPipelineItem', {
					PipelineItemId: deal.PipelineItemId as string,
					StatusId: statusNamed(salesLeads, 'Contacted'),
				});
				await api(sandbox, 'EditPipelineItem', {
					PipelineItemId: deal.PipelineItemId as string,
					StatusId: wonId,
				});
				await sandbox.flushWebhooks();
				const runs = await host.idle();

				const deliveries = sandbox.counters().webhookDeliveries;
				expect(deliveries.map((delivery) => [delivery.event, delivery.ok])).toEqual([
					['PipelineItemStatus.Update', true],
					['PipelineItemStatus.Update', true],
					['PipelineItemStatus.Update', true],
				]);
				expect(runs).toHaveLength(1);
				const [run] = runs;
				expectAllNodesSucceeded(run, WON_DEAL_NODES);
				expect(run.itemsOf('Deal Won')).toEqual([
					expect.objectContaining({
						TriggeringEvent: 'PipelineItemStatus.Update',
						PipelineItemId: deal.PipelineItemId,
						PipelineId: salesLeadsId,
						StatusId: wonId,
						ContactId: deal.ContactId,
					}),
				]);
				expect(run.itemsOf('Log Deal Won Note')).toEqual([
					expect.objectContaining({ NoteId: LACRM_ID }),
				]);
				expect(run.itemsOf('Onboarding Task')).toEqual([
					expect.objectContaining({ TaskId: LACRM_ID }),
				]);

				const note = await api(sandbox, 'GetNote', {
					NoteId: run.itemsOf('Log Deal Won Note')[0].NoteId as string,
				});
				const value = deal['Deal Value'] ? ` ($${String(deal['Deal Value'])})` : '';
				expect(note).toMatchObject({
					ContactId: deal.ContactId,
					Note: `Deal won: Sales Leads → Won${value}.`,
				});
				const task = await api(sandbox, 'GetTask', {
					TaskId: run.itemsOf('Onboarding Task')[0].TaskId as string,
				});
				expect(task).toMatchObject({
					Name: `Kick off onboarding for ${contactName}`,
					ContactId: deal.ContactId,
				});
				expect(possibleDates(1)).toContain(task.DueDate);

				// Deactivating removes the LACRM webhook.
				await host.deactivate(workflow);
				expect(await api(sandbox, 'GetWebhooks')).toEqual([]);
			});
			expectRefreshedOnceIfOAuth2();
		});
	});

	it('20 concurrent web-form executions with an expired OAuth2 token: exactly one refresh, no reuse, none failed', async () => {
		const connection = await oauth2Connection(sandbox);
		sandbox.expireAccessTokens();
		const people = Array.from({ length: 20 }, (_, index) => ({
			name: `Lead Number${index}`,
			email: `lead${index}@example.com`,
			phone: `555-01${String(index).padStart(2, '0')}`,
			company: `Company ${index % 4}`,
			message: `Form ${index}`,
		}));

		const runs = await withWebhookHost(connection, async (host) => {
			const { url } = await webFormUrl(host, connection);
			const responses = await Promise.all(people.map((person) => submitWebForm(url, person)));
			expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
			return await host.waitForExecutions(20);
		});

		expect(runs.map((run) => run.error?.message ?? run.status)).toEqual(Array(20).fill('success'));
		for (const run of runs) expectAllNodesSucceeded(run, WEB_FORM_NODES);
		const counters = sandbox.counters();
		expect(counters.refreshes).toBe(1);
		expect(counters.refreshReuses).toBe(0);
		expect(counters.revokedGrants).toBe(0);
		expect(counters.expiredTokenRejections).toBeGreaterThanOrEqual(1);
		expect(connection.credentials.writeCount(OAUTH2_CREDENTIAL.id, 'oauthTokenData')).toBe(1);

		// Every lead landed once: 20 contacts, 20 Sales Leads items, 20 tasks.
		const outputs = runs.map((run) => ({
			email: (run.itemsOf('Web Form')[0].body as IDataObject).email,
			contact: run.itemsOf('Create or Update Contact')[0],
			item: run.itemsOf('Add to Sales Leads')[0],
			task: run.itemsOf('Follow-up Task')[0],
		}));
		expect(outputs.map((output) => output.email).sort()).toEqual(
			people.map((person) => person.email).sort(),
		);
		expect(outputs.every((output) => output.contact.action === 'created')).toBe(true);
		expect(new Set(outputs.map((output) => output.contact.ContactId)).size).toBe(20);
		expect(new Set(outputs.map((output) => output.item.PipelineItemId)).size).toBe(20);
		expect(new Set(outputs.map((output) => output.task.TaskId)).size).toBe(20);
		for (const output of outputs) {
			const contact = await api(sandbox, 'GetContact', {
				ContactId: output.contact.ContactId as string,
			});
			expect(contact.Email).toEqual([expect.objectContaining({ Text: output.email })]);
		}
		expect(sandbox.counters().callsByFunction.CreateContact).toBe(20);
		expect(sandbox.counters().callsByFunction.CreatePipelineItem).toBe(20);
		expect(sandbox.counters().callsByFunction.CreateTask).toBe(20);
	});
});

// ---- the JSON a user imports --------------------------------------------------------------------

describe(`example workflow JSON on ${ENGINE_LABEL}`, () => {
	const examples: ExampleName[] = [
		EXAMPLES.webFormLead,
		EXAMPLES.nightlyContactSync,
		EXAMPLES.wonDealNote,
	];

	it.each(examples)(
		'%s: only node types the engine knows, no parameter n8n would drop, credentials by type and name',
		(name) => {
			const workflow = loadExample(name);
			expect(workflow.name).toMatch(/^LACRM: /);
			for (const node of workflow.nodes) {
				const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
				expect(type).toBeDefined();
				if (node.type.startsWith('n8n-nodes-base.')) continue; // harness stand-ins
				expect([node.name, droppedParameters(type, node)]).toEqual([node.name, []]);
			}
			for (const node of lacrmNodes(workflow)) {
				expect(node.parameters.authentication).toBe('apiKey');
				expect(node.credentials).toEqual({
					lacrmApi: { id: API_KEY_CREDENTIAL.id, name: API_KEY_CREDENTIAL.name },
				});
			}
			// Every connection joins two nodes of the workflow.
			const names = new Set(workflow.nodes.map((node) => node.name));
			for (const [source, outputs] of Object.entries(workflow.connections)) {
				expect(names.has(source)).toBe(true);
				for (const target of Object.values(outputs).flat(2))
					expect(names.has(target?.node as string)).toBe(true);
			}
		},
	);

	it('web-form-lead: the saved custom-field schema is what the editor loads for the pipeline, and the status belongs to it', async () => {
		const sandbox = await startSandbox({ quiet: true });
		try {
			const { credentials } = apiKeyConnection(sandbox);
			const node = nodeNamed(loadExample(EXAMPLES.webFormLead), 'Add to Sales Leads');
			const loaded = await resourceMapping(
				LACRM_TYPES.node,
				node.parameters,
				'getPipelineCustomFields',
				{
					nodeTypes,
					credentials,
					nodeCredentials: node.credentials,
				},
			);
			const saved = node.parameters.customFields as { schema: unknown[]; value: IDataObject };
			expect(saved.schema).toEqual(loaded.fields);
			expect(loaded.fields.filter((field) => field.required).map((field) => field.id)).toEqual([
				'Hunter',
			]);
			expect(saved.value.Hunter).toBeTruthy();
			const pipeline = await api<Pipeline>(sandbox, 'GetPipeline', {
				PipelineId: locatorValue(node, 'pipelineId'),
			});
			expect(pipeline.Name).toBe('Sales Leads');
			expect(pipeline.Statuses[0]).toMatchObject({
				StatusId: locatorValue(node, 'statusId'),
				Name: 'New',
			});
		} finally {
			await sandbox.stop();
		}
	});
});
