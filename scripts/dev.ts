/**
 * `npm run dev` — a real n8n with this package loaded and the local LACRM sandbox connected:
 *
 *   1. build the package (npm run build)
 *   2. start the sandbox (sandbox/cli.ts) on a fixed port (8765)
 *   3. install n8n into .dev/n8n if needed: 1.123.x on Node 20/22, 2.41.x on Node >= 24
 *   4. copy the build to <user folder>/.n8n/nodes/node_modules/n8n-nodes-lacrm (where n8n loads
 *      community packages) and start n8n with .dev/n8n-user as its user folder
 *   5. headlessly: owner account, "LACRM sandbox (API key)" and "LACRM sandbox (OAuth2)"
 *      credentials, the OAuth2 one connected through the sandbox's real OAuth flow, and the
 *      workflows from examples/*.json
 *   6. print what was set up and stay up until Ctrl-C, then stop n8n and the sandbox
 *
 *   npx tsx scripts/dev.ts [--port 5678] [--sandbox-port 8765] [--n8n-version x.y.z] [--skip-build]
 *                          [--reinstall] [--verbose] [--check] [--exit]
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

import { runChecks } from './dev-check';
import {
	childEnv,
	defaultN8nVersion,
	DEV_DIR,
	type DevState,
	installedN8nVersion,
	installN8n,
	log,
	N8N_DIR,
	N8nApiError,
	N8nClient,
	nodeMajor,
	npmCommand,
	OWNER_FILE,
	placePackage,
	portIsFree,
	ROOT,
	run,
	seconds,
	type Service,
	sleep,
	startService,
	STATE_FILE,
	stopService,
	USER_FOLDER,
	USER_FOLDER_MARKER,
} from './dev-lib';

const USAGE = `Usage: npm run dev -- [options]
  --port <n>             n8n port (default 5678)
  --sandbox-port <n>     LACRM sandbox port (default 8765)
  --n8n-version <x.y.z>  n8n to install (default: 1.123.81 on Node < 24, 2.41.1 on Node >= 24)
  --skip-build           use dist/ as it is
  --reinstall            reinstall n8n into .dev/n8n
  --verbose              show n8n's and the sandbox's logs here (always in .dev/*.log)
  --check                after setting up, run the checks of scripts/dev-check.ts
  --exit                 stop after setting up (and checking) instead of staying up
Reset everything n8n stored (owner, credentials, workflows, executions): delete .dev/n8n-user.
LACRM_DEV_DIR=<dir> uses another folder than .dev (e.g. one per n8n major: a 2.x database cannot go back to 1.x).`;

interface Options {
	port: number;
	sandboxPort: number;
	n8nVersion: string;
	skipBuild: boolean;
	reinstall: boolean;
	verbose: boolean;
	check: boolean;
	exit: boolean;
}

function parseOptions(argv: string[]): Options {
	const options: Options = {
		port: 5678,
		sandboxPort: 8765,
		n8nVersion: defaultN8nVersion(),
		skipBuild: false,
		reinstall: false,
		verbose: false,
		check: false,
		exit: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) fail(`${flag} needs a value`);
			return v;
		};
		const port = () => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`${flag}: not a port`);
			return n;
		};
		switch (flag) {
			case '--port':
				options.port = port();
				break;
			case '--sandbox-port':
				options.sandboxPort = port();
				break;
			case '--n8n-version':
				options.n8nVersion = value();
				break;
			case '--skip-build':
				options.skipBuild = true;
				break;
			case '--reinstall':
				options.reinstall = true;
				break;
			case '--verbose':
				options.verbose = true;
				break;
			case '--check':
				options.check = true;
				break;
			case '--exit':
				options.exit = true;
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				fail(`Unknown option ${argv[i]}`);
		}
	}
	return options;
}

const rel = (file: string): string => path.relative(ROOT, file) || '.';

function fail(message: string): never {
	process.stderr.write(`${message}\n\n${USAGE}\n`);
	process.exit(2);
}

// ---- services ---------------------------------------------------------------------------------------

interface SandboxLine {
	url: string;
	clientId: string;
	clientSecret: string;
	redirectUrl: string;
	apiKey: string;
}

async function startSandbox(
	options: Options,
	n8nUrl: string,
): Promise<{ service: Service; info: SandboxLine }> {
	const service = startService(
		'sandbox',
		process.execPath,
		[
			'--import',
			'tsx',
			path.join(ROOT, 'sandbox', 'cli.ts'),
			'--port',
			String(options.sandboxPort),
			// n8n's OAuth callback for this instance; the sandbox only redirects to the registered URL.
			'--redirect-url',
			`${n8nUrl}/rest/oauth2-credential/callback`,
		],
		{
			cwd: ROOT,
			env: process.env,
			logFile: path.join(DEV_DIR, 'sandbox.log'),
			echo: options.verbose,
			stdout: 'pipe',
		},
	);
	const info = await new Promise<SandboxLine>((resolve, reject) => {
		createInterface({ input: service.child.stdout! }).on('line', (line) => {
			if (line.startsWith('{')) resolve(JSON.parse(line) as SandboxLine);
		});
		void service.exited.then((code) =>
			reject(
				new Error(`the sandbox exited (${code}); see ${rel(path.join(DEV_DIR, 'sandbox.log'))}`),
			),
		);
	});
	return { service, info };
}

function n8nEnvironment(options: Options, n8nUrl: string, sandbox: SandboxLine): NodeJS.ProcessEnv {
	const major = Number(options.n8nVersion.split('.')[0]);
	return childEnv({
		N8N_USER_FOLDER: USER_FOLDER,
		N8N_PORT: String(options.port),
		N8N_HOST: 'localhost',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: n8nUrl,
		// n8n 2.x renamed WEBHOOK_URL (still read, with a deprecation notice).
		...(major >= 2 ? { N8N_WEBHOOK_URL: `${n8nUrl}/` } : { WEBHOOK_URL: `${n8nUrl}/` }),
		// isolated-vm (the default expression engine's sandbox in recent n8n) is not built: install scripts are ignored.
		N8N_EXPRESSION_ENGINE: 'legacy',
		// The hidden OAuth URLs of the LACRM credential point at LACRM; redirect them to the sandbox.
		CREDENTIALS_OVERWRITE_DATA: JSON.stringify({
			lacrmOAuth2Api: {
				authUrl: `${sandbox.url}/oauth/authorize.php`,
				accessTokenUrl: `${sandbox.url}/oauth/token.php`,
			},
		}),
		// Older n8n 1.x needs this before a community node can be used as an AI tool.
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// 1.x: task runners for the Code node (always on in 2.x, where the variable is deprecated).
		...(major < 2 ? { N8N_RUNNERS_ENABLED: process.env.N8N_RUNNERS_ENABLED ?? 'true' } : {}),
		N8N_SECURE_COOKIE: 'false',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		DB_SQLITE_POOL_SIZE: process.env.DB_SQLITE_POOL_SIZE ?? '2',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		// As in n8n's Docker image.
		NODE_ENV: 'production',
	});
}

async function waitForN8n(client: N8nClient, n8n: Service, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: number | null | undefined;
	void n8n.exited.then((code) => (exited = code));
	for (;;) {
		if (exited !== undefined)
			throw new Error(
				`n8n exited (${exited}) while starting; see ${rel(path.join(DEV_DIR, 'n8n.log'))}`,
			);
		try {
			const res = await client.raw('GET', '/healthz/readiness');
			if (res.ok) {
				const settings = await client.raw('GET', '/rest/settings');
				if (settings.ok) return;
			}
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline)
			throw new Error(
				`n8n did not become ready within ${timeoutMs / 1000} s; see ${rel(path.join(DEV_DIR, 'n8n.log'))}`,
			);
		await sleep(500);
	}
}

// ---- headless setup ---------------------------------------------------------------------------------

async function ensureOwner(
	client: N8nClient,
): Promise<{ email: string; password: string; created: boolean }> {
	const settings = await client.request<{ userManagement: { showSetupOnFirstLoad?: boolean } }>(
		'GET',
		'/rest/settings',
	);
	if (settings.userManagement.showSetupOnFirstLoad) {
		const owner = {
			email: 'dev@lacrm-sandbox.local',
			password: `Lacrm-${randomBytes(6).toString('hex')}-A1`,
		};
		await client.request('POST', '/rest/owner/setup', {
			...owner,
			firstName: 'LACRM',
			lastName: 'Developer',
		});
		fs.writeFileSync(OWNER_FILE, `${JSON.stringify(owner, null, 2)}\n`, { mode: 0o600 });
		return { ...owner, created: true };
	}
	if (!fs.existsSync(OWNER_FILE)) {
		throw new Error(
			`n8n in ${path.relative(ROOT, USER_FOLDER)} already has an owner that this script did not create. Delete ${path.relative(ROOT, USER_FOLDER)} to start over.`,
		);
	}
	const owner = JSON.parse(fs.readFileSync(OWNER_FILE, 'utf8')) as {
		email: string;
		password: string;
	};
	await client.login(owner);
	return { ...owner, created: false };
}

interface CredentialSummary {
	id: string;
	name: string;
	type: string;
}

async function upsertCredential(
	client: N8nClient,
	name: string,
	type: string,
	data: Record<string, unknown>,
): Promise<{ id: string; created: boolean }> {
	const existing = (await client.request<CredentialSummary[]>('GET', '/rest/credentials')).find(
		(credential) => credential.name === name && credential.type === type,
	);
	if (existing) {
		await client.request('PATCH', `/rest/credentials/${existing.id}`, { name, type, data });
		return { id: existing.id, created: false };
	}
	const created = await client.request<CredentialSummary>('POST', '/rest/credentials', {
		name,
		type,
		data,
	});
	return { id: created.id, created: true };
}

async function sandboxCounters(sandboxUrl: string): Promise<{ tokenGrants: number }> {
	const res = await fetch(`${sandboxUrl}/_sandbox/state`);
	return ((await res.json()) as { counters: { tokenGrants: number } }).counters;
}

/**
 * The OAuth2 dance without a browser: n8n's authorize URL → the sandbox's authorize.php, which
 * consents automatically and redirects to n8n's callback with code and state → n8n exchanges the
 * code at the sandbox's token.php and stores the token.
 */
