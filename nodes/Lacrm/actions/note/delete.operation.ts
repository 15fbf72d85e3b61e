import { defineOperation } from '../../helpers/operation';
import { noteId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a note',
	description: 'Permanently delete a note by NoteId',
	fn: 'DeleteNote',
	fields: [noteId()],
	output: (_result, prepared) => ({ NoteId: prepared.parameters.NoteId, deleted: true }),
});
