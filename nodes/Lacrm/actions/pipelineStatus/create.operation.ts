import { defineOperation } from '../../helpers/operation';
import { colorField, pipelineField, statusKindField, statusNameField } from './fields';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a pipeline status',
	description:
		'Add a status (a step, open or closed) to a pipeline. Needs a PipelineId from Pipeline → Get Many. Returns the new StatusId, which pipeline items take.',
	fn: 'CreatePipelineStatus',
	fields: [pipelineField(true), statusNameField('The status name'), statusKindField(false)],
	optional: { name: 'additionalFields', displayName: 'Additional Fields', fields: [colorField()] },
	output: (result) => ({ StatusId: result.StatusId }),
});
