import type { OperationDefinition } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { addCustomFieldsToClear, customFieldsToClearList } from '../../helpers/clearCustomFields';
import { customFieldsProperty, readCustomFieldValues } from '../../helpers/customFields';
import { reportDone, requireChange } from '../../helpers/edits';
import { assignedToField, detailFields, nameField, recordId } from './fields';
import type { RecordKind } from './recordKind';

export function update(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'update',
		name: 'Update',
		action: `Update a ${kind.noun}`,
		description: `Change fields of a ${kind.noun} by ContactId. Only the fields you set are sent; fields listed in Fields to Clear are blanked; everything else stays as it is.`,
		fn: 'EditContact',
		fields: [recordId(kind)],
		optional: {
			name: 'updateFields',
			displayName: 'Update Fields',
			fields: [nameField(kind, false), assignedToField(kind, true), ...detailFields(kind)],
		},
		clearable: true,
		properties: [
			customFieldsProperty(kind.resource, 'update'),
			customFieldsToClearList(kind.resource),
		],
		prepare: (input, prepared) => {
			Object.assign(prepared.parameters, readCustomFieldValues(input));
			addCustomFieldsToClear(input, prepared.parameters);
			if (kind.isCompany && typeof prepared.parameters.Name === 'string') {
				prepared.parameters['Company Name'] = prepared.parameters.Name;
			}
			requireChange(
				input,
				prepared.parameters,
				'set a field, a custom field, or a field or custom field to clear',
			);
		},
		output: reportDone('ContactId', 'updated'),
	});
}
