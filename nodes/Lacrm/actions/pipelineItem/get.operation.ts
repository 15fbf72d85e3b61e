import { defineOperation } from '../../helpers/operation';
import { simplifyPipelineItem } from '../../helpers/simplify';
import { pickerPipelineField, pipelineItemField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a pipeline item',
	description:
		'Get one pipeline item by PipelineItemId: its contact, pipeline, status, last note and custom fields (by name)',
	fn: 'GetPipelineItem',
	fields: [pickerPipelineField, pipelineItemField],
	simplify: simplifyPipelineItem,
});
