import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { noteId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a note',
	description: 'Permanently delete a note by NoteId',
	fn: 'DeleteNote',
	fields: [noteId()],
	output: reportDone('NoteId', 'deleted'),
});
