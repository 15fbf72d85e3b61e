import { defineOperation } from '../../helpers/operation';
import { emailId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a logged email',
	description:
		'Remove a logged email by EmailId from the history of every contact it was logged on',
	fn: 'DeleteEmail',
	fields: [emailId()],
	output: (_result, prepared) => ({ EmailId: prepared.parameters.EmailId, deleted: true }),
});
