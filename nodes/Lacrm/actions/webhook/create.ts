import { choice } from '../fields';
import type { OperationDefinition } from '../operation';
import { endpointUrlField, eventsField } from './fields';

export const create: OperationDefinition = {
	operation: 'create',
	name: 'Create',
	action: 'Create a webhook',
	description:
		'Register a URL that LACRM posts chosen events to (https; the endpoint must echo the X-Hook-Secret handshake during this call). Webhooks cannot be edited: delete and create again. To trigger n8n workflows, use the Less Annoying CRM Trigger node instead. Returns the new WebhookId.',
	fn: 'CreateWebhook',
	fields: [
		endpointUrlField,
		choice({
			key: 'WebhookScope',
			displayName: 'Scope',
			name: 'webhookScope',
			required: true,
			choices: [
				{
					name: 'Account',
					value: 'Account',
					description: 'Changes made by any user of the account (that the credential may see)',
				},
				{ name: 'User', value: 'User', description: "Only changes made by the credential's user" },
			],
			default: 'User',
			description: 'Whose changes send events',
		}),
		eventsField,
	],
	output: (result) => ({ WebhookId: result.WebhookId }),
};
