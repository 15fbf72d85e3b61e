import type { OperationDefinition } from '../operation';
import { teamIdField } from './fields';

export const get: OperationDefinition = {
	operation: 'get',
	name: 'Get',
	action: 'Get a team',
	description: "Get one team by TeamId: its name and its members' UserIds",
	fn: 'GetTeam',
	fields: [teamIdField],
};
