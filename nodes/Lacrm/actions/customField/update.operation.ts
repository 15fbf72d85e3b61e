import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';
import { reportDone, requireChange } from '../../helpers/edits';
import {
	checkOneOptionList,
	customFieldIdField,
	customFieldNameField,
	fieldOptionsForUpdate,
	fieldOptionsJsonField,
	readFieldOptions,
	settingFields,
} from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a custom field',
	description:
		"Change a custom field's definition by CustomFieldId: name, settings, or options. An option list replaces the field's options: existing options are kept by their OptionId (from Custom Field → Get), options left out are removed. Its type and record type cannot change.",
	fn: 'EditCustomField',
	fields: [customFieldIdField],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [
			customFieldNameField(false),
			fieldOptionsForUpdate,
			fieldOptionsJsonField(true),
			...settingFields(),
		],
	},
	prepare: (input, prepared) => {
		const updateFields = input.value<IDataObject>('updateFields', {});
		checkOneOptionList(
			input,
			readFieldOptions(updateFields.fieldOptions, input, true),
			fieldOptionsJsonField(true).read(updateFields.fieldOptionsJson, input),
		);
		requireChange(input, prepared.parameters, 'set at least one field');
	},
	output: reportDone('CustomFieldId', 'updated'),
});
