import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { httpRequest } from '../core/http';
import { basicAuth, postToken } from './helpers';

/** `npm run sandbox` (tsx sandbox/cli.ts): one JSON line on stdout, then serve until SIGTERM/SIGINT. */

const ROOT = path.resolve(__dirname, '..', '..');

interface Running {
	child: ChildProcessWithoutNullStreams;
	firstLine: string;
	stdout: () => string;
	exit: Promise<number | null>;
}

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/**
 * `via: 'npx'` runs `npx tsx sandbox/cli.ts` in its own process group, so the test can stop it
 * the way Ctrl+C does (a signal to the whole group).
 * `via: 'npm'` runs `npm run --silent sandbox`, as a user or a script would in the background.
 * `via: 'tsx'` runs tsx directly, to check the sandbox's own SIGTERM handling.
 */
function startCli(
	args: string[],
	env: Record<string, string> = {},
	via: 'npx' | 'npm' | 'tsx' = 'npx',
): Promise<Running> {
	const [command, argv] =
		via === 'npx'
			? ['npx', ['tsx', 'sandbox/cli.ts', ...args]]
			: via === 'npm'
				? ['npm', ['run', '--silent', 'sandbox', '--', ...args]]
				: [TSX, ['sandbox/cli.ts', ...args]];
	const child = spawn(command, argv, {
		cwd: ROOT,
		env: { ...process.env, ...env },
		detached: via === 'npx',
	});
	let out = '';
	let err = '';
	const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`CLI did not print a line in time. stderr: ${err}`)),
			45_000,
		);
		child.stderr.on('data', (c: Buffer) => (err += c.toString()));
		child.stdout.on('data', (c: Buffer) => {
			out += c.toString();
			const newline = out.indexOf('\n');
			if (newline >= 0) {
				clearTimeout(timer);
				resolve({ child, firstLine: out.slice(0, newline), stdout: () => out, exit });
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`CLI exited early with ${code}. stderr: ${err}`));
		});
	});
}

/** Ctrl+C: SIGINT to the process group we created. */
function interruptGroup(run: Running): void {
	try {
		process.kill(-(run.child.pid as number), 'SIGINT');
	} catch {
		// already gone
	}
}

async function freePort(): Promise<number> {
	const net = await import('node:net');
	return await new Promise<number>((resolve) => {
		const probe = net.createServer();
		probe.listen(0, '127.0.0.1', () => {
			const port = (probe.address() as { port: number }).port;
			probe.close(() => resolve(port));
		});
	});
}

async function refusesConnections(url: string): Promise<boolean> {
	try {
		await httpRequest(url, { timeoutMs: 2000 });
		return false;
	} catch {
		return true;
	}
}

it('`npx tsx sandbox/cli.ts --port 0` prints exactly one JSON line, serves the API, and stops on Ctrl+C', async () => {
	const run = await startCli(['--port', '0']);
	const info = JSON.parse(run.firstLine) as Record<string, string>;
	expect(Object.keys(info)).toEqual([
		'url',
		'apiBaseUrl',
		'clientId',
		'clientSecret',
		'redirectUrl',
		'apiKey',
	]);
	expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	expect(info.apiBaseUrl).toBe(`${info.url}/v2/`);
	expect(info.redirectUrl).toBe('http://localhost:5678/rest/oauth2-credential/callback');
	const res = await httpRequest(info.apiBaseUrl, {
		method: 'POST',
		headers: { Authorization: info.apiKey, 'Content-Type': 'application/json' },
		body: JSON.stringify({ Function: 'GetUser', Parameters: {} }),
	});
	expect(res.status).toBe(200);
	expect(JSON.parse(res.body.toString()).UserId).toBe('100001');
	interruptGroup(run);
	await run.exit;
	expect(await refusesConnections(info.url)).toBe(true);
	expect(run.stdout()).toBe(run.firstLine + '\n');
});

