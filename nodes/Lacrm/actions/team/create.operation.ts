import { defineOperation } from '../../helpers/operation';
import { membersField, teamNameField } from './fields';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a team',
	description:
		'Create a team of users (teams control who sees shared groups and pipelines). Member UserIds come from User → Get Many. Returns the new TeamId.',
	fn: 'CreateTeam',
	fields: [teamNameField(true)],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: [membersField(false)],
	},
	output: (result) => ({ TeamId: result.TeamId }),
});