async function connectOAuth2(
	client: N8nClient,
	credentialId: string,
	sandbox: SandboxLine,
	n8nUrl: string,
): Promise<string> {
	const authorizeUrl = await client.request<string>(
		'GET',
		`/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`,
	);
	if (!authorizeUrl.startsWith(`${sandbox.url}/oauth/authorize.php`)) {
		throw new Error(
			`n8n's authorize URL does not point at the sandbox (CREDENTIALS_OVERWRITE_DATA not applied?): ${authorizeUrl}`,
		);
	}
	const consent = await fetch(authorizeUrl, { redirect: 'manual' });
	const callback = consent.headers.get('location');
	if (consent.status !== 302 || !callback)
		throw new Error(`the sandbox's authorize.php answered ${consent.status} without a redirect`);
	if (!callback.startsWith(`${n8nUrl}/rest/oauth2-credential/callback`)) {
		throw new Error(`the sandbox redirected to ${callback}, not to n8n's callback`);
	}
	const grantsBefore = (await sandboxCounters(sandbox.url)).tokenGrants;
	const res = await client.raw('GET', callback);
	const html = await res.text();
	const grantsAfter = (await sandboxCounters(sandbox.url)).tokenGrants;
	if (!res.ok || grantsAfter <= grantsBefore) {
		const message =
			/<p[^>]*>([^<]*error[^<]*)<\/p>/i.exec(html)?.[1] ??
			html
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.slice(0, 300);
		throw new Error(`n8n's OAuth callback failed (HTTP ${res.status}): ${message}`);
	}
	return authorizeUrl;
}

