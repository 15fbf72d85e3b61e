/**
 * `npm run screenshots` — the README's pictures of the nodes in the real n8n editor.
 *
 * Needs `npm run dev` running (n8n with this package, the sandbox as the LACRM account) and a
 * Chromium on PATH (Debian: `apt-get install chromium`; or CHROMIUM=<path to the browser>).
 * It logs in as the dev owner, (re)creates one small workflow per picture through n8n's REST API,
 * opens each in the editor with playwright-core and saves PNGs into docs/.
 *
 *   npm run screenshots [-- --only contact-create,trigger,…] [--keep-workflows]
 *
 * --only takes picture names (the PNG names without .png); --keep-workflows leaves the workflows in
 * n8n to look at (they are named "Screenshot: …" and removed by the next run).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { type DevState, N8nClient, readState, ROOT, type WorkflowNode } from './dev-lib';

const DOCS = path.join(ROOT, 'docs');
const VIEWPORT = { width: 1280, height: 800 };
const WORKFLOW_PREFIX = 'Screenshot: ';
const log = (text: string): void => void process.stdout.write(`[screenshots] ${text}\n`);

// ---- the sandbox account, read through LACRM's API as the credential sees it ----------------------

interface Pipeline {
	PipelineId: string;
	Name: string;
	Statuses: Array<{ StatusId: string; Name: string }>;
}

async function lacrm<T>(state: DevState, fn: string, parameters: object = {}): Promise<T> {
	const res = await fetch(state.sandbox.apiUrl, {
		method: 'POST',
		headers: { Authorization: state.sandbox.apiKey, 'Content-Type': 'application/json' },
		body: JSON.stringify({ Function: fn, Parameters: parameters }),
	});
	if (!res.ok) throw new Error(`${fn}: HTTP ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

async function readAccount(state: DevState): Promise<Account> {
	const pipelines = await lacrm<Pipeline[]>(state, 'GetPipelines');
	const contacts = await lacrm<{
		Results: Array<{
			ContactId: string;
			IsCompany: boolean;
			Name: { FirstName: string; LastName: string };
			Email: Array<{ Text: string }>;
		}>;
	}>(state, 'GetContacts', { SortBy: 'LastName', MaxNumberOfResults: 50 });
	const person = contacts.Results.find((contact) => !contact.IsCompany);
	if (!person) throw new Error('the sandbox account has no people (seed "demo" expected)');
	const name = `${person.Name.FirstName} ${person.Name.LastName}`;
	const email = person.Email[0]?.Text;
	const user = await lacrm<{ UserId: string }>(state, 'GetUser');
	return {
		state,
		pipelines,
		userId: user.UserId,
		contact: { ContactId: person.ContactId, label: email ? `${name} — ${email}` : name },
	};
}

/** The demo account's sales pipeline (five statuses, required custom field "Hunter"). */
function salesLeads(pipelines: Pipeline[]): Pipeline {
	const pipeline = pipelines.find((candidate) => candidate.Name === 'Sales Leads');
	if (!pipeline)
		throw new Error('the sandbox account has no "Sales Leads" pipeline (seed "demo" expected)');
	return pipeline;
}

// ---- workflows ------------------------------------------------------------------------------------

const fromList = (value: string, cachedResultName: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName,
});

function lacrmNode(
	state: DevState,
	name: string,
	parameters: Record<string, unknown>,
	position: [number, number] = [240, 0],
): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-lacrm.lacrm',
		typeVersion: 2,
		position,
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: { lacrmApi: state.credentials.apiKey },
	};
}

