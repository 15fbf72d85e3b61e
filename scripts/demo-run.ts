/**
 * The demo itself (scripts/demo.ts prepares the environment and loads this).
 *
 * Sandbox mode (default): starts the LACRM sandbox on a free port, and runs the example workflows
 * through n8n-core's WorkflowExecute with the BUILT nodes from dist/ (what ships), using the
 * API-key credential:
 *   1. web-form-lead        three form POSTs to the workflow's production webhook URL;
 *   2. nightly-contact-sync one scheduled run (it finds the contacts step 1 touched);
 *   3. won-deal-note        activated (LACRM webhook + handshake), then one of step 1's leads is
 *                           moved to "Won" in LACRM, which delivers a signed webhook.
 *
 * Real mode (LACRM_API_KEY set): ONLY nightly-contact-sync, against the real LACRM (or
 * LACRM_API_URL), after checking that every LACRM call the workflow can make is a read.
 */
import * as fs from 'fs';
import * as path from 'path';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeType,
} from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { OAuth2ApiStandIn, HarnessCredentialsHelper } from '../test/harness/credentials-helper';
import { shutdownEngine } from '../test/harness/engine';
import { HarnessNodeTypes } from '../test/harness/node-types';
import type { WorkflowRunResult } from '../test/harness/runner';
import { runWorkflow } from '../test/harness/runner';
import { N8N_CORE_VERSION } from '../test/harness/version';
import type { WebhookServer } from '../test/harness/webhook-server';
import { startWebhookServer } from '../test/harness/webhook-server';
import type { CredentialRef, ExampleName, ExampleWorkflow, WebFormFields } from './demo-examples';
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
} from './demo-examples';

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const DEFAULT_API_URL = 'https://api.lessannoyingcrm.com/v2/';

const CREDENTIAL: CredentialRef = {
	type: 'lacrmApi',
	id: 'lacrm-api-key',
	name: 'Less Annoying CRM account',
};

// ---- what ships: the compiled package ----------------------------------------------------------

interface Shipped {
	Lacrm: new () => INodeType;
	LacrmTrigger: new () => INodeType;
	credentialTypes: ICredentialType[];
	/** Every LACRM function a node of this resource/operation may call, and whether each is a read. */
	functionsOf(
		resource: string,
		operation: string,
	): Array<{ fn: string; read: boolean }> | undefined;
}

class DemoError extends Error {}

function requireDist<T>(relative: string): T {
	const file = path.join(DIST, relative);
	if (!fs.existsSync(file)) {
		throw new DemoError(
			`${path.relative(ROOT, file)} is missing: build first (npm run build; npm run demo does both).`,
		);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as T;
}

function loadShipped(): Shipped {
	const { Lacrm } = requireDist<{ Lacrm: new () => INodeType }>('nodes/Lacrm/Lacrm.node.js');
	const { LacrmTrigger } = requireDist<{ LacrmTrigger: new () => INodeType }>(
		'nodes/LacrmTrigger/LacrmTrigger.node.js',
	);
	const { LacrmApi } = requireDist<{ LacrmApi: new () => ICredentialType }>(
		'credentials/LacrmApi.credentials.js',
	);
	const { LacrmOAuth2Api } = requireDist<{ LacrmOAuth2Api: new () => ICredentialType }>(
		'credentials/LacrmOAuth2Api.credentials.js',
	);
	type Operation = { fn: string; alsoCalls?: string[] };
	const { findOperation } = requireDist<{
		findOperation: (
			resources: unknown,
			resource: string,
			operation: string,
		) => Operation | undefined;
	}>('nodes/Lacrm/actions/router.js');
	const { RESOURCES } = requireDist<{ RESOURCES: unknown }>('nodes/Lacrm/actions/resources.js');
	const { isReadFunction } = requireDist<{ isReadFunction: (fn: string) => boolean }>(
		'nodes/Lacrm/transport/functions.js',
	);
	return {
		Lacrm,
		LacrmTrigger,
		credentialTypes: [new LacrmApi(), new LacrmOAuth2Api(), new OAuth2ApiStandIn()],
		functionsOf(resource, operation) {
			const definition = findOperation(RESOURCES, resource, operation);
			if (!definition) return undefined;
			return [definition.fn, ...(definition.alsoCalls ?? [])].map((fn) => ({
				fn,
				read: isReadFunction(fn),
			}));
		},
	};
}

/** Counts the requests n8n signed with the LACRM credential (one `authenticate` per request). */
class CountingCredentialsHelper extends HarnessCredentialsHelper {
	requests = 0;

	async authenticate(...args: Parameters<HarnessCredentialsHelper['authenticate']>) {
		if (args[1] === 'lacrmApi') this.requests++;
		return await super.authenticate(...args);
	}
}

function credentialsFor(
	shipped: Shipped,
	data: ICredentialDataDecryptedObject,
): CountingCredentialsHelper {
	return new CountingCredentialsHelper({}, { credentialTypes: shipped.credentialTypes }).add({
		...CREDENTIAL,
		data,
	});
}

// ---- printing -------------------------------------------------------------------------------------

const useColor = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) =>
	useColor ? `\u001b[${code}m${text}\u001b[0m` : text;
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const red = paint('31');
const cyan = paint('36');

