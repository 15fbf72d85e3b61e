/**
 * Shared pieces of the benchmark: the sandbox in a child process (so its timers and JSON work do
 * not share the event loop with the code being measured), plain HTTP, and the LACRM node run
 * through n8n-core's real WorkflowExecute (the test harness).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SandboxCounters } from '../sandbox';
import { HarnessCredentialsHelper } from '../test/harness/credentials-helper';
import { LACRM_NODE_NAME, lacrmWorkflow } from '../test/harness/lacrm-node';
import { HarnessNodeTypes } from '../test/harness/node-types';
import { runWorkflow, type WorkflowRunResult } from '../test/harness/runner';

export const ROOT = path.resolve(__dirname, '..');

// ---- plain HTTP (node:http, Node's default keep-alive agent) ------------------------------------

export interface HttpAnswer {
	status: number;
	text: string;
}

export function post(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
	agent?: http.Agent,
): Promise<HttpAnswer> {
	const payload = typeof body === 'string' ? body : JSON.stringify(body ?? {});
	return new Promise((resolve, reject) => {
		const req = (url.startsWith('https:') ? https : http).request(
			url,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(payload),
					...headers,
				},
				...(agent ? { agent } : {}),
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

export function get(url: string): Promise<HttpAnswer> {
	return new Promise((resolve, reject) => {
		(url.startsWith('https:') ? https : http)
			.get(url, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', reject);
			})
			.on('error', reject);
	});
}

// ---- the sandbox, as a child process --------------------------------------------------------------

export interface SandboxInfo {
	url: string;
	clientId: string;
	clientSecret: string;
	redirectUrl: string;
	apiKey: string;
}

export class SandboxProcess {
	private constructor(
		readonly info: SandboxInfo,
		private readonly child: ChildProcess,
	) {}

	get url(): string {
		return this.info.url;
	}

	get apiUrl(): string {
		return `${this.info.url}/v2/`;
	}

	get apiKey(): string {
		return this.info.apiKey;
	}

	/** `npx tsx sandbox/cli.ts --port 0 …` — reads the one JSON line it prints. */
	static async start(
		args: string[],
		env: NodeJS.ProcessEnv = process.env,
	): Promise<SandboxProcess> {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', path.join(ROOT, 'sandbox', 'cli.ts'), '--port', '0', '--quiet', ...args],
			{
				cwd: ROOT,
				env,
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		const info = await new Promise<SandboxInfo>((resolve, reject) => {
			const lines = createInterface({ input: child.stdout! });
			lines.on('line', (line) => {
				if (line.startsWith('{')) resolve(JSON.parse(line) as SandboxInfo);
			});
			child.once('exit', (code) =>
				reject(new Error(`sandbox exited (${code}) before printing its URL`)),
			);
			child.once('error', reject);
		});
		return new SandboxProcess(info, child);
	}

	async control(route: string, body?: unknown): Promise<unknown> {
		const answer =
			body === undefined && route === 'state'
				? await get(`${this.url}/_sandbox/state`)
				: await post(`${this.url}/_sandbox/${route}`, body ?? {});
		if (answer.status !== 200)
			throw new Error(`/_sandbox/${route}: HTTP ${answer.status} ${answer.text}`);
		return JSON.parse(answer.text);
	}

	async counters(): Promise<SandboxCounters> {
		return ((await this.control('state')) as { counters: SandboxCounters }).counters;
	}

	async resetCounters(): Promise<void> {
		await this.control('reset-counters');
	}

	async setLatency(ms: number): Promise<void> {
		await this.control('faults', ms > 0 ? { latencyMs: ms } : {});
	}

	/** Calls LACRM's API directly (no n8n): what a bare script would do. */
	async call(fn: string, parameters: IDataObject = {}, agent?: http.Agent): Promise<IDataObject> {
		const answer = await post(
			this.apiUrl,
			{ Function: fn, Parameters: parameters },
			{ Authorization: this.info.apiKey },
			agent,
		);
		if (answer.status !== 200) throw new Error(`${fn}: HTTP ${answer.status} ${answer.text}`);
		return JSON.parse(answer.text) as IDataObject;
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill('SIGTERM');
		await exited;
	}
}

// ---- the LACRM node in n8n-core's engine ----------------------------------------------------------

export const NODE_NAME = LACRM_NODE_NAME;

/**
 * The node as it ships: the compiled dist/ that n8n loads (`npm run bench` builds first). Loaded by
 * path, also because under tsx `…/Lacrm.node` would resolve to the codex file Lacrm.node.json.
 */
function loadBuiltNode(): typeof import('../nodes/Lacrm/Lacrm.node') {
	const file = path.join(ROOT, 'dist', 'nodes', 'Lacrm', 'Lacrm.node.js');
	if (!fs.existsSync(file))
		throw new Error(
			`${path.relative(ROOT, file)} is missing: run \`npm run build\` first (npm run bench does).`,
		);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as typeof import('../nodes/Lacrm/Lacrm.node');
}

const nodeTypes = new HarnessNodeTypes({ 'n8n-nodes-lacrm.lacrm': new (loadBuiltNode().Lacrm)() });

export function apiKeyCredentials(sandbox: {
	apiKey: string;
	apiUrl: string;
}): HarnessCredentialsHelper {
	return new HarnessCredentialsHelper().add({
		id: 'bench-api',
		name: 'LACRM sandbox (API key)',
		type: 'lacrmApi',
		data: { apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl },
	});
}

/** Start → LACRM, started with `items` (what a trigger would have emitted), in 'trigger' mode. */
export async function runLacrm(
	credentials: HarnessCredentialsHelper,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean } = {},
): Promise<WorkflowRunResult> {
	const workflow = lacrmWorkflow({
		resource: String(parameters.resource),
		operation: String(parameters.operation),
		parameters: parameters as INodeParameters,
		credentials: { lacrmApi: { id: 'bench-api', name: 'LACRM sandbox (API key)' } },
		continueOnFail: options.continueOnFail,
	});
	const result = await runWorkflow(workflow, {
		nodeTypes,
		credentials,
		startData: { nodeName: 'Start', items },
	});
	const error = result.error ?? result.nodeError(NODE_NAME);
	if (error) throw new Error(`LACRM node failed: ${error.message}`);
	return result;
}

/** Resource locator "By ID", as the editor stores it. */
export function byId(value: string): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value };
}

// ---- TCP connections -----------------------------------------------------------------------------

/** Runs `fn` and counts the TCP connections this process opened meanwhile (net.Socket#connect). */
export async function countingConnections<T>(
	fn: () => Promise<T>,
): Promise<{ connections: number; value: T }> {
	const proto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown };
	const original = proto.connect;
	let connections = 0;
	proto.connect = function (this: unknown, ...args: unknown[]) {
		connections++;
		return original.apply(this, args);
	};
	try {
		const value = await fn();
		return { connections, value };
	} finally {
		proto.connect = original;
	}
}

/** A node:http agent without keep-alive: a new TCP connection per request. */
export const noKeepAlive = new http.Agent({ keepAlive: false });

/** The same for HTTPS: a new TCP connection and TLS handshake per request. */
export const noKeepAliveTls = new https.Agent({ keepAlive: false });

// ---- small utilities ------------------------------------------------------------------------------

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = process.hrtime.bigint();
	const value = await fn();
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const mib = (bytes: number): number => round(bytes / (1024 * 1024), 1);
