/** Webhook fields, described once for create, delete and get. */
import { unsupportedWebhookEvent, WEBHOOK_EVENTS } from '../../helpers/webhookEvents';
import type { Field } from '../../helpers/fieldBuilders';
import { fieldError, uid } from '../../helpers/fieldBuilders';

export const webhookIdField = uid({
	key: 'WebhookId',
	displayName: 'Webhook',
	name: 'webhookId',
	locator: 'webhook',
	required: true,
	description: 'The webhook. Its WebhookId comes from Webhook → Get Many or Create.',
});

export const endpointUrlField: Field<'EndpointUrl'> = {
	key: 'EndpointUrl',
	property: {
		displayName: 'Endpoint URL',
		name: 'endpointUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/hooks/lacrm',
		description:
			'Where LACRM posts the events. LACRM requires https, and while creating the webhook it sends the endpoint an X-Hook-Secret header that must be echoed back, or creation fails. To start n8n workflows from LACRM events, use the Less Annoying CRM Trigger node instead: it does all this itself.',
	},
	read: (raw, ctx) => {
		const label = 'Endpoint URL';
		const value = typeof raw === 'string' ? raw.trim() : raw;
		if (value === undefined || value === null || value === '')
			throw fieldError(ctx, label, 'it is required');
		if (typeof value !== 'string')
			throw fieldError(ctx, label, `expected a URL, got ${JSON.stringify(value)}`);
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			throw fieldError(ctx, label, `"${value}" is not a URL`);
		}
		if (url.protocol !== 'https:' && url.protocol !== 'http:') {
			throw fieldError(
				ctx,
				label,
				`"${value}" is not an http(s) URL`,
				'LACRM delivers webhooks to https URLs.',
			);
		}
		return value;
	},
};

export const eventsField: Field<'Events'> = {
	key: 'Events',
	property: {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: WEBHOOK_EVENTS,
		default: [],
		required: true,
		description:
			'The events LACRM sends to the endpoint. LACRM sends webhooks for these seven events only: for contact or company edits, or pipeline item edits, use the Less Annoying CRM Polling Trigger.',
	},
	read: (raw, ctx) => {
		const label = 'Events';
		const allowed = WEBHOOK_EVENTS.map((event) => event.value as string);
		const list = Array.isArray(raw)
			? raw
			: typeof raw === 'string' && raw.trim() !== ''
				? raw.split(',').map((entry) => entry.trim())
				: [];
		if (list.length === 0) throw fieldError(ctx, label, 'choose at least one event');
		for (const event of list) {
			if (!allowed.includes(String(event))) {
				throw fieldError(
					ctx,
					label,
					`"${String(event)}" is not one of ${[...allowed].sort().join(', ')}`,
					unsupportedWebhookEvent(String(event)),
				);
			}
		}
		return [...new Set(list.map(String))];
	},
};
