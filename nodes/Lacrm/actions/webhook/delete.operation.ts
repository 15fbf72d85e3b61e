import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { webhookIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Delete a webhook by WebhookId; LACRM stops sending events to its URL',
	fn: 'DeleteWebhook',
	fields: [webhookIdField],
	output: reportDone('WebhookId', 'deleted'),
});