function say(line = ''): void {
	process.stdout.write(`${line}\n`);
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Columns shown first when present, in this order. */
const PREFERRED_COLUMNS = [
	'action',
	'name',
	'email',
	'company',
	'message',
	'TriggeringEvent',
	'Pipeline',
	'Status',
	'Contact',
	'Deal Value',
	'Name',
	'Email',
	'Company Name',
	'Phone',
	'LastUpdate',
	'ContactId',
	'matchValue',
	'PipelineItemId',
	'TaskId',
	'NoteId',
	'timestamp',
	'Record',
	'Text',
	'Lead',
	'Hunter',
	'Task',
	'Due',
];
const HIDDEN = new Set([
	'headers',
	'params',
	'query',
	'Emails',
	'Phones',
	'Addresses',
	'webhookUrl',
	'executionMode',
]);
const MAX_COLUMNS = 5;
const MAX_ROWS = 5;
const MAX_WIDTH = 30;
const WIDE_COLUMNS: Record<string, number> = { Text: 72, Task: 40 };

function isScalar(value: unknown): value is string | number | boolean {
	return ['string', 'number', 'boolean'].includes(typeof value);
}

/** One item as flat `column → text`: the webhook body inlined, `XMetaData.Name` as `X`, ids kept. */
function flatten(json: IDataObject): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [key, value] of Object.entries(json)) {
		if (HIDDEN.has(key) || value === null || value === undefined || value === '') continue;
		if (isScalar(value)) flat[key] = String(value);
		else if (key === 'body' && typeof value === 'object' && !Array.isArray(value)) {
			for (const [field, text] of Object.entries(value))
				if (isScalar(text)) flat[field] = String(text);
		} else if (
			key.endsWith('MetaData') &&
			typeof value === 'object' &&
			isScalar((value as IDataObject).Name)
		) {
			flat[key.slice(0, -'MetaData'.length)] = String((value as IDataObject).Name);
		} else if (Array.isArray(value) && value.every(isScalar) && value.length > 0) {
			flat[key] = value.join(', ');
		}
	}
	return flat;
}

function cell(column: string, text: string): string {
	// LACRM ids are 31 digits: the tail is enough to tell them apart on screen.
	const shown = /Id$/.test(column) && /^\d{12,}$/.test(text) ? `…${text.slice(-8)}` : text;
	const width = WIDE_COLUMNS[column] ?? MAX_WIDTH;
	return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
}

