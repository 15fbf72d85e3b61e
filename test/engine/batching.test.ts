/**
 * Contact/Company → Get over many items: one GetContactsById call instead of one GetContact per
 * item, each item still getting exactly its record (or its own error), paired to its input, in
 * input order — whichever way LACRM treats an unknown id in GetContactsById (left out, or the whole
 * call rejected: no source says, so the sandbox does both).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL } from '../harness/version';
import { byId, runLacrm } from './helpers/sandboxNode';

const UNKNOWN = ['4'.repeat(31), '5'.repeat(31), '6'.repeat(31)];

async function contactIds(sandbox: Sandbox, n: number): Promise<string[]> {
	sandbox.seedContacts(n);
	const { body } = await sandbox.call('GetContacts', {
		RecordTypeFilter: 'Contacts',
		MaxNumberOfResults: 10000,
	});
	return (body.Results as IDataObject[]).map((contact) => String(contact.ContactId)).slice(0, n);
}

/** Ids in a shuffled order (so input order is not the sandbox's order), unknown ones spread in. */
function inputOf(ids: string[], unknownAt: number[] = []): IDataObject[] {
	const shuffled = [...ids].reverse();
	unknownAt.forEach((position, i) => shuffled.splice(position, 0, UNKNOWN[i]));
	return shuffled.map((contactId, n) => ({ contactId, n }));
}

const get = {
	resource: 'contact',
	operation: 'get',
	parameters: { contactId: byId('={{ $json.contactId }}'), simplify: false },
};

describe.each(['omit', 'reject'] as const)(
	`Contact → Get over many items, GetContactsById leaving unknown ids %s (${ENGINE_LABEL})`,
	(mode) => {
		let sandbox: Sandbox;

		beforeAll(async () => {
			sandbox = await startSandbox({ quiet: true, seed: 'empty', unknownIdsInBulkReads: mode });
		});

		afterAll(async () => {
			await sandbox.stop();
		});

		it('500 items: at most 2 LACRM calls, 500 records in input order, each paired to its input', async () => {
			const input = inputOf(await contactIds(sandbox, 500));
			const result = await runLacrm(sandbox, { ...get, input });
			expect(result.error).toBeUndefined();
			expect(result.totalCalls).toBeLessThanOrEqual(2);
			expect(result.calls.GetContact).toBeUndefined();
			expect(result.items).toHaveLength(500);
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json.ContactId).toBe(input[index].contactId);
			});
		});

		it('3 unknown ids with continue on fail: 497 records and 3 error items, each paired to its input', async () => {
			const input = inputOf(await contactIds(sandbox, 497), [0, 250, 499]);
			const result = await runLacrm(sandbox, { ...get, input, continueOnFail: true });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(500);
			const failed: number[] = [];
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				if (item.json.error !== undefined) {
					failed.push(index);
					expect(String(item.json.error)).toContain(String(input[index].contactId));
				} else {
					expect(item.json.ContactId).toBe(input[index].contactId);
				}
			});
			expect(failed).toEqual([0, 250, 499]);
			// A missing id is asked for on its own, as a one-by-one Get would: same error text. (When
			// LACRM rejects the call, the last split can leave a good id alone too.)
			if (mode === 'omit') expect(result.calls.GetContact).toBe(3);
			else expect(result.calls.GetContact).toBeLessThanOrEqual(6);
			expect(result.totalCalls).toBeLessThan(mode === 'omit' ? 5 : 60);
		});

		it('an unknown id without continue on fail fails the node, naming that item', async () => {
			const input = inputOf(await contactIds(sandbox, 20), [7]);
			const result = await runLacrm(sandbox, { ...get, input });
			expect(result.error).toBeDefined();
			expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(7);
			expect(result.error?.message).toContain(UNKNOWN[0]);
		});

		it('the same id twice and Simplify on: both items get the simplified record', async () => {
			const [id] = await contactIds(sandbox, 1);
			const result = await runLacrm(sandbox, {
				...get,
				parameters: { ...get.parameters, simplify: true },
				input: [{ contactId: id }, { contactId: id }],
			});
			expect(result.totalCalls).toBe(1);
			expect(result.json).toHaveLength(2);
			expect(result.json[0]).toEqual(result.json[1]);
			expect(result.json[0].ContactId).toBe(id);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});
	},
);
