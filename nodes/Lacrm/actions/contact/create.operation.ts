import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type {
	BatchContext,
	BatchItem,
	BatchOutcome,
	OperationDefinition,
} from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { parametersFor } from '../router';
import { runBounded } from '../router';
import { readContactsById } from '../../helpers/contactsById';
import { currentUserId } from '../../helpers/currentUser';
import { customFieldsProperty, readCustomFieldValues } from '../../helpers/customFields';
import { simplifyContact } from '../../helpers/simplify';
import { assignedToField, detailFields, nameField } from './fields';
import type { RecordKind } from './recordKind';

async function createOne(context: BatchContext, item: BatchItem): Promise<string> {
	const parameters = { ...parametersFor('CreateContact', item.prepared.parameters) };
	parameters.AssignedTo ??= await currentUserId(context.client, item.itemIndex);
	const result = await context.client.call('CreateContact', parameters, {
		itemIndex: item.itemIndex,
	});
	return String(result.ContactId);
}

/**
 * Creates every item's record (Max Parallel Requests at a time), then reads them all back with
 * one GetContactsById call per 10,000, so each item outputs the contact as LACRM stored it.
 */
async function createAndReadBack(this: BatchContext, items: BatchItem[]): Promise<BatchOutcome[]> {
	const created: Array<string | Error> = new Array(items.length);
	const continueOnFail = this.exec.continueOnFail();
	try {
		await runBounded(
			items.length,
			async () => await this.client.concurrencyLimit(),
			async (index) => {
				try {
					created[index] = await createOne(this, items[index]);
				} catch (error) {
					created[index] = error as Error;
				}
				// Without Continue On Fail the run stops at a failure: start no more creates.
				const failure = created[index];
				if (failure instanceof Error && !continueOnFail) {
					throw new NodeOperationError(this.exec.getNode(), failure, {
						itemIndex: items[index].itemIndex,
					});
				}
			},
		);
	} catch (error) {
		// Items never started share the failure; the router stops at the first failed item anyway.
		return items.map((_item, index) => {
			const outcome = created[index] ?? (error as Error);
			return outcome instanceof Error ? outcome : { ContactId: outcome };
		});
	}
	const itemIndexOf = new Map<string, number>();
	items.forEach((item, index) => {
		const ContactId = created[index];
		if (!item.prepared.idOnly && typeof ContactId === 'string')
			itemIndexOf.set(ContactId, item.itemIndex);
	});
	const records = itemIndexOf.size
		? await readContactsById(this.client, [...itemIndexOf.keys()], (id) => itemIndexOf.get(id) ?? 0)
		: new Map<string, IDataObject | Error>();
	return items.map((item, index) => {
		const ContactId = created[index];
		if (ContactId instanceof Error) return ContactId;
		if (item.prepared.idOnly) return { ContactId };
		const record = records.get(ContactId);
		// Created, but not readable back (yet): never an error — a re-run would create it twice.
		if (!record || record instanceof Error) return { ContactId, ...item.prepared.parameters };
		return simplifyContact(record);
	});
}

export function create(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'create',
		name: 'Create',
		action: `Create a ${kind.noun}`,
		description: `Create a ${kind.noun}. Outputs the ${kind.noun} as stored, with its ContactId, which notes, tasks, pipeline items and group memberships need. To avoid duplicates, use Create or Update instead.`,
		fn: 'CreateContact',
		alsoCalls: ['GetContactsById', 'GetContact'],
		fields: [nameField(kind, true), assignedToField(kind, false)],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			fields: detailFields(kind),
		},
		// At the top of the form, as in n8n's CRM nodes (version 2 on).
		promoted: ['Email', 'Phone'],
		properties: [customFieldsProperty(kind.resource, 'create')],
		fixed: { IsCompany: kind.isCompany },
		prepare: (input, prepared) => {
			Object.assign(prepared.parameters, readCustomFieldValues(input));
			// LACRM's docs name the company's name `Name`; its tutorial and tested clients send
			// `Company Name`. Sending both with the same value works either way.
			if (kind.isCompany) prepared.parameters['Company Name'] = prepared.parameters.Name;
		},
		runBatch: createAndReadBack,
	});
}
