import { defineOperation } from '../../helpers/operation';
import { contactField, groupProperties, readGroup } from './fields';

export const add = defineOperation({
	operation: 'add',
	name: 'Add',
	action: 'Add a contact to a group',
	description:
		'Put a contact or company into a group. Needs a ContactId (Contact → Get Many) and the group, by GroupId (Group → Get Many) or by name.',
	fn: 'CreateGroupMembership',
	fields: [contactField],
	properties: groupProperties,
	prepare: (input, prepared) => readGroup(input, prepared.parameters),
	output: (_result, prepared) => ({ ...prepared.parameters, added: true }),
});
