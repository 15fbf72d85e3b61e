/**
 * Facts about the real LACRM that the sandbox once modelled wrongly (REFERENCE.md "Corrections"),
 * end to end: the node through n8n-core's real engine (1.122.48 and 2.x) against the sandbox, which
 * now answers as LACRM does — GetTasks' Results keyed by TaskId, and 400 "Invalid credentials" for
 * an API key it refuses.
 */
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL } from '../harness/version';
import { lacrm, runLacrm } from './helpers/sandboxNode';

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox({ quiet: true, seed: 'empty' });
});

afterEach(async () => {
	await sandbox.stop();
});

/** Creates `count` tasks due in 2043 straight through the API, a few requests at a time. */
async function seedTasks(count: number): Promise<void> {
	const days = Array.from({ length: count }, (_, index) => index);
	for (let start = 0; start < count; start += 25) {
		await Promise.all(
			days.slice(start, start + 25).map(async (index) => {
				const month = String(1 + (index % 12)).padStart(2, '0');
				const day = String(1 + (index % 28)).padStart(2, '0');
				await lacrm(sandbox, 'CreateTask', {
					Name: `Task ${index}`,
					DueDate: `2043-${month}-${day}`,
				});
			}),
		);
	}
}

describe(`Task → Get Many over LACRM's keyed Results (${ENGINE_LABEL})`, () => {
	it('Return All over 10,001 tasks: every task its own item, once, in exactly 2 GetTasks calls (Page 2 asked for)', async () => {
		await seedTasks(10_001);
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'task',
			operation: 'getAll',
			parameters: {
				returnAll: true,
				simplify: false,
				filters: { startDate: '2043-01-01', endDate: '2043-12-31' },
			},
		});
		expect(error).toBeUndefined();
		expect(calls).toEqual({ GetTasks: 2 });
		expect(json).toHaveLength(10_001);
		expect(new Set(json.map((task) => task.TaskId)).size).toBe(10_001);
		expect(new Set(json.map((task) => task.Name)).size).toBe(10_001);
		expect(json.every((task) => typeof task.TaskId === 'string' && task.DueDate)).toBe(true);
	});
});

describe(`an API key LACRM refuses (${ENGINE_LABEL})`, () => {
	it('is answered 400 "Invalid credentials"; the error says to check the key in the credential', async () => {
		const { error, json, calls } = await runLacrm(sandbox, {
			resource: 'user',
			operation: 'getCurrent',
			apiKey: 'a-key-lacrm-does-not-know',
		});
		expect(calls).toEqual({ GetUser: 1 });
		expect(json).toEqual([]);
		expect(error?.message).toBe(
			'LACRM rejected the credential (HTTP 400): Invalid credentials. Check the API key.',
		);
		expect((error as { description?: string }).description).toMatch(
			/^Check the API key in the "Less Annoying CRM API" credential/,
		);
		expect(JSON.stringify(error)).not.toContain('a-key-lacrm-does-not-know');
	});
});
