import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { emailId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a logged email',
	description:
		'Remove a logged email by EmailId from the history of every contact it was logged on',
	fn: 'DeleteEmail',
	fields: [emailId()],
	output: reportDone('EmailId', 'deleted'),
});
