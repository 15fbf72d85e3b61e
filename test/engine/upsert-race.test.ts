/**
 * Create or Update when the same lead arrives several times at once (a double-submitted form, a
 * sender's retry, two triggers): whole executions run concurrently through n8n-core's engine
 * against the sandbox, and the account must end with one record for the person.
 *
 * "Another process" (a second queue-mode worker) is a second copy of the node's modules loaded
 * with jest.isolateModules: it shares nothing with the first — no lock, no refresh gate — only
 * the sandbox, as two workers share only LACRM. The sandbox's holdCalls makes the race certain:
 * both searches are performed before either is answered, so both find nothing and both create.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import { LACRM_NODE_NAME, lacrmWorkflow } from '../harness/lacrm-node';
import { HarnessNodeTypes } from '../harness/node-types';
import { runWorkflow } from '../harness/runner';
import { ENGINE_LABEL } from '../harness/version';
import { NODE_CREDENTIALS, lacrm, sandboxCredentials } from './helpers/sandboxNode';

const JANE = '100001';

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox({ quiet: true });
});

afterEach(async () => {
	await sandbox.stop();
});

/** A second n8n process's copy of the node: its own module registry, so its own module state. */
function lacrmInAnotherProcess(): INodeType {
	let NodeClass: typeof Lacrm | undefined;
	jest.isolateModules(() => {
		NodeClass = jest.requireActual<{ Lacrm: typeof Lacrm }>('../../nodes/Lacrm/Lacrm.node').Lacrm;
	});
	if (!NodeClass || NodeClass === Lacrm) throw new Error('isolateModules gave no separate copy');
	return new NodeClass();
}

const thisProcess = new HarnessNodeTypes({ 'n8n-nodes-lacrm.lacrm': new Lacrm() });

interface UpsertRun {
	json: IDataObject[];
	error?: Error;
}

/** One execution: Start → Less Annoying CRM (Create or Update), on the given n8n process. */
async function upsert(
	parameters: INodeParameters,
	{
		resource = 'contact',
		nodeTypes = thisProcess,
	}: { resource?: string; nodeTypes?: HarnessNodeTypes } = {},
): Promise<UpsertRun> {
	const run = await runWorkflow(
		lacrmWorkflow({
			resource,
			operation: 'upsert',
			parameters: { assignedTo: { __rl: true, mode: 'id', value: JANE }, ...parameters },
			credentials: NODE_CREDENTIALS,
		}),
		{
			nodeTypes,
			credentials: sandboxCredentials(sandbox),
			startData: { nodeName: 'Start', items: [{}] },
		},
	);
	const items = run.output(LACRM_NODE_NAME) ?? [];
	return {
		json: items.map((item) => item.json),
		error: run.error ?? run.nodeError(LACRM_NODE_NAME),
	};
}

/** Every record of the account (contacts and companies), by ContactId. */
async function allRecords(): Promise<Map<string, IDataObject>> {
	const records = new Map<string, IDataObject>();
	for (let page = 1; ; page++) {
		const body = await lacrm(sandbox, 'GetContacts', { MaxNumberOfResults: 10000, Page: page });
		for (const record of body.Results as IDataObject[])
			records.set(record.ContactId as string, record);
		if (body.HasMoreResults !== true) return records;
	}
}

function callsSince(before: Record<string, number>): Record<string, number> {
	const calls: Record<string, number> = {};
	for (const [fn, count] of Object.entries(sandbox.counters().callsByFunction)) {
		if (count > (before[fn] ?? 0)) calls[fn] = count - (before[fn] ?? 0);
	}
	return calls;
}

const texts = (entries: unknown) => ((entries as IDataObject[]) ?? []).map((entry) => entry.Text);

