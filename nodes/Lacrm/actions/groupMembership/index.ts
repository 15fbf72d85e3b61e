import type { ResourceDefinition } from '../operation';
import { add } from './add';
import { getContactsInGroup } from './getContactsInGroup';
import { getGroupsOfContact } from './getGroupsOfContact';
import { remove } from './remove';

export const groupMembershipResource: ResourceDefinition = {
	value: 'groupMembership',
	name: 'Group Membership',
	description: 'Which contacts and companies are in which groups',
	defaultOperation: 'add',
	operations: [add, remove, getGroupsOfContact, getContactsInGroup],
};