interface WorkflowSummary {
	id: string;
	name: string;
}

/** examples/*.json → n8n, LACRM credentials re-pointed at the sandbox ones; existing names are left alone. */
async function importExamples(
	client: N8nClient,
	credentials: {
		lacrmApi: { id: string; name: string };
		lacrmOAuth2Api: { id: string; name: string };
	},
): Promise<{ imported: DevState['workflows']; skipped: string[] }> {
	const dir = path.join(ROOT, 'examples');
	const imported: DevState['workflows'] = [];
	const skipped: string[] = [];
	if (!fs.existsSync(dir)) return { imported, skipped };
	const existing = await client.request<WorkflowSummary[]>('GET', '/rest/workflows');
	for (const file of fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()) {
		const relative = path.join('examples', file);
		let definition: {
			name?: string;
			nodes?: Array<
				{ credentials?: Record<string, { id?: string; name: string }> } & Record<string, unknown>
			>;
			connections?: unknown;
			settings?: unknown;
			pinData?: unknown;
		};
		try {
			definition = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		} catch (error) {
			skipped.push(`${relative} (not JSON: ${(error as Error).message})`);
			continue;
		}
		if (!Array.isArray(definition.nodes) || typeof definition.connections !== 'object') {
			skipped.push(`${relative} (not a workflow export)`);
			continue;
		}
		const name = definition.name ?? path.basename(file, '.json');
		const already = existing.find((workflow) => workflow.name === name);
		if (already) {
			imported.push({ id: already.id, name, file: relative, existing: true });
			continue;
		}
		const nodes = definition.nodes.map((node) => {
			if (!node.credentials) return node;
			const mapped: Record<string, { id?: string; name: string }> = {};
			for (const [type, reference] of Object.entries(node.credentials)) {
				mapped[type] =
					type in credentials ? credentials[type as keyof typeof credentials] : reference;
			}
			return { ...node, credentials: mapped };
		});
		try {
			const created = await client.request<WorkflowSummary>('POST', '/rest/workflows', {
				name,
				nodes,
				connections: definition.connections,
				settings: definition.settings ?? { executionOrder: 'v1' },
				...(definition.pinData ? { pinData: definition.pinData } : {}),
				active: false,
			});
			imported.push({ id: created.id, name, file: relative });
		} catch (error) {
			skipped.push(
				`${relative} (${error instanceof N8nApiError ? `HTTP ${error.status}` : (error as Error).message})`,
			);
		}
	}
	return { imported, skipped };
}

