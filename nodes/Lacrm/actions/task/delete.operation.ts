import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { taskId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a task',
	description:
		'Permanently delete a task by TaskId. To mark a task as done instead, use Update with Completed on.',
	fn: 'DeleteTask',
	fields: [taskId()],
	output: reportDone('TaskId', 'deleted'),
});
