import { contactRef } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { dateShown, noteText } from './fields';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a note',
	description:
		'Attach a plain-text note to a contact or company (needs a ContactId from Contact → Get Many or Create). Returns the new NoteId.',
	fn: 'CreateNote',
	fields: [
		contactRef({
			required: true,
			description: 'The contact the note belongs to',
		}),
		noteText(true),
	],
	optional: { name: 'additionalFields', displayName: 'Additional Fields', fields: [dateShown()] },
	output: (result) => ({ NoteId: result.NoteId }),
});
