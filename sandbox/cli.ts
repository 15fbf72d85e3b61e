import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';

import { DEFAULT_CLI_PORT, startSandbox, type FaultOptions, type SandboxOptions } from './index';

/**
 * `npm run sandbox` — start the sandbox and print ONE JSON line with what a client needs:
 *   {"url","apiBaseUrl","clientId","clientSecret","redirectUrl","apiKey"}
 * (`apiBaseUrl` is the `/v2/` address a credential's API Base URL takes), then serve until
 * SIGINT/SIGTERM, or until the process that started it exits. Logs go to stderr (never stdout,
 * which scripts parse).
 */

const USAGE = `Usage: npm run sandbox -- [options]
  --port <n>                    port (default: $SANDBOX_PORT or ${DEFAULT_CLI_PORT}; 0 = any free port)
  --host <addr>                 interface (default 127.0.0.1)
  --latency <ms>|<min>-<max>    delay every API answer
  --rate-limit <n>[/<burst>]    token bucket: n requests/second, bursts of at most <burst> (default n);
                                beyond it 429 + Retry-After
  --json-only-token-endpoint    refuse form-encoded bodies at /oauth/token.php
  --expired-token-status <401|400>
  --consent <auto|page>         authorize automatically (default) or show a one-button page
  --seed <demo|empty>           start with the demo account (default) or users only
  --random-seed <n>             seed for generated data, ids and fault rates (default 1)
  --access-token-ttl <s>        access-token lifetime in seconds (default 3600)
  --tls-cert <file> --tls-key <file>
                                serve HTTPS with this PEM certificate and key
  --unknown-ids <omit|reject>   GetContactsById with an unknown id: leave it out (default) or fail the call
  --redirect-url <url>          registered OAuth redirect URL
  --require-https-webhooks      refuse http:// webhook endpoints, as LACRM does
  --quiet                       no log lines on stderr`;

function fail(message: string): never {
	process.stderr.write(`${message}\n\n${USAGE}\n`);
	process.exit(2);
}

function parseArgs(argv: string[]): SandboxOptions {
	const options: SandboxOptions = { quiet: false };
	const envPort = process.env.SANDBOX_PORT;
	options.port = envPort !== undefined && envPort !== '' ? Number(envPort) : DEFAULT_CLI_PORT;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.includes('=')
			? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
			: [arg, undefined];
		const value = (): string => {
			const v = inline ?? argv[++i];
			if (v === undefined) fail(`${flag} needs a value`);
			return v;
		};
		/** The value of a flag that takes one of two words. */
		const either = <T extends string>(a: T, b: T): T => {
			const v = value();
			if (v !== a && v !== b) fail(`${flag} must be '${a}' or '${b}'`);
			return v as T;
		};
		switch (flag) {
			case '--port':
				options.port = Number(value());
				break;
			case '--host':
				options.host = value();
				break;
			case '--latency': {
				const v = value();
				const range = /^(\d+)-(\d+)$/.exec(v);
				const latency: FaultOptions['latencyMs'] = range
					? { min: Number(range[1]), max: Number(range[2]) }
					: Number(v);
				if (typeof latency === 'number' && !(latency >= 0))
					fail(`--latency: '${v}' is not a number of milliseconds or a min-max range`);
				options.faults = { ...options.faults, latencyMs: latency };
				break;
			}
			case '--rate-limit': {
				const v = value();
				const match = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(v);
				if (!match || !(Number(match[1]) > 0))
					fail(`--rate-limit: '${v}' is not <requests per second>[/<burst>]`);
				const perSecond = Number(match[1]);
				const burst = match[2] !== undefined ? Number(match[2]) : Math.max(1, perSecond);
				options.faults = { ...options.faults, tokenBucket: { perSecond, burst } };
				break;
			}
			case '--json-only-token-endpoint':
				options.tokenEndpointJsonOnly = true;
				break;
			case '--expired-token-status': {
				const v = Number(value());
				if (v !== 401 && v !== 400) fail('--expired-token-status must be 401 or 400');
				options.expiredTokenStatus = v;
				break;
			}
			case '--consent':
				options.consent = either('auto', 'page');
				break;
			case '--seed':
				options.seed = either('demo', 'empty');
				break;
			case '--random-seed':
				options.randomSeed = Number(value());
				break;
			case '--access-token-ttl':
				options.accessTokenTtlSeconds = Number(value());
				break;
			case '--tls-cert':
				options.tls = { key: options.tls?.key ?? '', cert: fs.readFileSync(value(), 'utf8') };
				break;
			case '--tls-key':
				options.tls = { cert: options.tls?.cert ?? '', key: fs.readFileSync(value(), 'utf8') };
				break;
			case '--unknown-ids':
				options.unknownIdsInBulkReads = either('omit', 'reject');
				break;
			case '--redirect-url':
				options.redirectUrl = value();
				break;
			case '--require-https-webhooks':
				options.requireHttpsWebhooks = true;
				break;
			case '--quiet':
				options.quiet = true;
				break;
			case '--help':
			case '-h':
				process.stderr.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				fail(`Unknown option ${arg}`);
		}
	}
	if (options.tls && (!options.tls.cert || !options.tls.key))
		fail('--tls-cert and --tls-key go together');
	if (
		!Number.isInteger(options.port) ||
		(options.port as number) < 0 ||
		(options.port as number) > 65535
	)
		fail(`Invalid port: ${options.port}`);
	return options;
}

