import { boolean } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { readOptionFields } from '../../helpers/teams';

const numberOfContacts = boolean({
	key: 'ReturnNumberOfContacts',
	displayName: 'Include Number of Contacts',
	name: 'returnNumberOfContacts',
	description: 'Whether LACRM should add how many contacts each group has (slower)',
});

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many groups',
	description:
		"List the groups the credential's user can see. Returns each group's GroupId, which group memberships and contact filters take.",
	fn: 'GetGroups',
	list: true,
	options: [numberOfContacts.property],
	prepare: (input, prepared) => readOptionFields(input, prepared, [numberOfContacts]),
});
