import { defineOperation } from '../../helpers/operation';
import { statusIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a pipeline status',
	description: 'Delete a status from its pipeline by StatusId',
	fn: 'DeletePipelineStatus',
	fields: [statusIdField],
	output: (_result, prepared) => ({ StatusId: prepared.parameters.StatusId, deleted: true }),
});
