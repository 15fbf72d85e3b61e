import { defineOperation } from '../../helpers/operation';
import { teamIdField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a team',
	description: "Get one team by TeamId: its name and its members' UserIds",
	fn: 'GetTeam',
	fields: [teamIdField],
});
