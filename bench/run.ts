/**
 * `npm run bench` — the package's speed and memory figures, measured against the local LACRM
 * sandbox (its own child process, a free port, fixed random seed, fixed injected latency):
 *
 *   (a) overhead of the node in n8n-core's engine vs a bare node:http loop making the same calls
 *   (b) calls and wall time of Return All over 50,000 contacts (10,000 per page → 5 calls)
 *   (c) 500 CreateNote items at the node's default concurrency vs concurrency 1
 *   (d) peak RSS of a process listing 100,000 contacts through the node (forked child)
 *   (e) 1,000 Note → Create under a 20 req/s token bucket (burst 5, 100 ms per call): failed items
 *       and achieved rate at Max Parallel 5/20/1, adaptive rate gate off, and n8n's HTTP Request node
 *   (f) 500 × Contact → Get: LACRM calls and wall time, node vs bare loops vs HTTP Request node
 *   (g) Return All over 50,000 contacts with the HTTP Request node's own pagination
 *   (h) HTTPS (a throw-away CA trusted through NODE_EXTRA_CA_CERTS), 20 ms latency: per-call cost
 *       of the node (n8n connects per request: TCP + TLS) vs bare HTTPS loops
 *
 * Prints tables and writes bench/results.json (the README quotes it). Speed and memory are
 * measured here only, never in timed tests.
 *
 *   npx tsx bench/run.ts [--latency 20] [--calls 200] [--rounds 3] [--engine 2|1] [--out bench/results.json]
 *
 * --engine 1 runs on n8n-core 1.122.48 (what n8n 1.123 ships) instead of 2.41.1 and writes
 * bench/results-n8n-core-1.json by default.
 */
import './env';

import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEFAULT_CONCURRENCY } from '../nodes/Lacrm/actions/router';
import { shutdownEngine } from '../test/harness/engine';
import { N8N_CORE_VERSION, N8N_WORKFLOW_VERSION } from '../test/harness/version';
import {
	apiKeyCredentials,
	byId,
	countingConnections,
	median,
	mib,
	noKeepAlive,
	ROOT,
	round,
	runLacrm,
	SandboxProcess,
	timed,
} from './lib';
import type { HttpsChildResult } from './https-child';
import type { RssChildResult } from './rss-child';
import { httpRequestListAll, manyGets, ratedCreates } from './jobs';
import { throwAwayCa } from '../sandbox/tls';

// ---- options --------------------------------------------------------------------------------------

interface Options {
	latencyMs: number;
	calls: number;
	rounds: number;
	out: string;
}

