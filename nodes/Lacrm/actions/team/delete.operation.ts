import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { teamIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a team',
	description:
		'Delete a team by TeamId (account owner or admins only). Its users stay in the account.',
	fn: 'DeleteTeam',
	fields: [teamIdField],
	output: reportDone('TeamId', 'deleted'),
});
