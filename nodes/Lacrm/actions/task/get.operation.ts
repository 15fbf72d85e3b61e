import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';
import { taskId } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a task',
	description:
		'Get one task by TaskId: name, due date, assignee, ContactId and whether it is completed (IsCompleted)',
	fn: 'GetTask',
	fields: [taskId()],
	simplify: simplifyMetaData,
});
