import { defineOperation } from '../../helpers/operation';
import { customFieldIdField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a custom field',
	description:
		'Get one custom field definition by CustomFieldId: name, type, record type, pipeline, settings and options with their OptionIds',
	fn: 'GetCustomField',
	fields: [customFieldIdField],
});
