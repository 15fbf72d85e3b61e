import { defineOperation } from '../../helpers/operation';
import { webhookIdField } from './fields';
import { reportDone } from '../../helpers/edits';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Delete a webhook by WebhookId; LACRM stops sending events to its URL',
	fn: 'DeleteWebhook',
	fields: [webhookIdField],
	output: reportDone('WebhookId', 'deleted'),
});
