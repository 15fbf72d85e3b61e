import { startSandbox, type Sandbox } from '../index';
import {
	basicAuth,
	expectLacrmError,
	postToken,
	startHookReceiver,
	type Body,
	person,
} from './helpers';

/** Every fault switch: latency, 429, 5xx, 500-after-commit, the scripted queue, function targeting. */

let sandbox: Sandbox;
const ADMIN = '100001';

beforeEach(async () => {
	sandbox = await startSandbox();
});

afterEach(() => sandbox.stop());

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const started = Date.now();
	const result = await fn();
	return [result, Date.now() - started];
}

async function contactNamed(name: string): Promise<Body[]> {
	const res = await sandbox.call('GetContacts', { SearchTerms: name });
	return res.body.Results;
}

describe('latency', () => {
	it('a fixed latency delays every answer (measured loosely)', async () => {
		const [, baseline] = await timed(() => sandbox.call('GetUser'));
		sandbox.setFaults({ latencyMs: 250 });
		const [res, slow] = await timed(() => sandbox.call('GetUser'));
		expect(res.status).toBe(200);
		expect(slow).toBeGreaterThanOrEqual(230);
		expect(slow).toBeGreaterThan(baseline);
	});

	it('a {min,max} latency stays within the range (loosely)', async () => {
		sandbox.setFaults({ latencyMs: { min: 120, max: 180 } });
		for (let i = 0; i < 3; i++) {
			const [, ms] = await timed(() => sandbox.call('GetUser'));
			expect(ms).toBeGreaterThanOrEqual(110);
			expect(ms).toBeLessThan(2000);
		}
	});

	it('latency can be limited to some functions', async () => {
		sandbox.setFaults({ latencyMs: 300, functions: ['GetUsers'] });
		const [, fast] = await timed(() => sandbox.call('GetUser'));
		const [, slow] = await timed(() => sandbox.call('GetUsers'));
		expect(slow).toBeGreaterThanOrEqual(280);
		expect(fast).toBeLessThan(slow);
	});
});

describe('rate limiting', () => {
	it('answers 429 with Retry-After (seconds) and an ErrorCode body', async () => {
		sandbox.setFaults({ rateLimit: { rate: 1, retryAfterSeconds: 7 } });
		const { httpRequest } = await import('../core/http');
		const res = await httpRequest(sandbox.apiUrl, {
			method: 'POST',
			headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
			body: '{"Function":"GetUser"}',
		});
		expect(res.status).toBe(429);
		expect(res.headers['retry-after']).toBe('7');
		expect(JSON.parse(res.body.toString()).ErrorCode).toMatch(/^[a-z0-9]{16}$/);
	});

	it('a 429 does not perform the call', async () => {
		sandbox.setFaults({ rateLimit: { rate: 1, retryAfterSeconds: 1 } });
		const res = await sandbox.call('CreateContact', person('Limited Larry'));
		expect(res.status).toBe(429);
		sandbox.clearFaults();
		expect(await contactNamed('Limited Larry')).toEqual([]);
	});
});

