import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { pickerPipelineField, pipelineItemField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a pipeline item',
	description:
		'Permanently delete one pipeline item by PipelineItemId (the contact stays). For many items of one pipeline, use Delete Many.',
	fn: 'DeletePipelineItem',
	fields: [pickerPipelineField, pipelineItemField],
	output: reportDone('PipelineItemId', 'deleted'),
});
