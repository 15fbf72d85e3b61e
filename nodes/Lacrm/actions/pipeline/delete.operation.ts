import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { pipelineIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a pipeline',
	description: 'Delete a pipeline (a settings change) by PipelineId',
	fn: 'DeletePipeline',
	fields: [pipelineIdField],
	output: reportDone('PipelineId', 'deleted'),
});