/** Parent of `pid`, or undefined when it cannot be read (/proc on Linux, `ps` elsewhere). */
function parentOf(pid: number): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (command) state ppid …" — the command may itself contain spaces and parentheses.
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		try {
			const out = execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
			const ppid = Number(out.trim());
			return Number.isInteger(ppid) ? ppid : undefined;
		} catch {
			return undefined;
		}
	}
}

/** This process's ancestors, nearest first, up to (not including) init. */
function ancestors(): number[] {
	const pids: number[] = [];
	let pid: number | undefined = process.ppid;
	while (pid !== undefined && pid > 1 && pids.length < 64) {
		pids.push(pid);
		pid = parentOf(pid);
	}
	return pids;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * `npm run sandbox &` then `kill $!` signals npm, which does not pass SIGTERM on to the shell,
 * tsx and node under it: the server would keep the port. So the server also stops as soon as
 * any process above it at start-up (npm, its shell, tsx, whoever started npm) is gone.
 */
function stopWhenAncestorExits(watched: number[], stop: (reason: string) => void): void {
	const timer = setInterval(() => {
		const gone = watched.find((pid) => !isAlive(pid));
		if (gone !== undefined) {
			clearInterval(timer);
			stop(`process ${gone} that started the sandbox exited`);
		}
	}, 500);
	timer.unref();
}

async function main(): Promise<void> {
	// Read before the JSON line goes out: whoever reads it may kill npm at once, and a list read
	// after that would start at an already re-parented tsx and never see anyone exit.
	const watched = ancestors();
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox(options);
	process.stdout.write(
		JSON.stringify({
			url: sandbox.url,
			apiBaseUrl: sandbox.apiUrl,
			clientId: sandbox.clientId,
			clientSecret: sandbox.clientSecret,
			redirectUrl: sandbox.redirectUrl,
			apiKey: sandbox.apiKey,
		}) + '\n',
	);
	if (!options.quiet) {
		process.stderr.write(
			`[lacrm-sandbox] serving ${sandbox.apiUrl} (authorize: ${sandbox.authorizeUrl}, token: ${sandbox.tokenUrl}, controls: ${sandbox.url}/_sandbox/state). Ctrl+C to stop.\n`,
		);
	}
	let stopping = false;
	const shutdown = (reason: string): void => {
		if (stopping) return;
		stopping = true;
		if (!options.quiet) process.stderr.write(`[lacrm-sandbox] ${reason}: stopping\n`);
		sandbox.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	stopWhenAncestorExits(watched, shutdown);
}

main().catch((err: unknown) => {
	process.stderr.write(`[lacrm-sandbox] failed to start: ${(err as Error).message}\n`);
	process.exit(1);
});
