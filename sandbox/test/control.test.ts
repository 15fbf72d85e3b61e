import { startSandbox, type Sandbox } from '../index';
import { expectLacrmError, getJson, rawPost } from './helpers';

/** The /_sandbox/ controls over HTTP, for another process (the bench, a person trying n8n). */

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox();
});

afterEach(() => sandbox.stop());

function control(path: string, body: unknown = {}) {
	return rawPost(`${sandbox.url}/_sandbox/${path}`, JSON.stringify(body), {
		'Content-Type': 'application/json',
	});
}

it('GET /_sandbox/state reports counters, faults and the clock', async () => {
	await sandbox.call('GetUser');
	const state = await getJson(`${sandbox.url}/_sandbox/state`);
	expect(state.status).toBe(200);
	expect(state.body).toMatchObject({
		url: sandbox.url,
		counters: { totalCalls: 1, callsByFunction: { GetUser: 1 } },
		faults: { options: {}, scripted: [] },
		clock: { now: expect.any(Number), iso: expect.any(String) },
	});
});

it('POST /_sandbox/faults and /_sandbox/script-faults set faults; /_sandbox/clear-faults clears them', async () => {
	expect(
		(
			await control('faults', {
				rateLimit: { rate: 1, retryAfterSeconds: 3 },
				functions: ['GetUsers'],
			})
		).status,
	).toBe(200);
	expect((await sandbox.call('GetUsers')).status).toBe(429);
	expect((await sandbox.call('GetUser')).status).toBe(200);
	expect((await control('script-faults', [{ status: 503 }])).body.scripted).toEqual([
		{ status: 503 },
	]);
	expect((await sandbox.call('GetUser')).status).toBe(503);
	expect((await control('script-faults', { faults: [{ status: 502 }] })).status).toBe(200);
	await control('clear-faults');
	expect((await sandbox.call('GetUsers')).status).toBe(200);
	expect((await sandbox.call('GetUser')).status).toBe(200);
	expect((await control('faults', { serverErrors: { rate: 5 } })).status).toBe(400);
});

it('POST /_sandbox/clock moves the sandbox clock (advanceMs or set)', async () => {
	const before = sandbox.clock.now();
	const advanced = await control('clock', { advanceMs: 3_600_000 });
	expect(advanced.body.now as number).toBeGreaterThanOrEqual(before + 3_600_000);
	const set = await control('clock', { set: '2031-07-01T12:00:00Z' });
	expect(Math.abs((set.body.now as number) - Date.parse('2031-07-01T12:00:00Z'))).toBeLessThan(
		1000,
	);
	const { ContactId } = (
		await sandbox.call('CreateContact', {
			IsCompany: false,
			AssignedTo: '100001',
			Name: 'Time Traveller',
		})
	).body;
	expect((await sandbox.call('GetContact', { ContactId })).body.DateCreated).toMatch(
		/^2031-07-01T07:00:0\d-05:00$/,
	);
	expect((await control('clock', {})).status).toBe(400);
});

it('POST /_sandbox/issue-tokens and /_sandbox/expire-tokens', async () => {
	const tokens = (await control('issue-tokens', { userId: '100002' })).body;
	expect(tokens.token_type).toBe('Bearer');
	expect(
		(await sandbox.call('GetUser', {}, { accessToken: tokens.access_token as string })).body
			.FirstName,
	).toBe('Sam');
	await control('expire-tokens');
	expectLacrmError(
		await sandbox.call('GetUser', {}, { accessToken: tokens.access_token as string }),
		401,
	);
	const early = (await control('issue-tokens', {})).body;
	expect((await control('expire-tokens', { status: 400 })).status).toBe(200);
	expectLacrmError(
		await sandbox.call('GetUser', {}, { accessToken: early.access_token as string }),
		400,
		/expired/,
	);
	expect((await control('expire-tokens', { status: 500 })).status).toBe(400);
});

it('POST /_sandbox/seed-contacts, /_sandbox/reset, /_sandbox/reset-counters; GET /_sandbox/users', async () => {
	const seeded = await control('seed-contacts', { n: 1234, companies: 4 });
	expect(seeded.status).toBe(200);
	const all = await sandbox.call('GetContacts', { MaxNumberOfResults: 10000 });
	expect(all.body.Results.length).toBe(seeded.body.contacts);
	await control('reset');
	const after = await sandbox.call('GetContacts', { MaxNumberOfResults: 10000 });
	expect(after.body.Results.length).toBe((seeded.body.contacts as number) - 1238);
	expect((await getJson(`${sandbox.url}/_sandbox/state`)).body.counters).toMatchObject({
		totalCalls: 2,
	});
	await control('reset-counters');
	expect((await getJson(`${sandbox.url}/_sandbox/state`)).body.counters).toMatchObject({
		totalCalls: 0,
	});
	const users = await getJson(`${sandbox.url}/_sandbox/users`);
	const list = JSON.parse(users.text) as Array<{
		UserId: string;
		apiKey: string;
		IsAdmin: boolean;
	}>;
	expect(list).toHaveLength(3);
	for (const u of list)
		expect((await sandbox.call('GetUser', {}, { apiKey: u.apiKey })).body.UserId).toBe(u.UserId);
});

it('POST /_sandbox/flush-webhooks answers once deliveries are done; unknown endpoints are a 400', async () => {
	expect((await control('flush-webhooks')).status).toBe(200);
	expect((await control('nope')).status).toBe(400);
	expect((await rawPost(`${sandbox.url}/_sandbox/clock`, '{bad', {})).status).toBe(400);
});