function manualTrigger(): WorkflowNode {
	return {
		id: randomUUID(),
		name: 'When clicking ‘Execute workflow’',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/** Manual trigger → one LACRM node, opened on that node. */
function manualThenLacrm(state: DevState, name: string, parameters: Record<string, unknown>) {
	const node = lacrmNode(state, name, parameters);
	return { nodes: [manualTrigger(), node], open: node.id };
}

function chain(...nodes: WorkflowNode[]) {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/** What the pictures are of: the sandbox account as the credential sees it. */
interface Account {
	state: DevState;
	pipelines: Pipeline[];
	/** The credential's LACRM user. */
	userId: string;
	/** A person to put on a pipeline item, named as the Contact picker names them. */
	contact: { ContactId: string; label: string };
}

interface Shot {
	/** docs/<file>.png */
	file: string;
	caption: string;
	viewport?: { width: number; height: number };
	/** The workflow to open (none: the picture is not of a workflow). */
	workflow?: (account: Account) => { nodes: WorkflowNode[]; open: string };
	/** Brings the editor to the picture; returns the element to crop to (undefined: the whole page). */
	take: (page: Page, context: ShotContext) => Promise<Locator | undefined>;
	after?: (page: Page) => Promise<void>;
}

interface ShotContext extends Account {
	workflowId?: string;
	nodeId?: string;
}

/** n8n 1.x (from 1.9x) and 2.x delete only archived workflows; older ones delete directly. */
async function deleteWorkflow(client: N8nClient, id: string): Promise<void> {
	try {
		await client.request('POST', `/rest/workflows/${id}/archive`);
	} catch {
		// no archiving in this n8n, or already archived
	}
	await client.request('DELETE', `/rest/workflows/${id}`);
}

/** Removes what earlier runs left (the workflows are named with WORKFLOW_PREFIX). */
async function deleteOldWorkflows(client: N8nClient): Promise<void> {
	const existing = await client.request<Array<{ id: string; name: string }>>(
		'GET',
		'/rest/workflows',
	);
	for (const workflow of existing.filter((w) => w.name.startsWith(WORKFLOW_PREFIX)))
		await deleteWorkflow(client, workflow.id);
}

async function createWorkflow(
	client: N8nClient,
	name: string,
	nodes: WorkflowNode[],
): Promise<string> {
	const created = await client.request<{ id: string }>('POST', '/rest/workflows', {
		name,
		nodes,
		connections: chain(...nodes),
		settings: { executionOrder: 'v1' },
		active: false,
	});
	return created.id;
}

function triggerWorkflow({ state }: Account): { nodes: WorkflowNode[]; open: string } {
	const node: WorkflowNode = {
		id: randomUUID(),
		name: 'Less Annoying CRM Trigger',
		type: 'n8n-nodes-lacrm.lacrmTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			authentication: 'apiKey',
			events: ['Contact.Create', 'PipelineItemStatus.Update'],
		},
		credentials: { lacrmApi: state.credentials.apiKey },
	};
	return { nodes: [node], open: node.id };
}

// ---- the editor -----------------------------------------------------------------------------------

async function login(page: Page, state: DevState): Promise<void> {
	await page.goto(`${state.n8nUrl}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
		.first()
		.fill(state.owner.email);
	await page.locator('input[type="password"]').first().fill(state.owner.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Closes what n8n pops over the editor on a first visit (cookie banners, tours, "what's new"). */
async function dismissPopups(page: Page): Promise<void> {
	for (const name of [/^accept all$/i, /^got it$/i, /^dismiss$/i, /^skip$/i]) {
		const button = page.getByRole('button', { name });
		if (
			await button
				.first()
				.isVisible()
				.catch(() => false)
		)
			await button.first().click();
	}
}

async function openWorkflowNode(page: Page, context: ShotContext): Promise<Locator> {
	await page.goto(`${context.state.n8nUrl}/workflow/${context.workflowId}/${context.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible', timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	await dismissPopups(page);
	return ndv;
}

/** Waits until the custom-field mapper has listed the account's fields. */
async function mapperFieldsListed(ndv: Locator): Promise<void> {
	await ndv
		.locator('[data-test-id="mapping-fields-container"] [data-test-id="parameter-input-field"]')
		.first()
		.waitFor({ timeout: 30_000 });
}

/** "Listen for test event" on the open trigger, until n8n says it is listening. */
async function startListening(ndv: Locator): Promise<void> {
	await ndv.locator('[data-test-id="node-execute-button"]').first().click();
	await ndv
		.getByText(/listening for/i)
		.first()
		.waitFor({ timeout: 30_000 });
}

/** Scrolls the node's parameter list so that `label` is the first parameter in view. */
async function scrollParametersTo(page: Page, label: string): Promise<void> {
	const item = page
		.locator('[data-test-id="node-parameters"] [data-test-id="parameter-item"]')
		.filter({ has: page.locator('[data-test-id="input-label"]', { hasText: label }) })
		.first();
	await item.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

async function stopListening(page: Page): Promise<void> {
	const stop = page.getByRole('button', { name: /stop listening/i });
	if (
		await stop
			.first()
			.isVisible()
			.catch(() => false)
	)
		await stop.first().click();
}

/** Toasts ("Node executed successfully") cover the output; close them. */
async function closeToasts(page: Page): Promise<void> {
	const close = page.locator('.el-notification .el-notification__closeBtn');
	while ((await close.count()) > 0) {
		await close.first().click();
		await page.waitForTimeout(300);
	}
}

const SHOTS: Shot[] = [
	{
		file: 'credential-api-key',
		caption: 'The API key credential, tested against the account',
		take: async (page, { state }) => {
			await page.goto(`${state.n8nUrl}/home/credentials/${state.credentials.apiKey.id}`);
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ state: 'visible', timeout: 30_000 });
			await modal.getByText(/connection tested successfully/i).waitFor({ timeout: 30_000 });
			return modal;
		},
	},
	{
		file: 'credential-oauth2',
		caption: 'The OAuth2 credential (LACRM partners), connected',
		viewport: { width: 1280, height: 1000 },
		take: async (page, { state }) => {
			await page.goto(`${state.n8nUrl}/home/credentials/${state.credentials.oauth2.id}`);
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ state: 'visible', timeout: 30_000 });
			await modal.getByText(/account connected/i).waitFor({ timeout: 30_000 });
			// From the redirect URL down to the partner notice and the API Base URL.
			await modal
				.getByText('OAuth Redirect URL', { exact: true })
				.evaluate((element) => element.scrollIntoView({ block: 'start' }));
			return modal;
		},
	},
	{
		file: 'contact-create',
		caption: 'Contact → Create',
		viewport: { width: 1280, height: 1000 },
		workflow: ({ state }) =>
			manualThenLacrm(state, 'Create Contact', {
				resource: 'contact',
				operation: 'create',
				name: 'Ada Lovelace',
				email: { entries: [{ text: 'ada@example.com', type: 'Work' }] },
				phone: { entries: [{ text: '+1 555 0100', type: 'Mobile' }] },
			}),
		take: async (page, context) => {
			const ndv = await openWorkflowNode(page, context);
			// The custom fields come from the account: wait until the mapper has listed them.
			await mapperFieldsListed(ndv);
			await scrollParametersTo(page, 'Full Name');
			return ndv;
		},
	},
	{
		file: 'pipeline-item-create',
		caption: 'Pipeline Item → Create',
		workflow: ({ state, pipelines, contact }) => {
			const sales = salesLeads(pipelines);
			const node = lacrmNode(state, 'Add to Sales Leads', {
				resource: 'pipelineItem',
				operation: 'create',
				contactId: fromList(contact.ContactId, contact.label),
				pipelineId: fromList(sales.PipelineId, sales.Name),
				statusId: fromList(sales.Statuses[0].StatusId, sales.Statuses[0].Name),
			});
			return { nodes: [manualTrigger(), node], open: node.id };
		},
		take: async (page, context) => {
			const ndv = await openWorkflowNode(page, context);
			await mapperFieldsListed(ndv);
			await scrollParametersTo(page, 'Contact');
			// Open the Status picker: the statuses of the chosen pipeline, in the pipeline's order.
			await ndv
				.locator('[data-test-id="resource-locator-statusId"] [data-test-id="rlc-input"]')
				.click();
			const statuses = salesLeads(context.pipelines).Statuses;
			await page
				.locator('[data-test-id="rlc-item"]', { hasText: statuses[statuses.length - 1].Name })
				.first()
				.waitFor({ timeout: 30_000 });
			return undefined;
		},
	},
	{
		file: 'contact-get-many-output',
		caption: 'Contact → Get Many, executed',
		workflow: ({ state }) =>
			manualThenLacrm(state, 'Get Contacts', {
				resource: 'contact',
				operation: 'getAll',
				limit: 5,
			}),
		take: async (page, context) => {
			const ndv = await openWorkflowNode(page, context);
			await ndv.locator('[data-test-id="node-execute-button"]').first().click();
			const output = ndv.locator('[data-test-id="output-panel"]');
			await output.locator('table').first().waitFor({ state: 'visible', timeout: 30_000 });
			// Give the output more room: drag the parameters panel to the left.
			const handle = ndv.locator('[data-test-id="panel-drag-button"]');
			const box = await handle.boundingBox();
			if (box) {
				await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
				await page.mouse.down();
				await page.mouse.move(box.x - 300, box.y + box.height / 2, { steps: 10 });
				await page.mouse.up();
			}
			await closeToasts(page);
			return ndv;
		},
	},
	{
		file: 'trigger',
		caption: 'Less Annoying CRM Trigger: the seven events LACRM sends',
		workflow: (account) => triggerWorkflow(account),
		take: async (page, context) => {
			const ndv = await openWorkflowNode(page, context);
			await ndv.locator('[data-test-id="parameter-input-events"]').click();
			await page.getByRole('option', { name: 'Event Deleted' }).waitFor({ timeout: 10_000 });
			return undefined;
		},
	},
	{
		file: 'trigger-listening',
		caption: 'Less Annoying CRM Trigger, listening for a test event',
		workflow: (account) => triggerWorkflow(account),
		take: async (page, context) => {
			const ndv = await openWorkflowNode(page, context);
			await startListening(ndv);
			return ndv;
		},
		// Stop listening, so n8n removes the test hook from the sandbox.
		after: stopListening,
	},
	{
		file: 'trigger-test-event',
		caption: 'Less Annoying CRM Trigger: a contact created in LACRM arrives as the test event',
		workflow: (account) => triggerWorkflow(account),
		take: async (page, context) => {
			const ndv = await openWorkflowNode(page, context);
			await startListening(ndv);
			await lacrm(context.state, 'CreateContact', {
				IsCompany: false,
				AssignedTo: context.userId,
				Name: 'Grace Hopper',
				Email: [{ Text: 'grace@example.com', Type: 'Work' }],
			});
			const output = ndv.locator('[data-test-id="output-panel"]');
			await output
				.getByText(/grace@example.com/)
				.first()
				.waitFor({ timeout: 60_000 });
			await output.locator('[data-test-id="radio-button-json"]').click();
			await closeToasts(page);
			// Away from the pin button, whose tooltip would cover the output.
			await page.mouse.move(200, 600);
			return ndv;
		},
		// If the event never came: stop listening, so n8n removes the test hook from the sandbox.
		after: stopListening,
	},
];

/** The system's Chromium: playwright-core drives it and never downloads a browser of its own. */
function findChromium(): string {
	if (process.env.CHROMIUM) return process.env.CHROMIUM;
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
			const candidate = path.join(dir, name);
			if (dir && fs.existsSync(candidate)) return candidate;
		}
	}
	throw new Error(
		'No Chromium found on PATH (Debian: apt-get install chromium); set CHROMIUM to the browser',
	);
}

