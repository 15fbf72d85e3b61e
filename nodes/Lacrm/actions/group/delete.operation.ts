import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { groupIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a group',
	description:
		'Delete a group by GroupId. Its contacts and companies stay; only the group and its memberships go.',
	fn: 'DeleteGroup',
	fields: [groupIdField],
	output: reportDone('GroupId', 'deleted'),
});
