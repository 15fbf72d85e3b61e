import { defineOperation } from '../../helpers/operation';
import { reportDone, requireChange } from '../../helpers/edits';
import { dateShown, noteId, noteText } from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a note',
	description:
		'Change the text or the history date of a note by NoteId. Only the fields you set are sent; the note stays attached to its contact.',
	fn: 'EditNote',
	fields: [noteId()],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [noteText(false), dateShown()],
	},
	prepare: (input, prepared) => {
		requireChange(input, prepared.parameters, 'set the note text or the date shown in history');
	},
	output: reportDone('NoteId', 'updated'),
});
