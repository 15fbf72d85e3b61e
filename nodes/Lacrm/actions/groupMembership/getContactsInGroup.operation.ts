import { defineOperation } from '../../helpers/operation';
import { groupProperties, readGroup, simplifyMember } from './fields';

export const getContactsInGroup = defineOperation({
	operation: 'getContactsInGroup',
	name: 'Get Contacts in Group',
	action: 'Get the contacts in a group',
	description:
		'List the contacts and companies in a group, given by GroupId (Group → Get Many) or by name. Each result has the ContactId, name and owner.',
	fn: 'GetContactsInGroup',
	properties: groupProperties,
	list: true,
	simplify: simplifyMember,
	prepare: (input, prepared) => readGroup(input, prepared.parameters),
});
