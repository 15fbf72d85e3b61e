/**
 * Riding a rate limit: the sandbox stands behind a small token bucket (429 + Retry-After beyond
 * it), and Note → Create runs many items at the highest Max Parallel Requests. With the adaptive
 * rate gate every item ends up created exactly once; without it (the old fixed number of
 * attempts) items fail. Figures come from the sandbox's counters: successes, not attempts.
 */
import type { IDataObject } from 'n8n-workflow';

import { rateGate } from '../../nodes/Lacrm/transport/rateGate';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL } from '../harness/version';
import { byId, runLacrm } from './helpers/sandboxNode';

const BUCKET = { perSecond: 10, burst: 3 };
const ITEMS = 25;

let sandbox: Sandbox;
let contactId: string;

beforeEach(async () => {
	rateGate.reset();
	sandbox = await startSandbox({ quiet: true, seed: 'empty' });
	sandbox.seedContacts(1);
	const { body } = await sandbox.call('GetContacts', {});
	contactId = String((body.Results as IDataObject[])[0].ContactId);
	sandbox.setFaults({ tokenBucket: BUCKET, latencyMs: 20 });
	sandbox.resetCounters();
});

afterEach(async () => {
	rateGate.reset();
	await sandbox.stop();
});

async function createNotes(count: number, label: string) {
	return await runLacrm(sandbox, {
		resource: 'note',
		operation: 'create',
		parameters: {
			contactId: byId(contactId),
			note: '={{ $json.text }}',
			options: { concurrency: 20 },
		},
		input: Array.from({ length: count }, (_, i) => ({ text: `${label} ${i}` })),
		continueOnFail: true,
	});
}

describe(`Note → Create at Max Parallel 20 behind a ${BUCKET.perSecond} req/s bucket (burst ${BUCKET.burst}) (${ENGINE_LABEL})`, () => {
	it('adaptive (the default): every item created exactly once, none failed, though LACRM refused many requests', async () => {
		const result = await createNotes(ITEMS, 'adaptive');
		const failed = result.items.filter((item) => item.json.error !== undefined);
		expect(failed).toEqual([]);
		expect(result.items).toHaveLength(ITEMS);
		const counters = sandbox.counters();
		expect(counters.succeededByFunction.CreateNote).toBe(ITEMS);
		expect(counters.rateLimited).toBeGreaterThan(0);
	});

	it('the slowdown outlives the execution: the next run of the same credential starts slow', async () => {
		await createNotes(ITEMS, 'first run');
		expect(sandbox.counters().rateLimited).toBeGreaterThan(0);
		sandbox.resetCounters();
		const second = await createNotes(12, 'second run');
		expect(second.items.filter((item) => item.json.error !== undefined)).toEqual([]);
		// Max Parallel 20 asks for 20 at once; the gate remembers LACRM's answer and sends fewer.
		expect(sandbox.counters().peakConcurrent).toBeLessThan(10);
	});

	it('adaptive off (fixed 5 attempts, no shared slowdown): items fail, each either created once or failed', async () => {
		rateGate.adaptive = false;
		const result = await createNotes(ITEMS, 'fixed');
		const failed = result.items.filter((item) => item.json.error !== undefined);
		const created = sandbox.counters().succeededByFunction.CreateNote ?? 0;
		expect(failed.length).toBeGreaterThan(0);
		expect(String(failed[0].json.error)).toMatch(/rate limiting/);
		expect(created + failed.length).toBe(ITEMS);
	});
});
