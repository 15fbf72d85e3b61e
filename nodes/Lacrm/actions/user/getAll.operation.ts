import { defineOperation } from '../../helpers/operation';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description:
		"List the users the credential's user can see (admins see everyone). Returns each user's UserId, which Assigned To, user filters and team members take.",
	fn: 'GetUsers',
	list: true,
});
