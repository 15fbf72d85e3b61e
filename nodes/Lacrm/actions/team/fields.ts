/** Team fields, described once for create, update, delete and get. */
import type { Field } from '../../helpers/fieldBuilders';
import { boolean, text, uid } from '../../helpers/fieldBuilders';
import { readUserIds } from '../../helpers/teams';

export const teamIdField = uid({
	key: 'TeamId',
	displayName: 'Team',
	name: 'teamId',
	locator: 'team',
	required: true,
	description: 'The team. Its TeamId comes from Team → Get Many or Create.',
});

export function teamNameField(required: boolean) {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required,
		placeholder: 'e.g. Sales',
		description: 'The team name',
	});
}

export function membersField(forUpdate: boolean): Field<'UserIdList'> {
	const label = 'Member Names or IDs';
	const intro = forUpdate
		? "The team's new members: this list replaces the current members (users not listed leave the team)"
		: 'The users in the team';
	return {
		key: 'UserIdList',
		property: {
			displayName: label,
			name: 'userIdList',
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: 'getUsers' },
			description: `${intro}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
		read: (raw, ctx) => {
			const ids = readUserIds(raw, ctx, label);
			return ids.length ? ids : undefined;
		},
	};
}

/** An empty member list cannot be told apart from "not set", so emptying a team is its own switch. */
export const removeAllMembersField: Field<'UserIdList'> = {
	...boolean({
		key: 'UserIdList',
		displayName: 'Remove All Members',
		name: 'removeAllMembers',
		description:
			'Whether to remove every member from the team (LACRM receives an empty member list)',
	}),
	read: (raw) => (raw === true || raw === 'true' ? [] : undefined),
};
