import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { readContactsById } from '../../helpers/contactsById';
import { simplifyContact } from '../../helpers/simplify';
import { recordId } from './fields';
import type { RecordKind } from './recordKind';

export function get(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'get',
		name: 'Get',
		action: `Get a ${kind.noun}`,
		description: `Get one ${kind.noun} with all its fields (custom fields by name) by ContactId`,
		fn: 'GetContact',
		alsoCalls: ['GetContactsById'],
		fields: [recordId(kind)],
		simplify: simplifyContact,
		// All items' ids in one GetContactsById call (per 10,000) instead of one GetContact each.
		async runBatch(items) {
			const idOf = (index: number) => String(items[index].prepared.parameters.ContactId);
			const firstItemWith = new Map<string, number>();
			items.forEach((item, index) => {
				if (!firstItemWith.has(idOf(index))) firstItemWith.set(idOf(index), item.itemIndex);
			});
			const records = await readContactsById(
				this.client,
				items.map((_item, index) => idOf(index)),
				(id) => firstItemWith.get(id) ?? 0,
			);
			return items.map((item, index) => {
				const record = records.get(idOf(index)) as IDataObject | Error;
				if (record instanceof Error) return record;
				return item.prepared.simplify ? simplifyContact(record) : { ...record };
			});
		},
	});
}
