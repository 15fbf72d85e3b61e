import { defineOperation } from '../../helpers/operation';
import { pipelineIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a pipeline',
	description: 'Delete a pipeline (a settings change) by PipelineId',
	fn: 'DeletePipeline',
	fields: [pipelineIdField],
	output: (_result, prepared) => ({ PipelineId: prepared.parameters.PipelineId, deleted: true }),
});
