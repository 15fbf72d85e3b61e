import { defineOperation } from '../../helpers/operation';
import { webhookIdField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a webhook',
	description:
		'Get one webhook by WebhookId: its URL, subscribed events, last delivery date and whether it is archived',
	fn: 'GetWebhook',
	fields: [webhookIdField],
});
