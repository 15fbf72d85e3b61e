import { boolean } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { readOptionFields } from '../../helpers/teams';

const includeArchived = boolean({
	key: 'IncludeArchived',
	displayName: 'Include Archived',
	name: 'includeArchived',
	description: 'Whether to include deleted or disabled webhooks',
});

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many webhooks',
	description: "List the account's webhooks with their WebhookId, URL and subscribed events",
	fn: 'GetWebhooks',
	list: true,
	options: [includeArchived.property],
	prepare: (input, prepared) => readOptionFields(input, prepared, [includeArchived]),
});