function table(items: IDataObject[], indent: string): string[] {
	const rows = items.map(flatten);
	const present = new Set(rows.flatMap((row) => Object.keys(row)));
	const columns = PREFERRED_COLUMNS.filter((column) => present.has(column));
	for (const column of present)
		if (columns.length < MAX_COLUMNS && !columns.includes(column)) columns.push(column);
	columns.splice(MAX_COLUMNS);
	if (columns.length === 0) return [];
	const shown = rows
		.slice(0, MAX_ROWS)
		.map((row) => columns.map((column) => cell(column, row[column] ?? '')));
	const widths = columns.map((column, index) =>
		Math.max(column.length, ...shown.map((row) => row[index].length)),
	);
	const line = (cells: string[]) =>
		indent +
		cells
			.map((text, index) => text.padEnd(widths[index]))
			.join('  ')
			.trimEnd();
	const out = [dim(line(columns)), ...shown.map(line)];
	if (rows.length > MAX_ROWS) out.push(dim(`${indent}… and ${rows.length - MAX_ROWS} more`));
	return out;
}

interface Section {
	title: string;
	example: ExampleName;
	what: string;
	runs: WorkflowRunResult[];
	ms: number;
	/** What LACRM holds afterwards, read back (sandbox mode). */
	readBack?: IDataObject[];
}

/** Every node error (or, without one, the execution's own error) of the runs. */
function failures(runs: WorkflowRunResult[]): string[] {
	return runs.flatMap((run) => {
		const problems: string[] = [];
		for (const [node, tasks] of Object.entries(run.runData)) {
			for (const task of tasks) if (task.error) problems.push(`${node}: ${task.error.message}`);
		}
		if (problems.length === 0 && run.error) problems.push(run.error.message);
		if (problems.length === 0 && run.status !== 'success') problems.push(`execution ${run.status}`);
		return problems;
	});
}

function nodeFailed(runs: WorkflowRunResult[], nodeName: string): boolean {
	return runs.some((run) => run.nodeError(nodeName) !== undefined);
}

function printSection(index: number, section: Section, workflow: ExampleWorkflow): boolean {
	say();
	say(`${bold(cyan(`━━ ${index}. ${section.title}`))}  ${dim(`examples/${section.example}.json`)}`);
	const problems = failures(section.runs);
	const verdict =
		problems.length === 0
			? green(section.runs.length === 1 ? 'succeeded' : `all ${section.runs.length} succeeded`)
			: red(`${problems.length} error${problems.length === 1 ? '' : 's'}`);
	say(
		`   ${section.what} → ${section.runs.length} execution${section.runs.length === 1 ? '' : 's'}, ${verdict}  ${dim(`(${seconds(section.ms)})`)}`,
	);
	const nameWidth = Math.max(...workflow.nodes.map((node) => node.name.length));
	for (const node of workflow.nodes) {
		const ran = section.runs.filter((run) => run.runData[node.name] !== undefined);
		if (ran.length === 0) continue;
		const items = ran.flatMap((run) => run.itemsOf(node.name));
		say();
		say(
			`   ${bold(node.name.padEnd(nameWidth))}  ${items.length} item${items.length === 1 ? '' : 's'}`,
		);
		for (const row of table(items, '     ')) say(row);
		if (items.length === 0 && !nodeFailed(ran, node.name))
			say(dim('     (no items: n8n runs nothing after this node)'));
	}
	if (section.readBack?.length) {
		say();
		say(`   ${dim('In LACRM now (read back from the sandbox):')}`);
		for (const row of table(section.readBack, '     ')) say(row);
	}
	for (const problem of problems) say(red(`   ✗ ${problem}`));
	return problems.length === 0;
}

// ---- sandbox mode -------------------------------------------------------------------------------

const FORMS: WebFormFields[] = [
	{
		name: 'Ada Lovelace',
		email: 'ada@example.com',
		phone: '+1 555 0101',
		company: 'Analytical Engines',
		message: 'Please send pricing.',
	},
	{
		name: 'Grace Hopper',
		email: 'grace@example.com',
		phone: '+1 555 0102',
		company: 'Compiler Works',
		message: 'Can we book a demo next week?',
	},
	// Already in the demo account: matched by email, updated rather than duplicated.
	{
		name: 'Diego Jones',
		email: 'Diego.Jones@mail.example',
		phone: '+1 555 0229',
		company: 'Jones Manufacturing',
		message: 'Following up on our call.',
	},
];

