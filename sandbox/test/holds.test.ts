import { startSandbox, type Sandbox } from '../index';
import { getJson, rawPost } from './helpers';

/**
 * holdCalls: the answers of the next N calls of some functions wait until all N have been
 * performed — how race tests make "both searches finish before either create" happen for sure.
 */

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox();
});

afterEach(() => sandbox.stop());

/** Lets the event loop run until `condition` holds (the sandbox runs in this process). */
async function until(condition: () => boolean): Promise<void> {
	// Bounded by time, not by turns: on a loaded machine a request can take many thousand turns.
	const deadline = Date.now() + 10_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition never became true');
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
}

function settled<T>(promise: Promise<T>): { done: boolean } {
	const state = { done: false };
	void promise.finally(() => (state.done = true));
	return state;
}

it('holds the first call until the second has been performed, then answers both', async () => {
	const hold = sandbox.holdCalls({ functions: ['GetContacts'], count: 2 });
	const first = sandbox.call('GetContacts', { SearchTerms: 'nobody-here@example.com' });
	const firstState = settled(first);
	await until(() => hold.arrived() === 1);
	expect(firstState.done).toBe(false);
	// Other functions are not held, and the first search was performed: it cannot see this contact.
	const created = await sandbox.call('CreateContact', {
		IsCompany: false,
		AssignedTo: '100001',
		Name: 'Nobody Here',
		Email: 'nobody-here@example.com',
	});
	expect(created.status).toBe(200);
	expect(firstState.done).toBe(false);
	const second = sandbox.call('GetContacts', { SearchTerms: 'nobody-here@example.com' });
	expect(await hold.released).toEqual({ releasedBy: 'count', arrived: 2 });
	expect((await first).body.Results).toEqual([]);
	expect((await second).body.Results.map((c: { ContactId: string }) => c.ContactId)).toEqual([
		created.body.ContactId,
	]);
	// A filled hold is gone: the next call is answered at once.
	expect((await sandbox.call('GetContacts', { SearchTerms: 'x' })).status).toBe(200);
});

it('shows every held call as in flight at once (counters().peakConcurrent)', async () => {
	sandbox.resetCounters();
	const hold = sandbox.holdCalls({ functions: ['GetUser'], count: 5 });
	const calls = Array.from({ length: 5 }, () => sandbox.call('GetUser'));
	expect((await hold.released).releasedBy).toBe('count');
	expect((await Promise.all(calls)).map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
	expect(sandbox.counters().peakConcurrent).toBe(5);
});

it('a hold that is not filled in time lets its calls go and says so', async () => {
	// The timer starts when the hold is set, so it must outlast the first call's trip through a
	// loaded 2-core CI machine; 20 ms once let the hold expire before the call arrived.
	const hold = sandbox.holdCalls({ functions: ['GetUser'], count: 2, timeoutMs: 1_000 });
	const call = sandbox.call('GetUser');
	await until(() => hold.arrived() === 1);
	expect(await hold.released).toEqual({ releasedBy: 'timeout', arrived: 1 });
	expect((await call).status).toBe(200);
});

it('clearHolds and stop let held calls go', async () => {
	const hold = sandbox.holdCalls({ functions: ['GetUser'], count: 3 });
	const call = sandbox.call('GetUser');
	await until(() => hold.arrived() === 1);
	sandbox.clearHolds();
	expect((await call).status).toBe(200);
	expect(await hold.released).toEqual({ releasedBy: 'cleared', arrived: 1 });
});

it('refuses malformed holds', () => {
	expect(() => sandbox.holdCalls({ functions: [], count: 2 })).toThrow(/functions/);
	expect(() => sandbox.holdCalls({ functions: ['GetUser'], count: 0 })).toThrow(/count/);
});

it('POST /_sandbox/hold-calls sets a hold, GET /_sandbox/state shows it, /_sandbox/clear-holds clears it', async () => {
	const post = (path: string, body: unknown) =>
		rawPost(`${sandbox.url}/_sandbox/${path}`, JSON.stringify(body), {
			'Content-Type': 'application/json',
		});
	const set = await post('hold-calls', { functions: ['GetUser'], count: 2 });
	expect(set.status).toBe(200);
	expect(set.body.holds).toEqual([{ functions: ['GetUser'], count: 2, arrived: 0 }]);
	const call = sandbox.call('GetUser');
	expect((await post('clear-holds', {})).body.holds).toEqual([]);
	expect((await call).status).toBe(200);
	expect((await getJson(`${sandbox.url}/_sandbox/state`)).body.holds).toEqual([]);
	expect((await post('hold-calls', { functions: ['GetUser'], count: -1 })).status).toBe(400);
});
