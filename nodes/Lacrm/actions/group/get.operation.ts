import { defineOperation } from '../../helpers/operation';
import { groupIdField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a group',
	description:
		'Get one group by GroupId: name, sharing, teams and color (not its members; see the Group Membership resource)',
	fn: 'GetGroup',
	fields: [groupIdField],
});
