import { defineOperation } from '../../helpers/operation';
import { webhookIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Delete a webhook by WebhookId; LACRM stops sending events to its URL',
	fn: 'DeleteWebhook',
	fields: [webhookIdField],
	output: (_result, prepared) => ({ WebhookId: prepared.parameters.WebhookId, deleted: true }),
});