// ---- main -----------------------------------------------------------------------------------------

function parseArgs(argv: string[]): { only?: string[]; keepWorkflows: boolean } {
	const onlyIndex = argv.indexOf('--only');
	return {
		only: onlyIndex >= 0 ? argv[onlyIndex + 1]?.split(',') : undefined,
		keepWorkflows: argv.includes('--keep-workflows'),
	};
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const state = readState();
	const client = new N8nClient(state.n8nUrl);
	await client.login(state.owner);
	const account = await readAccount(state);
	await deleteOldWorkflows(client);
	fs.mkdirSync(DOCS, { recursive: true });

	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lacrm-screenshots-'));
	let browser: BrowserContext | undefined;
	try {
		// A fresh profile every run; playwright-core never downloads a browser, it drives this one.
		browser = await chromium.launchPersistentContext(userDataDir, {
			executablePath: findChromium(),
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
		});
		const page = browser.pages()[0] ?? (await browser.newPage());
		await login(page, state);
		for (const shot of SHOTS) {
			if (args.only && !args.only.includes(shot.file)) continue;
			await page.setViewportSize(shot.viewport ?? VIEWPORT);
			const context: ShotContext = { ...account };
			if (shot.workflow) {
				const { nodes, open } = shot.workflow(account);
				context.workflowId = await createWorkflow(
					client,
					`${WORKFLOW_PREFIX}${shot.caption}`,
					nodes,
				);
				context.nodeId = open;
			}
			const file = path.join(DOCS, `${shot.file}.png`);
			try {
				const target = await shot.take(page, context);
				// Let transitions and lazy loads settle.
				await page.waitForTimeout(800);
				await (target ?? page).screenshot({ path: file });
				log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
			} catch (error) {
				const failed = path.join(os.tmpdir(), `lacrm-screenshot-failed-${shot.file}.png`);
				await page.screenshot({ path: failed }).catch(() => undefined);
				throw new Error(
					`${shot.file}: ${(error as Error).message}\n(the page as it was: ${failed})`,
				);
			} finally {
				await shot.after?.(page);
			}
			if (context.workflowId && !args.keepWorkflows)
				await deleteWorkflow(client, context.workflowId);
		}
	} finally {
		await browser?.close();
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`[screenshots] ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
