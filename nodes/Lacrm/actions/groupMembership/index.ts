import type { ResourceDefinition } from '../../helpers/operation';
import { add } from './add.operation';
import { getContactsInGroup } from './getContactsInGroup.operation';
import { getGroupsOfContact } from './getGroupsOfContact.operation';
import { remove } from './remove.operation';

export const groupMembershipResource: ResourceDefinition = {
	value: 'groupMembership',
	name: 'Group Membership',
	description: 'Which contacts and companies are in which groups',
	defaultOperation: 'add',
	operations: [add, remove, getGroupsOfContact, getContactsInGroup],
};
