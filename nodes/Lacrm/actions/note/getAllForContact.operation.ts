import { contactRef } from '../../helpers/fieldBuilders';
import { simplifyNote } from '../../helpers/simplify';
import { defineOperation } from '../../helpers/operation';

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many notes of a contact',
	description:
		'List the notes attached to one contact or company (needs its ContactId from Contact → Get Many). Returns each note with its NoteId.',
	fn: 'GetNotesAttachedToContact',
	fields: [contactRef({ required: true, description: 'The contact whose notes to get' })],
	list: true,
	simplify: simplifyNote,
});