it('shuts down cleanly (exit code 0) on SIGTERM', async () => {
	const run = await startCli(['--port', '0', '--quiet'], {}, 'tsx');
	const info = JSON.parse(run.firstLine) as Record<string, string>;
	run.child.kill('SIGTERM');
	expect(await run.exit).toBe(0);
	expect(await refusesConnections(info.url)).toBe(true);
});

it('honours SANDBOX_PORT (overridden by --port), --seed, --json-only-token-endpoint and --expired-token-status; logs only to stderr', async () => {
	const run = await startCli(
		[
			'--port=0',
			'--seed',
			'empty',
			'--json-only-token-endpoint',
			'--expired-token-status',
			'400',
			'--latency',
			'5-10',
			'--rate-limit',
			'20/5',
			'--unknown-ids',
			'reject',
		],
		{ SANDBOX_PORT: '1' },
		'tsx',
	);
	const info = JSON.parse(run.firstLine) as Record<string, string>;
	try {
		const contacts = await httpRequest(`${info.url}/v2/`, {
			method: 'POST',
			headers: { Authorization: info.apiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({ Function: 'GetContacts' }),
		});
		expect(JSON.parse(contacts.body.toString())).toEqual({ HasMoreResults: false, Results: [] });
		const form = await postToken(
			`${info.url}/oauth/token.php`,
			{ grant_type: 'refresh_token', refresh_token: 'x' },
			{ format: 'form', authorization: basicAuth(info.clientId, info.clientSecret) },
		);
		expect(form.status).toBe(400);
		expect(form.body.error_description).toMatch(/JSON/);
		const state = await httpRequest(`${info.url}/_sandbox/state`);
		const { options, faults } = JSON.parse(state.body.toString());
		expect(options).toMatchObject({
			seed: 'empty',
			tokenEndpointJsonOnly: true,
			expiredTokenStatus: 400,
			unknownIdsInBulkReads: 'reject',
		});
		expect(JSON.stringify(faults)).toContain('"tokenBucket":{"perSecond":20,"burst":5}');
	} finally {
		run.child.kill('SIGINT');
	}
	expect(await run.exit).toBe(0);
	expect(run.stdout()).toBe(run.firstLine + '\n');
});

it('rejects unknown options with exit code 2', async () => {
	const child = spawn(TSX, ['sandbox/cli.ts', '--bogus'], { cwd: ROOT });
	let out = '';
	child.stdout.on('data', (c: Buffer) => (out += c.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	expect(code).toBe(2);
	expect(out).toBe('');
});

it('listens on SANDBOX_PORT when --port is not given', async () => {
	const free = await freePort();
	const run = await startCli(['--quiet'], { SANDBOX_PORT: String(free) }, 'tsx');
	try {
		expect(JSON.parse(run.firstLine).url).toBe(`http://127.0.0.1:${free}`);
	} finally {
		run.child.kill('SIGTERM');
	}
	expect(await run.exit).toBe(0);
});

it('`npm run sandbox &` then `kill $!`: the server stops too, and the next start gets the same port', async () => {
	const port = await freePort();
	const first = await startCli(['--port', String(port), '--quiet'], {}, 'npm');
	const info = JSON.parse(first.firstLine) as Record<string, string>;
	expect(info.url).toBe(`http://127.0.0.1:${port}`);
	// SIGTERM to npm alone (what `kill $!` sends); npm does not pass it on to what it started.
	first.child.kill('SIGTERM');
	await first.exit;
	// No timing assumption: wait until the server lets the port go, however long that takes
	// (jest's timeout is the bound). It polls its ancestors every half second.
	while (!(await refusesConnections(info.url))) {
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const second = await startCli(['--port', String(port), '--quiet'], {}, 'tsx');
	try {
		expect(JSON.parse(second.firstLine).url).toBe(`http://127.0.0.1:${port}`);
	} finally {
		second.child.kill('SIGTERM');
	}
	expect(await second.exit).toBe(0);
});
