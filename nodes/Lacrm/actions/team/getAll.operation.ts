import { defineOperation } from '../../helpers/operation';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many teams',
	description:
		"List teams (admins see all teams, other users their own). Returns each team's TeamId, name and members' UserIds; groups and pipelines take TeamIds for team sharing.",
	fn: 'GetTeams',
	list: true,
});
