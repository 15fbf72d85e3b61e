import { defineOperation } from '../../helpers/operation';
import { readUid } from '../../helpers/fieldBuilders';
import {
	checkOneOptionList,
	customFieldNameField,
	fieldOptionsJsonField,
	fieldOptionsProperty,
	pipelineField,
	readFieldOptions,
	recordTypeField,
	settingFields,
	TYPES_WITH_OPTIONS,
	typeField,
} from './fields';

const pipeline = pipelineField(
	'The pipeline whose items get the field. Its PipelineId comes from Pipeline → Get Many.',
);

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a custom field',
	description:
		'Define a new custom field for contacts, companies, the items of one pipeline (needs a PipelineId) or public forms. Dropdown, Radio List and Checkbox fields take their options. Returns the new CustomFieldId.',
	fn: 'CreateCustomField',
	fields: [customFieldNameField(true), typeField, recordTypeField],
	properties: [
		{
			...pipeline.property,
			required: true,
			displayOptions: { show: { recordType: ['Pipeline'] } },
		},
		{ ...fieldOptionsProperty(false), displayOptions: { show: { type: TYPES_WITH_OPTIONS } } },
	],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: [fieldOptionsJsonField(false), ...settingFields()],
	},
	prepare: (input, prepared) => {
		const { parameters } = prepared;
		if (parameters.RecordType === 'Pipeline') {
			const pipelineId = readUid(input.value('pipelineId'), input, 'Pipeline');
			if (pipelineId === undefined)
				throw input.error('Pipeline', 'it is required when Record Type is Pipeline');
			parameters.PipelineId = pipelineId;
		}
		const hasOptions = TYPES_WITH_OPTIONS.includes(parameters.Type as string);
		const listed = hasOptions
			? readFieldOptions(input.value('fieldOptions'), input, false)
			: undefined;
		const options = checkOneOptionList(input, listed, parameters.Options);
		if (options && !hasOptions) {
			throw input.error(
				'Field Options (JSON)',
				'options only apply to Dropdown, Radio List and Checkbox fields',
			);
		}
		if (options) parameters.Options = options;
	},
	output: (result) => ({ CustomFieldId: result.CustomFieldId }),
});
