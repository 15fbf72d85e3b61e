/** Group fields, described once for create, update, delete and get. */
import { choice, text, uid } from '../../helpers/fieldBuilders';
import type { TeamSharingSetting } from '../../helpers/teams';
import { teamIdsField } from '../../helpers/teams';

export const groupIdField = uid({
	key: 'GroupId',
	displayName: 'Group',
	name: 'groupId',
	locator: 'group',
	required: true,
	description: 'The group. Its GroupId comes from Group → Get Many or Create.',
});

export function groupNameField(required: boolean) {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required,
		placeholder: 'e.g. VIP Clients',
		description: 'The group name; LACRM requires it to be unique',
	});
}

const GROUP_COLORS = [
	'Blue',
	'Cyan',
	'Gray',
	'Green',
	'Indigo',
	'LightBlue',
	'LimeGreen',
	'Magenta',
	'Orange',
	'Pink',
	'Purple',
	'Red',
	'Teal',
	'Yellow',
];

export function colorField(clearable: boolean) {
	return choice({
		key: 'Color',
		displayName: 'Color',
		name: 'color',
		choices: GROUP_COLORS,
		default: 'Blue',
		clearable,
		description: 'The color of the group label in LACRM',
	});
}

export function sharingField(forUpdate: boolean) {
	return choice({
		key: 'Sharing',
		displayName: 'Sharing',
		name: 'sharing',
		choices: [
			{ name: 'Private', value: 'Private', description: 'Only the user who creates it' },
			{ name: 'Public', value: 'Public', description: 'Every user of the account' },
			{ name: 'Teams', value: 'Teams', description: 'Users of the chosen teams' },
		],
		default: 'Private',
		description: forUpdate
			? 'Who can see the group'
			: 'Who can see the group (LACRM default: Private)',
	});
}

export const GROUP_SHARING: TeamSharingSetting = {
	key: 'Sharing',
	label: 'Sharing',
	teams: 'Teams',
	teamsLabel: 'Teams',
};

export function groupTeamsField(forUpdate: boolean) {
	return teamIdsField({
		description: forUpdate
			? 'The teams that can see the group, when Sharing is Teams (replaces the current teams)'
			: 'The teams that can see the group',
	});
}
