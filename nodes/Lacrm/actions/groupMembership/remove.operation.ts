import { defineOperation } from '../../helpers/operation';
import { contactField, groupProperties, readGroup } from './fields';

export const remove = defineOperation({
	operation: 'remove',
	name: 'Remove',
	action: 'Remove a contact from a group',
	description:
		'Take a contact or company out of a group (the contact and the group stay). Needs a ContactId and the group, by GroupId or by name.',
	fn: 'DeleteGroupMembership',
	fields: [contactField],
	properties: groupProperties,
	prepare: (input, prepared) => readGroup(input, prepared.parameters),
	output: (_result, prepared) => ({ ...prepared.parameters, removed: true }),
});
