import { defineOperation } from '../../helpers/operation';
import { taskDetails, taskName } from './fields';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a task',
	description:
		'Create a date-only to-do, optionally due on a day, assigned to a user and attached to a contact (ContactId from Contact → Get Many). Returns the new TaskId.',
	fn: 'CreateTask',
	fields: [taskName(true)],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: taskDetails(false),
	},
	output: (result) => ({ TaskId: result.TaskId }),
});
