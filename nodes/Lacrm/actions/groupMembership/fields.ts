/**
 * A membership has no id of its own: it is a contact plus a group, and LACRM takes the group by
 * GroupId or by GroupName — never both — so the user picks one way and only that one is sent.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { contactRef, text, uid } from '../../helpers/fieldBuilders';
import type { ItemInput } from '../../helpers/operation';

export const contactField = contactRef({
	required: true,
	description:
		'The contact or company. Its ContactId comes from Contact → Get Many, Create or a trigger.',
});

type GroupBy = 'id' | 'name';

const groupIdField = uid({
	key: 'GroupId',
	displayName: 'Group',
	name: 'groupId',
	locator: 'group',
	required: true,
	description: 'The group, picked from the list or given by its GroupId (from Group → Get Many)',
});

const groupNameField = text({
	key: 'GroupName',
	displayName: 'Group Name',
	name: 'groupName',
	required: true,
	placeholder: 'e.g. VIP Clients',
	description: "The group's exact name",
});

const showFor = (groupBy: GroupBy) => ({ show: { groupBy: [groupBy] } });

export const groupProperties: INodeProperties[] = [
	{
		displayName: 'Identify Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'ID', value: 'id', description: 'Pick the group from a list or give its GroupId' },
			{
				name: 'Name',
				value: 'name',
				description: "Give the group's name, e.g. from a previous node",
			},
		],
		default: 'id',
	},
	{ ...groupIdField.property, displayOptions: showFor('id') },
	{ ...groupNameField.property, displayOptions: showFor('name') },
];

/** Adds either GroupId or GroupName to the parameters, as the user chose. */
export function readGroup(input: ItemInput, parameters: IDataObject): void {
	const groupBy = input.value<GroupBy>('groupBy', 'id');
	if (groupBy === 'name') parameters.GroupName = input.read(groupNameField) as string;
	else parameters.GroupId = input.read(groupIdField) as string;
}

/** The member's contact name and owner next to its ids. */
export function simplifyMember(member: IDataObject): IDataObject {
	const { ContactMetaData, ...rest } = member;
	const meta = (ContactMetaData ?? {}) as IDataObject;
	return { ...rest, ContactName: meta.Name, AssignedTo: meta.AssignedTo };
}
