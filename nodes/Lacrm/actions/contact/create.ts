import type { OperationDefinition } from '../operation';
import { currentUserId } from '../shared/currentUser';
import { customFieldsProperty, readCustomFieldValues } from '../shared/customFields';
import { assignedToField, detailFields, nameField } from './fields';
import type { RecordKind } from './kind';

export function create(kind: RecordKind): OperationDefinition {
	return {
		operation: 'create',
		name: 'Create',
		action: `Create a ${kind.noun}`,
		description: `Create a ${kind.noun}. Returns its ContactId, which notes, tasks, pipeline items and group memberships need. To avoid duplicates, use Create or Update instead.`,
		fn: 'CreateContact',
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
		async run(prepared) {
			const parameters = { ...prepared.parameters };
			parameters.AssignedTo ??= await currentUserId(this.client, this.itemIndex);
			const result = await this.client.call('CreateContact', parameters as never, {
				itemIndex: this.itemIndex,
			});
			return { ContactId: result.ContactId };
		},
	};
}
