import { boolean, choice, dateTime, uidList } from '../fields';
import type { OperationDefinition } from '../operation';
import { simplifyMetaData } from '../shared/simplify';
import { contactId } from './fields';

export const getAll: OperationDefinition = {
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many logged emails',
	description:
		'List logged emails, newest first, optionally only those of one contact or company, logged by some users, or within a date range. Returns each email with its EmailId.',
	fn: 'GetEmails',
	list: true,
	simplify: simplifyMetaData,
	optional: {
		name: 'filters',
		displayName: 'Filters',
		fields: [
			contactId({ required: false, description: 'Only emails logged on this contact (or company, by ID)' }),
			boolean({
				key: 'GetContactsAtCompanyEmails',
				displayName: 'Include Company\'s Contacts',
				name: 'getContactsAtCompanyEmails',
				description: 'Whether, when Contact is a company, to include the emails of the contacts working there',
			}),
			uidList({
				key: 'UserFilter',
				displayName: 'Users',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description: 'Only emails logged by these users',
			}),
			dateTime({
				key: 'DateFilterStart',
				displayName: 'From Date',
				name: 'dateFilterStart',
				description: 'Only emails sent on or after this moment',
			}),
			dateTime({
				key: 'DateFilterEnd',
				displayName: 'To Date',
				name: 'dateFilterEnd',
				description: 'Only emails sent on or before this moment',
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