/** Calls the demo makes itself (acting as the LACRM user, reading back): not the workflows'. */
const ownCalls: Record<string, number> = {};

async function read(sandbox: Sandbox, fn: string, parameters: IDataObject): Promise<IDataObject> {
	ownCalls[fn] = (ownCalls[fn] ?? 0) + 1;
	const { status, body } = await sandbox.call(fn, parameters);
	if (status !== 200) throw new DemoError(`${fn} answered ${status}: ${JSON.stringify(body)}`);
	return body as IDataObject;
}

const nameOf = (meta: unknown) => String((meta as IDataObject | null)?.Name ?? '');

/** What `rowsOf` reads back from LACRM for each execution, in execution order. */
async function readBack(
	runs: WorkflowRunResult[],
	rowsOf: (run: WorkflowRunResult) => Promise<IDataObject[]>,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (const run of runs) rows.push(...(await rowsOf(run)));
	return rows;
}

/** Each web-form execution's contact, lead and task, as LACRM has them now. */
async function readBackWebForm(sandbox: Sandbox, runs: WorkflowRunResult[]) {
	return await readBack(runs, async (run) => {
		const itemId = run.itemsOf('Add to Sales Leads')[0]?.PipelineItemId;
		const taskId = run.itemsOf('Follow-up Task')[0]?.TaskId;
		if (!itemId || !taskId) return [];
		const item = await read(sandbox, 'GetPipelineItem', { PipelineItemId: itemId });
		const task = await read(sandbox, 'GetTask', { TaskId: taskId });
		return [
			{
				Contact: nameOf(item.ContactMetaData),
				Lead: `${nameOf(item.PipelineMetaData)} / ${nameOf(item.StatusMetaData)}`,
				Hunter: item.Hunter,
				Task: task.Name,
				Due: task.DueDate,
			},
		];
	});
}

/** The won deal's note and task, as LACRM has them now. */
async function readBackWonDeal(sandbox: Sandbox, runs: WorkflowRunResult[]) {
	return await readBack(runs, async (run) => {
		const noteId = run.itemsOf('Log Deal Won Note')[0]?.NoteId;
		const taskId = run.itemsOf('Onboarding Task')[0]?.TaskId;
		const rows: IDataObject[] = [];
		if (noteId)
			rows.push({
				Record: 'Note',
				Text: (await read(sandbox, 'GetNote', { NoteId: noteId })).Note,
			});
		if (taskId) {
			const task = await read(sandbox, 'GetTask', { TaskId: taskId });
			rows.push({ Record: 'Task', Text: task.Name, Due: task.DueDate });
		}
		return rows;
	});
}

async function withHost<T>(
	nodeTypes: HarnessNodeTypes,
	credentials: HarnessCredentialsHelper,
	work: (host: WebhookServer) => Promise<T>,
) {
	const host = await startWebhookServer({ nodeTypes, credentials });
	try {
		return await work(host);
	} finally {
		await host.close();
	}
}