function parseOptions(argv: string[]): Options {
	const defaultOut = process.env.BENCH_ENGINE === '1' ? 'results-n8n-core-1.json' : 'results.json';
	const options: Options = {
		latencyMs: 20,
		calls: 200,
		rounds: 3,
		out: path.join(ROOT, 'bench', defaultOut),
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		const count = (name: string, min: number) => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < min)
				throw new Error(`${name} must be a whole number >= ${min}`);
			return n;
		};
		switch (flag) {
			case '--latency':
				options.latencyMs = count('--latency', 0);
				break;
			case '--calls':
				options.calls = count('--calls', 1);
				break;
			case '--rounds':
				options.rounds = count('--rounds', 1);
				break;
			case '--engine':
				value(); // handled by ./env before n8n-core is loaded
				break;
			case '--out':
				options.out = path.resolve(value());
				break;
			case '--help':
			case '-h':
				process.stdout.write(
					'Usage: npx tsx bench/run.ts [--latency ms] [--calls n] [--rounds n] [--engine 2|1] [--out file]\n',
				);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown option ${argv[i]}`);
		}
	}
	return options;
}

// ---- output ---------------------------------------------------------------------------------------

function table(
	title: string,
	header: string[],
	rows: Array<Array<string | number>>,
	leftColumns = 1,
): void {
	const cells = [header, ...rows.map((row) => row.map(String))];
	const widths = header.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
	const line = (row: string[]) =>
		'  ' +
		row
			.map((cell, col) =>
				col < leftColumns ? cell.padEnd(widths[col]) : cell.padStart(widths[col]),
			)
			.join('   ');
	process.stdout.write(`\n${title}\n`);
	process.stdout.write(`${line(cells[0])}\n  ${widths.map((w) => '-'.repeat(w)).join('   ')}\n`);
	for (const row of cells.slice(1)) process.stdout.write(`${line(row)}\n`);
}

const note = (text: string) => process.stdout.write(`  ${text}\n`);
const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const fmt = (n: number, digits = 2) =>
	n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => n.toLocaleString('en-US');

// ---- (a) node overhead vs a bare loop ----------------------------------------------------------------

interface OverheadResult {
	latencyMs: number;
	calls: number;
	rounds: number;
	/** Median ms per call: the node in n8n-core's engine. */
	nodeMsPerCall: number;
	/** Bare node:http loop with Node's default keep-alive agent (one TCP connection for all calls). */
	bareMsPerCall: number;
	ratio: number;
	overheadMsPerCall: number;
	/** Bare loop opening a new TCP connection per call, as n8n's HTTP helper turned out to do. */
	bareNewConnectionMsPerCall: number;
	ratioVsNewConnection: number;
	overheadVsNewConnectionMsPerCall: number;
	tcpConnections: { node: number; bare: number; bareNewConnection: number };
	nodeRoundsMs: number[];
	bareRoundsMs: number[];
	bareNewConnectionRoundsMs: number[];
	callsSeenPerNodeRun: number;
}

async function overhead(
	sandbox: SandboxProcess,
	ids: string[],
	latencyMs: number,
	options: Options,
): Promise<OverheadResult> {
	await sandbox.setLatency(latencyMs);
	const credentials = apiKeyCredentials(sandbox);
	// Note → Get: one call per item (Contact → Get fetches many items in one GetContactsById call).
	const parameters = {
		resource: 'note',
		operation: 'get',
		noteId: byId('={{ $json.noteId }}'),
		options: { concurrency: 1 },
	};
	const items = ids.slice(0, options.calls).map((noteId) => ({ noteId }));
	const bare = (agent?: http.Agent) => async () => {
		for (const item of items) await sandbox.call('GetNote', { NoteId: item.noteId }, agent);
	};
	// Warm-up: JIT, module loading, keep-alive sockets.
	await runLacrm(credentials, parameters, items.slice(0, 10));
	for (const item of items.slice(0, 10)) await sandbox.call('GetNote', { NoteId: item.noteId });
	for (const item of items.slice(0, 10))
		await sandbox.call('GetNote', { NoteId: item.noteId }, noKeepAlive);

	const nodeRounds: number[] = [];
	const bareRounds: number[] = [];
	const newConnectionRounds: number[] = [];
	const connections = { node: 0, bare: 0, bareNewConnection: 0 };
	let callsSeen = 0;
	for (let r = 0; r < options.rounds; r++) {
		await sandbox.resetCounters();
		const node = await countingConnections(() =>
			timed(() => runLacrm(credentials, parameters, items)),
		);
		callsSeen = (await sandbox.counters()).callsByFunction.GetNote ?? 0;
		if (node.value.value.output('LACRM')?.length !== items.length)
			throw new Error('(a) the node did not return one note per item');
		nodeRounds.push(node.value.ms);
		connections.node = node.connections;
		const keepAlive = await countingConnections(() => timed(bare()));
		bareRounds.push(keepAlive.value.ms);
		connections.bare = keepAlive.connections;
		const fresh = await countingConnections(() => timed(bare(noKeepAlive)));
		newConnectionRounds.push(fresh.value.ms);
		connections.bareNewConnection = fresh.connections;
	}
	const nodeMsPerCall = median(nodeRounds) / items.length;
	const bareMsPerCall = median(bareRounds) / items.length;
	const newConnectionMsPerCall = median(newConnectionRounds) / items.length;
	return {
		latencyMs,
		calls: items.length,
		rounds: options.rounds,
		nodeMsPerCall: round(nodeMsPerCall, 3),
		bareMsPerCall: round(bareMsPerCall, 3),
		ratio: round(nodeMsPerCall / bareMsPerCall, 3),
		overheadMsPerCall: round(nodeMsPerCall - bareMsPerCall, 3),
		bareNewConnectionMsPerCall: round(newConnectionMsPerCall, 3),
		ratioVsNewConnection: round(nodeMsPerCall / newConnectionMsPerCall, 3),
		overheadVsNewConnectionMsPerCall: round(nodeMsPerCall - newConnectionMsPerCall, 3),
		tcpConnections: connections,
		nodeRoundsMs: nodeRounds.map((ms) => round(ms, 1)),
		bareRoundsMs: bareRounds.map((ms) => round(ms, 1)),
		bareNewConnectionRoundsMs: newConnectionRounds.map((ms) => round(ms, 1)),
		callsSeenPerNodeRun: callsSeen,
	};
}

/** An empty account with `contacts` generated contacts, answering with the given latency. */
async function freshAccount(
	sandbox: SandboxProcess,
	contacts: number,
	latencyMs: number,
): Promise<void> {
	await sandbox.control('reset');
	await sandbox.control('seed-contacts', { n: contacts });
	await sandbox.setLatency(latencyMs);
}

// ---- (b) Return All over 50,000 contacts ------------------------------------------------------------

interface ReturnAllResult {
	contacts: number;
	latencyMs: number;
	items: number;
	getContactsCalls: number;
	expectedCalls: number;
	wallMs: number;
	bareLoopMs: number;
}

async function returnAll(sandbox: SandboxProcess, latencyMs: number): Promise<ReturnAllResult> {
	const contacts = 50_000;
	await freshAccount(sandbox, contacts, latencyMs);
	await sandbox.resetCounters();
	const run = await timed(() =>
		runLacrm(apiKeyCredentials(sandbox), {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
		}),
	);
	const getContactsCalls = (await sandbox.counters()).callsByFunction.GetContacts ?? 0;
	// The same pages fetched by a bare loop, for scale.
	const bare = await timed(async () => {
		for (let page = 1; ; page++) {
			const answer = await sandbox.call('GetContacts', {
				RecordTypeFilter: 'Contacts',
				MaxNumberOfResults: 10_000,
				Page: page,
			});
			if (answer.HasMoreResults !== true) break;
		}
	});
	return {
		contacts,
		latencyMs,
		items: run.value.output('LACRM')?.length ?? 0,
		getContactsCalls,
		expectedCalls: Math.ceil(contacts / 10_000),
		wallMs: round(run.ms, 1),
		bareLoopMs: round(bare.ms, 1),
	};
}

// ---- (c) 500 creates: default concurrency vs 1 ---------------------------------------------------------

interface CreateRun {
	concurrency: number;
	wallMs: number;
	msPerItem: number;
	createNoteCalls: number;
	peakRequestsPerSecond: number;
	peakConcurrent: number;
}

interface CreatesResult {
	items: number;
	latencyMs: number;
	function: 'CreateNote';
	defaultConcurrency: CreateRun;
	sequential: CreateRun;
	speedUp: number;
}

async function creates(sandbox: SandboxProcess, latencyMs: number): Promise<CreatesResult> {
	const count = 500;
	await sandbox.control('reset');
	await sandbox.control('seed-contacts', { n: 1 });
	const contactId = String(
		((await sandbox.call('GetContacts', {})).Results as Array<{ ContactId: string }>)[0].ContactId,
	);
	await sandbox.setLatency(latencyMs);
	const credentials = apiKeyCredentials(sandbox);
	const items = Array.from({ length: count }, (_, i) => ({
		contactId,
		text: `Benchmark note ${i + 1}`,
	}));
	const parameters = {
		resource: 'note',
		operation: 'create',
		contactId: byId('={{ $json.contactId }}'),
		note: '={{ $json.text }}',
	};
	const once = async (concurrency: number | undefined): Promise<CreateRun> => {
		await sandbox.resetCounters();
		const run = await timed(() =>
			runLacrm(
				credentials,
				{ ...parameters, options: concurrency === undefined ? {} : { concurrency } },
				items,
			),
		);
		if (run.value.output('LACRM')?.length !== count)
			throw new Error('(c) the node did not return one note per item');
		const counters = await sandbox.counters();
		return {
			concurrency: concurrency ?? DEFAULT_CONCURRENCY,
			wallMs: round(run.ms, 1),
			msPerItem: round(run.ms / count, 2),
			createNoteCalls: counters.callsByFunction.CreateNote ?? 0,
			peakRequestsPerSecond: counters.peakRequestsPerSecond,
			peakConcurrent: counters.peakConcurrent,
		};
	};
	await runLacrm(credentials, parameters, items.slice(0, 5)); // warm-up
	const defaultConcurrency = await once(undefined); // the node's default: options left empty
	const sequential = await once(1);
	return {
		items: count,
		latencyMs,
		function: 'CreateNote',
		defaultConcurrency,
		sequential,
		speedUp: round(sequential.wallMs / defaultConcurrency.wallMs, 2),
	};
}

// ---- (d) peak RSS listing 100,000 contacts -------------------------------------------------------------

interface MemoryResult {
	contacts: number;
	latencyMs: number;
	items: number;
	getContactsCalls: number;
	wallMs: number;
	baselineRssMiB: number;
	peakRssMiB: number;
	growthMiB: number;
	sampledPeakRssMiB: number;
	sampledPeakHeapUsedMiB: number;
	rssAfterMiB: number;
	bytesPerContact: number;
}

async function memory(sandbox: SandboxProcess, latencyMs: number): Promise<MemoryResult> {
	const contacts = 100_000;
	await freshAccount(sandbox, contacts, latencyMs);
	const child = fork(path.join(ROOT, 'bench', 'rss-child.ts'), [], {
		cwd: ROOT,
		execArgv: ['--import', 'tsx', '--expose-gc'],
		env: {
			...process.env,
			N8N_USER_FOLDER: '',
			BENCH_SANDBOX_API_URL: sandbox.apiUrl,
			BENCH_SANDBOX_API_KEY: sandbox.info.apiKey,
		},
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const result = await new Promise<RssChildResult>((resolve, reject) => {
		child.on('message', (message: { type: string }) => {
			if (message.type === 'ready') {
				sandbox.resetCounters().then(() => child.send({ type: 'go' }), reject);
			} else if (message.type === 'result') {
				resolve(message as RssChildResult);
			}
		});
		child.once('exit', (code) =>
			reject(new Error(`(d) child exited with ${code} before reporting`)),
		);
		child.once('error', reject);
	});
	await new Promise<void>((resolve) =>
		child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
	);
	const getContactsCalls = (await sandbox.counters()).callsByFunction.GetContacts ?? 0;
	return {
		contacts,
		latencyMs,
		items: result.items,
		getContactsCalls,
		wallMs: round(result.ms, 1),
		baselineRssMiB: mib(result.baselineRss),
		peakRssMiB: mib(result.peakRss),
		growthMiB: mib(result.peakRss - result.baselineRss),
		sampledPeakRssMiB: mib(result.sampledPeakRss),
		sampledPeakHeapUsedMiB: mib(result.sampledPeakHeapUsed),
		rssAfterMiB: mib(result.rssAfter),
		bytesPerContact: Math.round((result.peakRss - result.baselineRss) / contacts),
	};
}

// ---- (h) HTTPS ---------------------------------------------------------------------------------------

interface HttpsResult extends Omit<HttpsChildResult, 'type'> {
	latencyMs: number;
	ratioVsKeepAlive: number;
	ratioVsNewConnection: number;
}

async function httpsMode(latencyMs: number, calls: number): Promise<HttpsResult> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lacrm-bench-tls-'));
	try {
		const files = throwAwayCa(dir);
		const sandbox = await SandboxProcess.start([
			'--seed',
			'empty',
			'--tls-cert',
			files.cert,
			'--tls-key',
			files.key,
		]);
		// This process was started without the CA; its own set-up requests trust it explicitly.
		https.globalAgent.options.ca = fs.readFileSync(files.ca);
		try {
			await sandbox.control('seed-contacts', { n: 1 });
			const contactId = String(
				((await sandbox.call('GetContacts', {})).Results as Array<{ ContactId: string }>)[0]
					.ContactId,
			);
			const noteIds: string[] = [];
			for (let i = 0; i < calls; i++)
				noteIds.push(
					String(
						(await sandbox.call('CreateNote', { ContactId: contactId, Note: `TLS note ${i}` }))
							.NoteId,
					),
				);
			await sandbox.setLatency(latencyMs);
			const child = fork(path.join(ROOT, 'bench', 'https-child.ts'), [], {
				cwd: ROOT,
				execArgv: ['--import', 'tsx'],
				env: {
					...process.env,
					N8N_USER_FOLDER: '',
					NODE_EXTRA_CA_CERTS: files.ca,
					BENCH_SANDBOX_API_URL: sandbox.apiUrl,
					BENCH_SANDBOX_API_KEY: sandbox.info.apiKey,
					BENCH_NOTE_IDS: JSON.stringify(noteIds),
				},
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			});
			const result = await new Promise<HttpsChildResult>((resolve, reject) => {
				child.on('message', (message: HttpsChildResult) => resolve(message));
				child.once('exit', (code) =>
					reject(new Error(`(h) child exited with ${code} before reporting`)),
				);
				child.once('error', reject);
			});
			const { type: _type, ...figures } = result;
			return {
				...figures,
				latencyMs,
				ratioVsKeepAlive: round(result.nodeMsPerCall / result.bareKeepAliveMsPerCall, 3),
				ratioVsNewConnection: round(result.nodeMsPerCall / result.bareNewConnectionMsPerCall, 3),
			};
		} finally {
			await sandbox.stop();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

// ---- main -------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const started = Date.now();
	const randomSeed = 1;
	progress(`starting the sandbox (empty account, random seed ${randomSeed})`);
	const sandbox = await SandboxProcess.start([
		'--seed',
		'empty',
		'--random-seed',
		String(randomSeed),
	]);
	try {
		progress(`(h) HTTPS, ${options.calls} sequential GetNote calls, node vs bare loops`);
		const httpsFigures = await httpsMode(options.latencyMs, options.calls);
		await sandbox.control('seed-contacts', { n: Math.max(options.calls, 10) });
		const listed = (
			await sandbox.call('GetContacts', {
				MaxNumberOfResults: Math.max(options.calls, 10),
				SortBy: 'DateCreated',
				SortDirection: 'Ascending',
			})
		).Results as Array<{ ContactId: string }>;
		const notes: string[] = [];
		for (let i = 0; i < Math.max(options.calls, 10); i++) {
			const created = await sandbox.call('CreateNote', {
				ContactId: String(listed[0].ContactId),
				Note: `Benchmark note ${i + 1}`,
			});
			notes.push(String(created.NoteId));
		}
		const ids = notes;

		progress(
			`(a) ${options.calls} sequential GetNote calls, node vs bare loop, ${options.latencyMs} ms and 0 ms latency`,
		);
		const overheadAtLatency = await overhead(sandbox, ids, options.latencyMs, options);
		const overheadNoLatency =
			options.latencyMs === 0 ? overheadAtLatency : await overhead(sandbox, ids, 0, options);

		progress('(b) Return All over 50,000 contacts');
		const all50k = await returnAll(sandbox, options.latencyMs);
		progress('(g) the same with the HTTP Request node and its pagination');
		const httpListAll = await httpRequestListAll(sandbox, options.latencyMs);

		progress('(c) 500 CreateNote items, default concurrency vs 1');
		const creates500 = await creates(sandbox, options.latencyMs);

		progress('(d) peak RSS listing 100,000 contacts (forked child)');
		const memory100k = await memory(sandbox, options.latencyMs);

		const rated = await ratedCreates(
			sandbox,
			{ items: 1000, perSecond: 20, burst: 5, latencyMs: 100 },
			progress,
		);
		const gets500 = await manyGets(sandbox, { items: 500, latencyMs: options.latencyMs }, progress);

		const cpus = os.cpus();
		const environment = {
			node: process.version,
			platform: `${os.platform()} ${os.release()} ${os.arch()}`,
			cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
			memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
			n8nCore: N8N_CORE_VERSION,
			n8nWorkflow: N8N_WORKFLOW_VERSION,
			sandbox: {
				seed: 'empty',
				randomSeed,
				latencyMs: options.latencyMs,
				process: 'separate child process',
			},
		};
		const results = {
			generatedAt: new Date().toISOString(),
			command: `npx tsx bench/run.ts${process.argv.length > 2 ? ' ' + process.argv.slice(2).join(' ') : ''}`,
			environment,
			overhead: [
				overheadAtLatency,
				...(overheadNoLatency === overheadAtLatency ? [] : [overheadNoLatency]),
			],
			returnAll50k: all50k,
			creates500,
			memory100k,
			ratedCreates1000: rated,
			contactGet500: gets500,
			httpRequestListAll50k: httpListAll,
			https: httpsFigures,
			totalSeconds: round((Date.now() - started) / 1000, 1),
		};

		process.stdout.write(
			`\nLACRM node benchmark — ${environment.cpu}, Node ${environment.node}, n8n-core ${environment.n8nCore}; sandbox latency ${options.latencyMs} ms/call\n`,
		);
		table(
			`(a) Node overhead: ${overheadAtLatency.calls} sequential GetNote calls (concurrency 1), median of ${options.rounds} runs`,
			['latency', 'loop', 'ms/call', 'node ÷ loop', 'node − loop', 'new TCP connections'],
			results.overhead.flatMap((r) => [
				[
					`${r.latencyMs} ms`,
					'LACRM node in n8n-core',
					fmt(r.nodeMsPerCall, 3),
					'',
					'',
					r.tcpConnections.node,
				],
				[
					'',
					'bare node:http, keep-alive',
					fmt(r.bareMsPerCall, 3),
					`${fmt(r.ratio, 3)}×`,
					`${fmt(r.overheadMsPerCall, 3)} ms`,
					r.tcpConnections.bare,
				],
				[
					'',
					'bare node:http, new connection per call',
					fmt(r.bareNewConnectionMsPerCall, 3),
					`${fmt(r.ratioVsNewConnection, 3)}×`,
					`${fmt(r.overheadVsNewConnectionMsPerCall, 3)} ms`,
					r.tcpConnections.bareNewConnection,
				],
			]),
			2,
		);
		note(
			'node = Start → LACRM (Note → Get, NoteId from an expression) through n8n-core WorkflowExecute, one item per call',
		);
		table(
			'(b) Return All, 50,000 contacts',
			['', 'value'],
			[
				[
					'GetContacts calls (sandbox count)',
					`${all50k.getContactsCalls} (expected ${all50k.expectedCalls})`,
				],
				['items out', int(all50k.items)],
				['wall time, node', `${int(all50k.wallMs)} ms`],
				['wall time, bare loop over the same pages', `${int(all50k.bareLoopMs)} ms`],
			],
		);
		table(
			'(c) 500 × Note → Create',
			['concurrency', 'wall time', 'ms/item', 'CreateNote calls', 'peak req/s', 'peak in flight'],
			[creates500.defaultConcurrency, creates500.sequential].map((r, i) => [
				i === 0 ? `${r.concurrency} (default)` : String(r.concurrency),
				`${int(r.wallMs)} ms`,
				fmt(r.msPerItem),
				r.createNoteCalls,
				r.peakRequestsPerSecond,
				r.peakConcurrent,
			]),
		);
		note(`speed-up of the default over 1: ${fmt(creates500.speedUp)}×`);
		table(
			'(d) Memory: Return All over 100,000 contacts, in a forked process',
			['', 'value'],
			[
				['GetContacts calls', memory100k.getContactsCalls],
				['items out', int(memory100k.items)],
				['wall time', `${int(memory100k.wallMs)} ms`],
				['RSS before listing (baseline)', `${fmt(memory100k.baselineRssMiB, 1)} MiB`],
				['peak RSS (maxRSS)', `${fmt(memory100k.peakRssMiB, 1)} MiB`],
				[
					'growth over baseline',
					`${fmt(memory100k.growthMiB, 1)} MiB (~${int(memory100k.bytesPerContact)} bytes/contact)`,
				],
				['peak heap used (2 ms samples)', `${fmt(memory100k.sampledPeakHeapUsedMiB, 1)} MiB`],
			],
		);

		table(
			`(e) ${int(rated.items)} × Note → Create under a ${rated.bucket.perSecond} req/s token bucket (bursts of ${rated.bucket.burst}), ${rated.latencyMs} ms latency`,
			[
				'run',
				'failed items',
				'creates done',
				'429 answers',
				'wall time',
				'creates/s',
				'share of limit',
				'÷ one at a time',
			],
			rated.runs.map((run) => [
				run.label,
				run.failedItems,
				run.createNoteSucceeded,
				run.rateLimitedAnswers,
				`${fmt(run.wallMs / 1000, 1)} s`,
				fmt(run.achievedPerSecond, 1),
				`${fmt(run.shareOfLimit * 100, 1)}%`,
				`${fmt(run.vsOneAtATime ?? 0, 2)}×`,
			]),
		);
		note(
			`creates/s = creates the sandbox answered 2xx ÷ wall time. HTTP Request node: ${rated.httpRequestNode}, POST {Function, Parameters} with a header-auth credential, On Error: continue.`,
		);
		table(
			`(f) ${gets500.items} × Contact → Get, ${gets500.latencyMs} ms latency`,
			['run', 'LACRM calls', 'wall time', 'items out', 'failed'],
			gets500.runs.map((run) => [
				run.label,
				run.calls,
				`${int(run.wallMs)} ms`,
				run.items,
				run.failedItems,
			]),
		);
		const nodeGet = gets500.runs[0];
		for (const run of gets500.runs.slice(1))
			note(`${run.label}: ${fmt(run.wallMs / nodeGet.wallMs, 2)}× the node's wall time`);
		if ('missing' in httpListAll) note(`(g) not run: ${httpListAll.missing}`);
		else
			table(
				'(g) Return All over 50,000 contacts, HTTP Request node with its pagination (Page in the query)',
				['', 'value'],
				[
					['LACRM calls (sandbox count)', httpListAll.calls],
					['output items (one per page)', httpListAll.outputItems],
					['contacts received', int(httpListAll.contactsReceived)],
					[
						'wall time',
						`${int(httpListAll.wallMs)} ms (node: ${int(all50k.wallMs)} ms, ${fmt(httpListAll.wallMs / all50k.wallMs, 2)}×)`,
					],
					...(httpListAll.note ? [['error', httpListAll.note]] : []),
				],
			);

		table(
			`(h) HTTPS (throw-away CA via NODE_EXTRA_CA_CERTS), ${httpsFigures.calls} sequential GetNote calls, ${httpsFigures.latencyMs} ms latency`,
			['loop', 'ms/call', 'node ÷ loop', 'new TCP connections'],
			[
				[
					'LACRM node in n8n-core',
					fmt(httpsFigures.nodeMsPerCall),
					'',
					httpsFigures.connections.node,
				],
				[
					'bare https, keep-alive',
					fmt(httpsFigures.bareKeepAliveMsPerCall),
					`${fmt(httpsFigures.ratioVsKeepAlive, 2)}×`,
					httpsFigures.connections.bareKeepAlive,
				],
				[
					'bare https, new connection per call',
					fmt(httpsFigures.bareNewConnectionMsPerCall),
					`${fmt(httpsFigures.ratioVsNewConnection, 2)}×`,
					httpsFigures.connections.bareNewConnection,
				],
			],
		);

		fs.mkdirSync(path.dirname(options.out), { recursive: true });
		fs.writeFileSync(options.out, `${JSON.stringify(results, null, '\t')}\n`);
		process.stdout.write(
			`\nWrote ${path.relative(process.cwd(), options.out) || options.out} (${results.totalSeconds} s in total)\n`,
		);
	} finally {
		await sandbox.stop();
		shutdownEngine();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`[bench] failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});