describe(`Create or Update, the same lead at once, one n8n process (${ENGINE_LABEL})`, () => {
	it('10 concurrent executions upserting one email: all succeed, 1 create + 9 edits, 1 contact', async () => {
		const before = await allRecords();
		const calls = { ...sandbox.counters().callsByFunction };
		const runs = await Promise.all(
			Array.from(
				{ length: 10 },
				async (_, n) =>
					await upsert({
						matchOn: 'email',
						matchValue: n % 2 === 0 ? 'lead@example.com' : 'Lead@Example.com',
						name: 'Lena Lead',
						additionalFields: { jobTitle: `Submission ${n}` },
					}),
			),
		);
		expect(runs.map((run) => run.error)).toEqual(Array(10).fill(undefined));
		const actions = runs.map((run) => run.json[0].action).sort();
		expect(actions).toEqual(['created', ...Array(9).fill('updated')]);
		const ids = new Set(runs.map((run) => run.json[0].ContactId));
		expect(ids.size).toBe(1);

		const after = await allRecords();
		const added = [...after.keys()].filter((id) => !before.has(id));
		expect(added).toEqual([...ids]);
		expect(after.size).toBe(before.size + 1);
		expect(texts(after.get(added[0])!.Email)).toEqual(['lead@example.com']);
		expect(callsSince(calls)).toMatchObject({ CreateContact: 1, EditContact: 9 });
		expect(callsSince(calls).DeleteContact).toBeUndefined();
	});

	it('10 concurrent executions with 10 different emails still run in parallel: all 10 searches in flight at once', async () => {
		sandbox.resetCounters();
		// Answered only once all 10 searches have been performed: had one person's upsert waited for
		// another's, the 10 would never be in flight together and the hold would time out.
		const hold = sandbox.holdCalls({ functions: ['GetContacts'], count: 10 });
		const runs = await Promise.all(
			Array.from(
				{ length: 10 },
				async (_, n) =>
					await upsert({ matchOn: 'email', matchValue: `lead${n}@example.com`, name: `Lead ${n}` }),
			),
		);
		expect(await hold.released).toEqual({ releasedBy: 'count', arrived: 10 });
		expect(sandbox.counters().peakConcurrent).toBeGreaterThanOrEqual(10);
		expect(runs.map((run) => run.error)).toEqual(Array(10).fill(undefined));
		expect(runs.map((run) => run.json[0].action)).toEqual(Array(10).fill('created'));
		expect(new Set(runs.map((run) => run.json[0].ContactId)).size).toBe(10);
		expect(sandbox.counters().callsByFunction.CreateContact).toBe(10);
	});

	it('one after another it behaves as before: 1 create, then edits of the same contact', async () => {
		const results = [];
		for (const jobTitle of ['First', 'Second', 'Third']) {
			const run = await upsert({
				matchOn: 'email',
				matchValue: 'steady@example.com',
				name: 'Sam Steady',
				additionalFields: { jobTitle },
			});
			expect(run.error).toBeUndefined();
			results.push(run.json[0]);
		}
		expect(results.map((result) => result.action)).toEqual(['created', 'updated', 'updated']);
		expect(new Set(results.map((result) => result.ContactId)).size).toBe(1);
		const contact = await lacrm(sandbox, 'GetContact', { ContactId: results[0].ContactId });
		expect(contact['Job Title']).toBe('Third');
	});
});

