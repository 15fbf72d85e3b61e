import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';
import { contactField } from './fields';

export const getGroupsOfContact = defineOperation({
	operation: 'getGroupsOfContact',
	name: 'Get Many for Contact',
	action: 'Get the groups of a contact',
	description:
		'List the groups a contact or company belongs to (needs a ContactId from Contact → Get Many). Each result has GroupId and the group name.',
	fn: 'GetGroupsAttachedToContact',
	fields: [contactField],
	list: true,
	simplify: simplifyMetaData,
});
