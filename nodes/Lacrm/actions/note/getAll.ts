import { choice, dateTime, uidList } from '../fields';
import type { OperationDefinition } from '../operation';
import { contactId } from './fields';
import { simplifyNote } from './simplify';

export const getAll: OperationDefinition = {
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
			contactId({ required: false, description: 'Only notes of this contact (or company, by ID)' }),
			uidList({
				key: 'UserFilter',
				displayName: 'Written By',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description: 'Only notes written by these users',
			}),
			dateTime({
				key: 'DateFilterStart',
				displayName: 'From Date',
				name: 'dateFilterStart',
				description: 'Only notes dated on or after this moment',
			}),
			dateTime({
				key: 'DateFilterEnd',
				displayName: 'To Date',
				name: 'dateFilterEnd',
				description: 'Only notes dated on or before this moment',
			}),
			choice({
				key: 'SortDirection',
				displayName: 'Sort Direction',
				name: 'sortDirection',
				choices: ['Ascending', 'Descending'],
				default: 'Descending',
				description: 'By date; Descending (newest first) is LACRM\'s default',
			}),
		],
	},
	prepare: (input, prepared) => {
		const { DateFilterStart: from, DateFilterEnd: to } = prepared.parameters;
		if (typeof from === 'string' && typeof to === 'string' && Date.parse(to) < Date.parse(from)) {
			throw input.error('Filters → To Date', `${to} is before From Date ${from}`);
		}
	},
};
