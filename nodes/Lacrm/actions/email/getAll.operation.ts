import { boolean, contactRef, uidList } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { checkDateFilterRange, dateFilterRange, sortDirection } from '../../helpers/filters';
import { simplifyMetaData } from '../../helpers/simplify';

export const getAll = defineOperation({
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
			contactRef({ required: false, description: 'Only emails logged on this contact or company' }),
			boolean({
				key: 'GetContactsAtCompanyEmails',
				displayName: "Include Company's Contacts",
				name: 'getContactsAtCompanyEmails',
				description:
					'Whether, when Contact is a company, to include the emails of the contacts working there',
			}),
			uidList({
				key: 'UserFilter',
				displayName: 'Users',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description: 'Only emails logged by these users',
			}),
			...dateFilterRange('emails', 'sent'),
		],
	},
	optionFields: [sortDirection('Descending')],
	prepare: checkDateFilterRange,
});
