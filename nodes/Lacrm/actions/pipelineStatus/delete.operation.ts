import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { statusIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a pipeline status',
	description: 'Delete a status from its pipeline by StatusId',
	fn: 'DeletePipelineStatus',
	fields: [statusIdField],
	output: reportDone('StatusId', 'deleted'),
});