async function runSandboxDemo(shipped: Shipped): Promise<number> {
	const started = Date.now();
	const sandbox: Sandbox = await startSandbox({
		port: 0,
		quiet: true,
		webhookRetry: { maxAttempts: 3, baseDelayMs: 100 },
	});
	try {
		const credentials = credentialsFor(shipped, {
			apiKey: sandbox.apiKey,
			baseUrl: sandbox.apiUrl,
		});
		const nodeTypes = new HarnessNodeTypes({
			[LACRM_TYPES.node]: new shipped.Lacrm(),
			[LACRM_TYPES.trigger]: new shipped.LacrmTrigger(),
		});
		say(bold('Less Annoying CRM nodes — example workflows, run by n8n'));
		say(
			dim(
				`LACRM: the bundled sandbox at ${sandbox.url} (demo account), credential "${CREDENTIAL.name}" (API key)`,
			),
		);
		say(dim(`n8n:   n8n-core ${N8N_CORE_VERSION} WorkflowExecute, nodes from dist/`));
		let ok = true;

		// 1. Web form lead.
		const webForm = withCredential(loadExample(EXAMPLES.webFormLead), CREDENTIAL);
		let t0 = Date.now();
		const formRuns = await withHost(nodeTypes, credentials, async (host) => {
			await host.activate(webForm);
			const url = `${host.webhookBaseUrl}/${webhookPath(webForm, 'Web Form')}`;
			for (const [index, form] of FORMS.entries()) {
				const response = await submitWebForm(url, form);
				if (!response.ok) throw new DemoError(`the form POST answered HTTP ${response.status}`);
				await host.waitForExecutions(index + 1);
			}
			return await host.idle();
		});
		ok =
			printSection(
				1,
				{
					title: 'Web form lead → contact, pipeline item, follow-up task',
					example: EXAMPLES.webFormLead,
					what: `${FORMS.length} form POSTs to /webhook/${webhookPath(webForm, 'Web Form')}`,
					runs: formRuns,
					ms: Date.now() - t0,
					readBack: await readBackWebForm(sandbox, formRuns),
				},
				webForm,
			) && ok;

		// 2. Nightly sync (finds what step 1 changed).
		const nightly = withCredential(loadExample(EXAMPLES.nightlyContactSync), CREDENTIAL);
		t0 = Date.now();
		const nightlyRun = await runWorkflow(nightly, { nodeTypes, credentials, mode: 'trigger' });
		ok =
			printSection(
				2,
				{
					title: 'Nightly sync of contacts updated since yesterday',
					example: EXAMPLES.nightlyContactSync,
					what: 'one scheduled run',
					runs: [nightlyRun],
					ms: Date.now() - t0,
				},
				nightly,
			) && ok;

		// 3. Won deal: activate, then move Ada's new lead to Won in LACRM.
		const wonDeal = withCredential(loadExample(EXAMPLES.wonDealNote), CREDENTIAL);
		const trigger = nodeNamed(wonDeal, 'Deal Won');
		const wonStatusId = (trigger.parameters.statusIds as string[])[0];
		const pipelineName = String(
			(trigger.parameters.pipelineId as IDataObject).cachedResultName ??
				locatorValue(trigger, 'pipelineId'),
		);
		const lead = formRuns[0]?.itemsOf('Add to Sales Leads')[0]?.PipelineItemId as
			string | undefined;
		t0 = Date.now();
		const wonRuns = await withHost(nodeTypes, credentials, async (host) => {
			await host.activate(wonDeal);
			if (!lead) return [];
			await read(sandbox, 'EditPipelineItem', { PipelineItemId: lead, StatusId: wonStatusId });
			await sandbox.flushWebhooks();
			const runs = await host.idle();
			await host.deactivate(wonDeal);
			return runs;
		});
		ok =
			printSection(
				3,
				{
					title: 'Deal won → note on the contact + onboarding task',
					example: EXAMPLES.wonDealNote,
					what: `activated (LACRM webhook created); then, in LACRM, ${FORMS[0].name}'s ${pipelineName} lead moved to Won`,
					runs: wonRuns,
					ms: Date.now() - t0,
					readBack: await readBackWonDeal(sandbox, wonRuns),
				},
				wonDeal,
			) &&
			ok &&
			wonRuns.length === 1;

		// Summary.
		const counters = sandbox.counters();
		const workflowCalls = Object.entries(counters.callsByFunction)
			.map(([fn, count]): [string, number] => [fn, count - (ownCalls[fn] ?? 0)])
			.filter(([, count]) => count > 0);
		const total = workflowCalls.reduce((sum, [, count]) => sum + count, 0);
		const byFunction = workflowCalls
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([fn, count]) => `${fn} ${count}`)
			.join(', ');
		const executions = formRuns.length + 1 + wonRuns.length;
		say();
		say(bold(cyan('━━ Summary')));
		say(
			`   3 workflows, ${executions} executions: ${ok ? green('all succeeded') : red('some failed')}`,
		);
		say(`   LACRM API calls by the workflows: ${total}  ${dim(`(${byFunction})`)}`);
		const delivered = counters.webhookDeliveries.filter((delivery) => delivery.ok).length;
		say(
			`   LACRM webhooks delivered to n8n: ${delivered} ${dim('(signed, verified by the trigger)')}`,
		);
		say(`   Time: ${seconds(Date.now() - started)}`);
		say();
		say(dim('Import the workflows into n8n: see examples/README.md.'));
		return ok ? 0 : 1;
	} finally {
		await sandbox.stop();
	}
}

