import { contactRef } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many tasks of a contact',
	description:
		'List all tasks attached to one contact or company, open and completed, whatever their due date (needs its ContactId from Contact → Get Many). Returns each task with its TaskId.',
	fn: 'GetTasksAttachedToContact',
	fields: [contactRef({ required: true, description: 'The contact whose tasks to get' })],
	list: true,
	simplify: simplifyMetaData,
});
