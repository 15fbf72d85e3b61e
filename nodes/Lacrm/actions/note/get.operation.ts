import { simplifyNote } from '../../helpers/simplify';
import { defineOperation } from '../../helpers/operation';
import { noteId } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a note',
	description: 'Get one note by NoteId: its text, ContactId, author and dates',
	fn: 'GetNote',
	fields: [noteId()],
	simplify: simplifyNote,
});