// ---- real LACRM, read-only --------------------------------------------------------------------

function normalizeUrl(value: string): string {
	const url = new URL(value.trim());
	return url.toString().endsWith('/') ? url.toString() : `${url.toString()}/`;
}

/** Refuse to run unless every LACRM call the workflow can make is a read. */
function assertReadOnly(shipped: Shipped, workflow: ExampleWorkflow): string[] {
	const allowed = new Set([
		'n8n-nodes-base.scheduleTrigger',
		'n8n-nodes-base.noOp',
		LACRM_TYPES.node,
	]);
	const functions: string[] = [];
	for (const node of workflow.nodes) {
		if (!allowed.has(node.type))
			throw new DemoError(`refusing to run against LACRM: unexpected node type ${node.type}`);
	}
	for (const node of lacrmNodes(workflow)) {
		const calls = shipped.functionsOf(
			String(node.parameters.resource),
			String(node.parameters.operation),
		);
		if (!calls || calls.some((call) => !call.read)) {
			throw new DemoError(
				`refusing to run against LACRM: node "${node.name}" may write (${JSON.stringify(calls)})`,
			);
		}
		functions.push(...calls.map((call) => call.fn));
	}
	return functions;
}

async function runRealReadOnly(shipped: Shipped, apiKey: string): Promise<number> {
	const started = Date.now();
	const baseUrl = normalizeUrl(process.env.LACRM_API_URL || DEFAULT_API_URL);
	const workflow = withCredential(loadExample(EXAMPLES.nightlyContactSync), CREDENTIAL);
	const reads = assertReadOnly(shipped, workflow);
	const credentials = credentialsFor(shipped, { apiKey, baseUrl });
	const nodeTypes = new HarnessNodeTypes({ [LACRM_TYPES.node]: new shipped.Lacrm() });
	say(bold('Less Annoying CRM nodes — read-only example against your LACRM'));
	say(
		dim(
			`LACRM: ${baseUrl} with LACRM_API_KEY; only ${[...new Set(reads)].join(', ')} (reads), nothing is written`,
		),
	);
	say(dim(`n8n:   n8n-core ${N8N_CORE_VERSION} WorkflowExecute, nodes from dist/`));
	const t0 = Date.now();
	const run = await runWorkflow(workflow, { nodeTypes, credentials, mode: 'trigger' });
	const ok = printSection(
		1,
		{
			title: 'Nightly sync of contacts updated since yesterday',
			example: EXAMPLES.nightlyContactSync,
			what: 'one scheduled run',
			runs: [run],
			ms: Date.now() - t0,
		},
		workflow,
	);
	say();
	say(bold(cyan('━━ Summary')));
	say(`   1 workflow, 1 execution: ${ok ? green('succeeded') : red('failed')}`);
	say(`   LACRM API requests: ${credentials.requests} ${dim('(reads only)')}`);
	say(`   Time: ${seconds(Date.now() - started)}`);
	return ok ? 0 : 1;
}

export async function runDemo(): Promise<number> {
	try {
		const shipped = loadShipped();
		const apiKey = process.env.LACRM_API_KEY?.trim();
		return apiKey ? await runRealReadOnly(shipped, apiKey) : await runSandboxDemo(shipped);
	} catch (error) {
		if (error instanceof DemoError) {
			say(red(`\nDemo stopped: ${error.message}`));
			return 1;
		}
		throw error;
	} finally {
		shutdownEngine();
	}
}