describe('token bucket', () => {
	it('admits the burst, then answers 429 with Retry-After until a token is back; counters tell them apart', async () => {
		// One token per 100 s: nothing refills during the test, whatever the machine's speed.
		sandbox.setFaults({ tokenBucket: { perSecond: 0.01, burst: 3 } });
		const answers = await Promise.all(
			Array.from({ length: 5 }, (_, i) =>
				sandbox.call('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: `Bucket ${i}` }),
			),
		);
		expect(answers.map((res) => res.status).sort()).toEqual([200, 200, 200, 429, 429]);
		const counters = sandbox.counters();
		expect(counters.callsByFunction.CreateContact).toBe(5);
		expect(counters.succeededByFunction.CreateContact).toBe(3);
		expect(counters.rateLimited).toBe(2);
		sandbox.clearFaults();
		expect(await contactNamed('Bucket')).toHaveLength(3);
	});

	it('Retry-After is the whole seconds until the next token', async () => {
		sandbox.setFaults({ tokenBucket: { perSecond: 0.01, burst: 1 } });
		const { httpRequest } = await import('../core/http');
		const send = () =>
			httpRequest(sandbox.apiUrl, {
				method: 'POST',
				headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
				body: '{"Function":"GetUser"}',
			});
		expect((await send()).status).toBe(200);
		const refused = await send();
		expect(refused.status).toBe(429);
		expect(Number(refused.headers['retry-after'])).toBeGreaterThan(90);
		expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(100);
	});

	it('rejects a bucket without a positive rate or a burst of at least 1', () => {
		expect(() => sandbox.setFaults({ tokenBucket: { perSecond: 0, burst: 5 } })).toThrow(
			/perSecond/,
		);
		expect(() => sandbox.setFaults({ tokenBucket: { perSecond: 5, burst: 0 } })).toThrow(/burst/);
	});
});

describe('server errors', () => {
	async function sequence(s: Sandbox, n: number): Promise<number[]> {
		const out: number[] = [];
		for (let i = 0; i < n; i++) out.push((await s.call('GetUser')).status);
		return out;
	}

	it('a 5xx rate is reproducible from randomSeed', async () => {
		const a = await startSandbox({
			randomSeed: 42,
			faults: { serverErrors: { rate: 0.5, status: 503 } },
		});
		const b = await startSandbox({
			randomSeed: 42,
			faults: { serverErrors: { rate: 0.5, status: 503 } },
		});
		const c = await startSandbox({
			randomSeed: 7,
			faults: { serverErrors: { rate: 0.5, status: 503 } },
		});
		try {
			const seqA = await sequence(a, 40);
			const seqB = await sequence(b, 40);
			const seqC = await sequence(c, 40);
			expect(seqA).toEqual(seqB);
			expect(new Set(seqA)).toEqual(new Set([200, 503]));
			const failures = seqA.filter((s) => s === 503).length;
			expect(failures).toBeGreaterThan(8);
			expect(failures).toBeLessThan(32);
			expect(seqC).not.toEqual(seqA);
			// setFaults re-seeds, so the same options give the same sequence again.
			a.setFaults({ serverErrors: { rate: 0.5, status: 503 } });
			expect(await sequence(a, 40)).toEqual(seqA);
		} finally {
			await Promise.all([a.stop(), b.stop(), c.stop()]);
		}
	});

	it('a 5xx does not perform the call; the default status is 500', async () => {
		sandbox.setFaults({ serverErrors: { rate: 1 } });
		const res = await sandbox.call('CreateContact', person('Never Stored'));
		expectLacrmError(res, 500);
		sandbox.clearFaults();
		expect(await contactNamed('Never Stored')).toEqual([]);
	});

	it('error-after-commit performs the write (and its webhooks), then answers 500', async () => {
		const r = await startHookReceiver();
		try {
			await sandbox.call('CreateWebhook', {
				EndpointUrl: r.url,
				WebhookScope: 'Account',
				Events: ['Contact.Create'],
			});
			sandbox.setFaults({ errorAfterCommit: { rate: 1 } });
			const res = await sandbox.call('CreateContact', person('Committed Carla'));
			expectLacrmError(res, 500);
			sandbox.clearFaults();
			const found = await contactNamed('Committed Carla');
			expect(found).toHaveLength(1);
			await sandbox.flushWebhooks();
			expect(r.deliveries).toHaveLength(1);
		} finally {
			await r.close();
		}
	});
});

describe('scripted faults', () => {
	it('the queue applies to the next calls in order: 429, 500 after commit, socket reset, then normal', async () => {
		sandbox.scriptFaults([
			{ status: 429, retryAfterSeconds: 1 },
			{ status: 500, afterCommit: true },
			{ networkError: 'reset' },
		]);
		const first = await sandbox.call('GetUser');
		expect(first.status).toBe(429);
		const second = await sandbox.call('CreateContact', person('Scripted Sid'));
		expect(second.status).toBe(500);
		await expect(sandbox.call('GetUser')).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect((await sandbox.call('GetUser')).status).toBe(200);
		expect(await contactNamed('Scripted Sid')).toHaveLength(1);
	});

	it('a reset after commit stores the record but the client sees a dead socket', async () => {
		sandbox.scriptFaults([{ networkError: 'reset', afterCommit: true }]);
		await expect(
			sandbox.call('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Reset Rita' }),
		).rejects.toThrow();
		expect(await contactNamed('Reset Rita')).toHaveLength(1);
	});

	it('entries can target functions; other calls pass and do not consume them', async () => {
		sandbox.scriptFaults([{ status: 503, functions: ['GetUsers'] }, { status: 502 }]);
		expect((await sandbox.call('GetUser')).status).toBe(502); // the untargeted entry is the first that applies
		expect((await sandbox.call('GetUser')).status).toBe(200);
		expect((await sandbox.call('GetUsers')).status).toBe(503);
		expect((await sandbox.call('GetUsers')).status).toBe(200);
	});

	it('a custom body is sent as given (text bodies as text/plain)', async () => {
		sandbox.scriptFaults([
			{ status: 502, body: '<html>Bad gateway</html>' },
			{ status: 400, body: { ErrorCode: 'abcdefghij012345', ErrorDescription: 'scripted' } },
		]);
		const html = await sandbox.call('GetUser');
		expect(html.status).toBe(502);
		expect(html.body).toBe('<html>Bad gateway</html>');
		const json = await sandbox.call('GetUser');
		expect(json).toEqual({
			status: 400,
			body: { ErrorCode: 'abcdefghij012345', ErrorDescription: 'scripted' },
		});
	});

	it('an empty entry lets one call through; clearFaults empties the queue', async () => {
		sandbox.scriptFaults([{}, { status: 500 }, { status: 500 }]);
		expect((await sandbox.call('GetUser')).status).toBe(200);
		expect((await sandbox.call('GetUser')).status).toBe(500);
		sandbox.clearFaults();
		expect((await sandbox.call('GetUser')).status).toBe(200);
	});

	it("'oauth/token' targets the token endpoint: a refresh answered 500 after commit spends the refresh token", async () => {
		const tokens = sandbox.issueTokens();
		const auth = basicAuth(sandbox.clientId, sandbox.clientSecret);
		sandbox.scriptFaults([{ status: 500, afterCommit: true, functions: ['oauth/token'] }]);
		expect((await sandbox.call('GetUser')).status).toBe(200); // API calls do not consume it
		const lost = await postToken(
			sandbox.tokenUrl,
			{ grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
			{ authorization: auth },
		);
		expect(lost.status).toBe(500);
		// The client never saw the new pair; retrying with the old token is a reuse and revokes the grant.
		const retry = await postToken(
			sandbox.tokenUrl,
			{ grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
			{ authorization: auth },
		);
		expect(retry.status).toBe(400);
		expect(retry.body.error).toBe('invalid_grant');
		expect(sandbox.counters()).toMatchObject({ refreshes: 1, refreshReuses: 1, revokedGrants: 1 });
	});

	it('rate faults can be targeted too, and options are validated', async () => {
		sandbox.setFaults({ serverErrors: { rate: 1 }, functions: ['GetUsers'] });
		expect((await sandbox.call('GetUser')).status).toBe(200);
		expect((await sandbox.call('GetUsers')).status).toBe(500);
		expect(() => sandbox.setFaults({ serverErrors: { rate: 2 } })).toThrow(/between 0 and 1/);
		expect(() => sandbox.scriptFaults([{ status: 99 }])).toThrow(/HTTP status/);
	});
});

describe('counters', () => {
	it('count calls per function, peak concurrency and peak requests per second', async () => {
		sandbox.resetCounters();
		sandbox.setFaults({ latencyMs: 150 });
		await Promise.all(Array.from({ length: 12 }, () => sandbox.call('GetUser')));
		await sandbox.call('GetUsers');
		const c = sandbox.counters();
		expect(c.totalCalls).toBe(13);
		expect(c.callsByFunction).toEqual({ GetUser: 12, GetUsers: 1 });
		expect(c.peakConcurrent).toBeGreaterThanOrEqual(6);
		expect(c.peakConcurrent).toBeLessThanOrEqual(12);
		expect(c.peakRequestsPerSecond).toBeGreaterThanOrEqual(6);
		expect(c.inFlight).toBe(0);
		sandbox.resetCounters();
		expect(sandbox.counters().totalCalls).toBe(0);
	});

	it('faulted calls are counted too', async () => {
		sandbox.resetCounters();
		sandbox.scriptFaults([{ status: 429 }]);
		await sandbox.call('GetUser');
		await sandbox.call('GetUser');
		expect(sandbox.counters().callsByFunction.GetUser).toBe(2);
	});
});