describe(`Create or Update, the same lead at once, two n8n processes (${ENGINE_LABEL})`, () => {
	const cases: Array<{
		title: string;
		resource?: string;
		parameters: INodeParameters;
		/** The record's value for the match, as the sandbox returns it. */
		carries: (record: IDataObject) => boolean;
	}> = [
		{
			title: 'a contact by email',
			parameters: { matchOn: 'email', matchValue: 'race@example.com', name: 'Rae Racer' },
			carries: (record) => texts(record.Email).includes('race@example.com'),
		},
		{
			title: 'a contact by phone',
			parameters: { matchOn: 'phone', matchValue: '+1 (555) 013-3713', name: 'Rae Racer' },
			carries: (record) => texts(record.Phone).includes('+1 (555) 013-3713'),
		},
		{
			title: 'a contact by name',
			parameters: { matchOn: 'name', matchValue: 'Rae Q. Racer' },
			carries: (record) =>
				(record.Name as IDataObject | undefined)?.MiddleName === 'Q.' &&
				(record.Name as IDataObject).LastName === 'Racer',
		},
		{
			title: 'a contact by custom field',
			parameters: {
				matchOn: 'customField',
				matchCustomField: 'Referral Source',
				matchValue: 'race-ref-42',
				name: 'Rae Racer',
			},
			carries: (record) => record['Referral Source'] === 'race-ref-42',
		},
	];

	it.each(cases)(
		'$title: 1 record remains, one DeleteContact of a record made in the race, both succeed with the same ContactId',
		async ({ resource, parameters, carries }) => {
			// Records that exist before the race and that the race must leave alone: one that a fuzzy
			// search for the value finds but that does not match, and one with the same name.
			const { ContactId: bystander } = await lacrm(sandbox, 'CreateContact', {
				IsCompany: false,
				AssignedTo: JANE,
				Name: 'Rae Racer Senior',
				Email: 'race@example.com.au',
				Phone: '+1 (555) 013-3799',
			});
			const before = await allRecords();
			const calls = { ...sandbox.counters().callsByFunction };
			const hold = sandbox.holdCalls({ functions: ['GetContacts'], count: 2 });

			const [first, second] = await Promise.all([
				upsert(parameters, { resource }),
				upsert(parameters, { resource, nodeTypes: anotherProcess() }),
			]);

			// Both searches were in flight together: the two processes shared no lock.
			expect(await hold.released).toEqual({ releasedBy: 'count', arrived: 2 });
			expect(first.error).toBeUndefined();
			expect(second.error).toBeUndefined();
			const outcomes = [first.json[0], second.json[0]];
			expect(outcomes[0].ContactId).toBe(outcomes[1].ContactId);
			expect(outcomes.map((outcome) => outcome.action).sort()).toEqual([
				'created',
				'merged race duplicate',
			]);

			const after = await allRecords();
			const survivor = outcomes[0].ContactId as string;
			expect([...after.values()].filter(carries).map((record) => record.ContactId)).toEqual([
				survivor,
			]);
			// Nothing that existed before was deleted; exactly one record was added.
			expect([...before.keys()].filter((id) => !after.has(id))).toEqual([]);
			expect([...after.keys()].filter((id) => !before.has(id))).toEqual([survivor]);
			expect(after.has(bystander as string)).toBe(true);

			const calledNow = callsSince(calls);
			expect(calledNow).toMatchObject({ CreateContact: 2, DeleteContact: 1, EditContact: 1 });
			const merged = outcomes.find((outcome) => outcome.action === 'merged race duplicate')!;
			const removed = merged.deletedDuplicateId as string;
			expect(removed).not.toBe(survivor);
			expect(before.has(removed)).toBe(false);
			expect((await sandbox.call('GetContact', { ContactId: removed })).status).toBe(400);
		},
	);

	// The sandbox refuses a second company of the same name (LACRM may too; undocumented), so the
	// process whose create is refused finds the other's company and updates it: nothing to delete.
	it.each([
		{
			title: 'a company by email',
			parameters: { matchOn: 'email', matchValue: 'hello@raceworks.example', name: 'Raceworks' },
		},
		{ title: 'a company by name', parameters: { matchOn: 'name', matchValue: 'Raceworks' } },
	])(
		'$title: 1 company remains, the refused create becomes an update, both succeed with the same ContactId',
		async ({ parameters }) => {
			const before = await allRecords();
			const calls = { ...sandbox.counters().callsByFunction };
			const hold = sandbox.holdCalls({ functions: ['GetContacts'], count: 2 });
			const [first, second] = await Promise.all([
				upsert(parameters, { resource: 'company' }),
				upsert(parameters, { resource: 'company', nodeTypes: anotherProcess() }),
			]);
			expect(await hold.released).toEqual({ releasedBy: 'count', arrived: 2 });
			expect(first.error).toBeUndefined();
			expect(second.error).toBeUndefined();
			const outcomes = [first.json[0], second.json[0]];
			expect(outcomes[0].ContactId).toBe(outcomes[1].ContactId);
			expect(outcomes.map((outcome) => outcome.action).sort()).toEqual(['created', 'updated']);
			const after = await allRecords();
			expect([...after.keys()].filter((id) => !before.has(id))).toEqual([outcomes[0].ContactId]);
			expect([...before.keys()].filter((id) => !after.has(id))).toEqual([]);
			expect(callsSince(calls)).toMatchObject({ CreateContact: 2, EditContact: 1 });
			expect(callsSince(calls).DeleteContact).toBeUndefined();
		},
	);

	let others: HarnessNodeTypes | undefined;
	function anotherProcess(): HarnessNodeTypes {
		others ??= new HarnessNodeTypes({ 'n8n-nodes-lacrm.lacrm': lacrmInAnotherProcess() });
		return others;
	}
});
