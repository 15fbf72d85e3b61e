import { contactRef, uidList } from '../../helpers/fieldBuilders';
import { simplifyNote } from '../../helpers/simplify';
import { defineOperation } from '../../helpers/operation';
import { checkDateFilterRange, dateFilterRange, sortDirection } from '../../helpers/filters';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many notes',
	description:
		'List notes of all contacts, newest first, optionally only those of one contact, by some users or within a date range. Returns each note with its NoteId and ContactId.',
	fn: 'GetNotes',
	list: true,
	simplify: simplifyNote,
	optional: {
		name: 'filters',
		displayName: 'Filters',
		fields: [
			contactRef({ required: false, description: 'Only notes of this contact or company' }),
			uidList({
				key: 'UserFilter',
				displayName: 'Written By',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description: 'Only notes written by these users',
			}),
			...dateFilterRange('notes', 'dated'),
		],
	},
	optionFields: [sortDirection('Descending')],
	prepare: checkDateFilterRange,
});