function describeExamples(workflows: DevState['workflows']): string {
	if (!fs.existsSync(path.join(ROOT, 'examples'))) return 'none (no examples/ folder)';
	if (workflows.length === 0) return 'none imported';
	const created = workflows.filter((w) => !w.existing);
	const kept = workflows.filter((w) => w.existing);
	return [
		created.length ? `imported ${created.map((w) => `"${w.name}"`).join(', ')}` : '',
		kept.length
			? `already in n8n (left as they are): ${kept.map((w) => `"${w.name}"`).join(', ')}`
			: '',
	]
		.filter(Boolean)
		.join('; ');
}

// ---- main -------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const started = Date.now();
	const timings: Record<string, string> = {};
	const n8nUrl = `http://localhost:${options.port}`;
	fs.mkdirSync(DEV_DIR, { recursive: true });

	const major = Number(options.n8nVersion.split('.')[0]);
	if (major >= 2 && nodeMajor() < 24 && Number(options.n8nVersion.split('.')[1]) >= 36) {
		fail(
			`n8n ${options.n8nVersion} needs Node 24 (this is ${process.version}); use Node 24 or --n8n-version 1.123.81`,
		);
	}
	log(
		`Node ${process.version} → n8n ${options.n8nVersion}${nodeMajor() >= 24 ? ' (n8n 2.x: Node 24 or newer)' : ' (n8n 1.123.x: the line that runs on Node 20)'}`,
	);

	for (const [what, port] of [
		['n8n', options.port],
		['sandbox', options.sandboxPort],
	] as const) {
		if (!(await portIsFree(port)))
			fail(
				`port ${port} (${what}) is in use; pick another with --${what === 'n8n' ? 'port' : 'sandbox-port'}`,
			);
	}

	if (fs.existsSync(USER_FOLDER_MARKER)) {
		const previous = fs.readFileSync(USER_FOLDER_MARKER, 'utf8').trim();
		if (Number(previous.split('.')[0]) > major) {
			fail(
				`${path.relative(ROOT, USER_FOLDER)} was last opened by n8n ${previous}, whose database n8n ${options.n8nVersion} cannot read. Delete ${path.relative(ROOT, USER_FOLDER)} (owner, credentials, workflows, executions) or set LACRM_DEV_DIR to keep a separate set.`,
			);
		}
	}

	if (!options.skipBuild) {
		const t = Date.now();
		log('building the package (npm run build)');
		await run(npmCommand(), ['run', 'build'], {
			cwd: ROOT,
			logFile: path.join(DEV_DIR, 'build.log'),
			env: childEnv(),
		});
		timings.build = seconds(t);
	}

	const installed = installedN8nVersion();
	if (options.reinstall || installed !== options.n8nVersion) {
		const t = Date.now();
		if (installed)
			log(`${rel(N8N_DIR)} has n8n ${installed}; replacing it with ${options.n8nVersion}`);
		if (options.reinstall || installed)
			fs.rmSync(path.join(N8N_DIR, 'node_modules'), { recursive: true, force: true });
		await installN8n(options.n8nVersion);
		timings.install = seconds(t);
	} else {
		log(`n8n ${installed} is installed in ${path.relative(ROOT, N8N_DIR)}`);
	}

	const placed = placePackage();
	log(
		`package copied to ${path.relative(ROOT, placed.dir)} (n8n-workflow → the running n8n's copy)`,
	);

	const services: Service[] = [];
	let stopping: Promise<void> | undefined;
	const stopAll = (reason: string): Promise<void> => {
		stopping ??= (async () => {
			log(`${reason}: stopping n8n and the sandbox`);
			const t = Date.now();
			for (const service of [...services].reverse())
				await stopService(service, service.name === 'n8n' ? 30_000 : 5_000);
			log(`stopped in ${seconds(t)}`);
		})();
		return stopping;
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			void stopAll(signal).then(() => process.exit(0));
		});
	}
	// Last resort if this process dies some other way: no orphaned n8n or sandbox.
	process.on('exit', () => {
		for (const service of services) {
			try {
				if (service.child.exitCode === null && service.child.pid)
					process.kill(-service.child.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	});

	try {
		let t = Date.now();
		const sandbox = await startSandbox(options, n8nUrl);
		services.push(sandbox.service);
		log(`sandbox up at ${sandbox.info.url} (log: ${rel(path.join(DEV_DIR, 'sandbox.log'))})`);

		t = Date.now();
		const n8n = startService(
			'n8n',
			process.execPath,
			[path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n'), 'start'],
			{
				cwd: N8N_DIR,
				env: n8nEnvironment(options, n8nUrl, sandbox.info),
				logFile: path.join(DEV_DIR, 'n8n.log'),
				echo: options.verbose,
			},
		);
		services.push(n8n);
		log(
			`starting n8n ${options.n8nVersion} (user folder ${path.relative(ROOT, USER_FOLDER)}, log: ${rel(path.join(DEV_DIR, 'n8n.log'))})`,
		);
		const client = new N8nClient(n8nUrl);
		await waitForN8n(client, n8n, 240_000);
		timings.n8nStart = seconds(t);
		fs.writeFileSync(USER_FOLDER_MARKER, `${options.n8nVersion}\n`);
		log(`n8n ready after ${timings.n8nStart}`);

		const owner = await ensureOwner(client);
		const apiKeyName = 'LACRM sandbox (API key)';
		const oauthName = 'LACRM sandbox (OAuth2)';
		const apiKey = await upsertCredential(client, apiKeyName, 'lacrmApi', {
			apiKey: sandbox.info.apiKey,
			baseUrl: `${sandbox.info.url}/v2/`,
		});
		// authUrl/accessTokenUrl are left out on purpose: CREDENTIALS_OVERWRITE_DATA fills empty fields only.
		const oauth = await upsertCredential(client, oauthName, 'lacrmOAuth2Api', {
			clientId: sandbox.info.clientId,
			clientSecret: sandbox.info.clientSecret,
			baseUrl: `${sandbox.info.url}/v2/`,
		});
		let oauthConnected = false;
		let oauthNote = '';
		try {
			await connectOAuth2(client, oauth.id, sandbox.info, n8nUrl);
			oauthConnected = true;
		} catch (error) {
			oauthNote = (error as Error).message;
		}
		const examples = await importExamples(client, {
			lacrmApi: { id: apiKey.id, name: apiKeyName },
			lacrmOAuth2Api: { id: oauth.id, name: oauthName },
		});

		const state: DevState = {
			n8nUrl,
			n8nVersion: options.n8nVersion,
			owner: { email: owner.email, password: owner.password },
			sandbox: { ...sandbox.info, apiUrl: `${sandbox.info.url}/v2/` },
			credentials: {
				apiKey: { id: apiKey.id, name: apiKeyName },
				oauth2: { id: oauth.id, name: oauthName, connected: oauthConnected },
			},
			workflows: examples.imported,
			startedAt: new Date().toISOString(),
			pid: process.pid,
		};
		fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
		timings.total = seconds(started);

		const lines = [
			'',
			`  n8n ${options.n8nVersion} with n8n-nodes-lacrm:  ${n8nUrl}`,
			`  owner login:      ${owner.email}  /  ${owner.password}${owner.created ? '   (new)' : ''}`,
			`  LACRM sandbox:    ${sandbox.info.url}   (controls: ${sandbox.info.url}/_sandbox/state)`,
			`  credentials:      "${apiKeyName}" (${apiKey.created ? 'created' : 'updated'}, id ${apiKey.id})`,
			`                    "${oauthName}" (${oauth.created ? 'created' : 'updated'}, id ${oauth.id}): ${oauthConnected ? 'connected through the sandbox OAuth flow' : `NOT connected — ${oauthNote}`}`,
			`  example workflows: ${describeExamples(examples.imported)}`,
			...(examples.skipped.length ? [`  skipped:          ${examples.skipped.join('; ')}`] : []),
			`  logs:             ${rel(path.join(DEV_DIR, 'n8n.log'))}, ${rel(path.join(DEV_DIR, 'sandbox.log'))}; state: ${rel(STATE_FILE)}`,
			`  timings:          ${Object.entries(timings)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}`,
			'',
		];
		process.stdout.write(`${lines.join('\n')}\n`);

		let checkFailed = false;
		if (options.check) {
			const report = await runChecks(state, client);
			checkFailed = !report.ok;
		}
		if (options.exit) {
			await stopAll('--exit');
			process.exit(checkFailed ? 1 : 0);
		}
		log('up; Ctrl-C stops n8n and the sandbox');
		const first = await Promise.race(
			services.map(async (service) => ({ service, code: await service.exited })),
		);
		if (!stopping) {
			await stopAll(`${first.service.name} exited (${first.code})`);
			process.exit(1);
		}
	} catch (error) {
		process.stderr.write(`[dev] ${(error as Error).message}\n`);
		await stopAll('setup failed');
		process.exit(1);
	}
}

void main();
