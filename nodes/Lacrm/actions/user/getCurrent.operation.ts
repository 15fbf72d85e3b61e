import { defineOperation } from '../../helpers/operation';

export const getCurrent = defineOperation({
	operation: 'getCurrent',
	name: 'Get Current',
	action: 'Get the current user',
	description:
		'Get the LACRM user whose API key or OAuth2 connection this node uses: UserId, name, email and time zone. Useful as the default owner or assignee.',
	fn: 'GetUser',
});
