import { lacrmRefusesEndpoint } from '../../helpers/endpointUrl';
import { choice, fieldError } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { parametersFor } from '../router';
import { endpointUrlField, eventsField } from './fields';

export const create = defineOperation({
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
	async run(prepared) {
		const endpointUrl = String(prepared.parameters.EndpointUrl);
		const credentials = await this.exec.getCredentials(this.client.credentialType, this.itemIndex);
		if (lacrmRefusesEndpoint(endpointUrl, credentials.baseUrl)) {
			// Before any request: LACRM would refuse it, after a round trip and with less to go on.
			throw fieldError(
				{ node: this.exec.getNode(), itemIndex: this.itemIndex },
				'Endpoint URL',
				`"${endpointUrl}" is http; LACRM only delivers webhooks to https:// URLs`,
				"Use the endpoint's https:// address. (http is only accepted when the credential's API Base URL points somewhere other than LACRM, e.g. the local sandbox.)",
			);
		}
		const result = await this.client.call(
			'CreateWebhook',
			parametersFor('CreateWebhook', prepared.parameters),
			{
				itemIndex: this.itemIndex,
			},
		);
		return { WebhookId: result.WebhookId };
	},
});
