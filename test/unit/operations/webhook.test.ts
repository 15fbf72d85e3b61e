import nock from 'nock';

import { eventsField } from '../../../nodes/Lacrm/actions/webhook/fields';
import { HOOK, webhook, WEBHOOK_URL } from '../helpers/records';
import { runExpectingCall, runExpectingRefusal, runNode, uid } from '../helpers/runNode';

describe('Webhook → Create', () => {
	it('defaults to the user scope', async () => {
		await runExpectingCall(
			[
				'CreateWebhook',
				{ EndpointUrl: WEBHOOK_URL, WebhookScope: 'User', Events: ['Event.Delete'] },
				{ WebhookId: HOOK },
			],
			{
				resource: 'webhook',
				operation: 'create',
				parameters: { endpointUrl: WEBHOOK_URL, events: ['Event.Delete'] },
			},
		);
	});

	it('refuses an http endpoint against LACRM itself, before sending anything, and says why', async () => {
		const error = await runExpectingRefusal({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: 'http://example.com/hooks/lacrm', events: ['Contact.Create'] },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'Invalid "Endpoint URL": "http://example.com/hooks/lacrm" is http; LACRM only delivers webhooks to https:// URLs',
		);
		expect((error as { description?: string }).description).toMatch(/https:\/\/ address/);
	});

	it('sends an http endpoint when the API Base URL is not LACRM (the sandbox, a proxy)', async () => {
		const proxy = nock('http://127.0.0.1:9')
			.post('/v2/', {
				Function: 'CreateWebhook',
				Parameters: {
					EndpointUrl: 'http://127.0.0.1:5678/webhook/x',
					WebhookScope: 'User',
					Events: ['Contact.Create'],
				},
			})
			.reply(200, { WebhookId: HOOK });
		const { json, error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: 'http://127.0.0.1:5678/webhook/x', events: ['Contact.Create'] },
			credentialData: { baseUrl: 'http://127.0.0.1:9/v2/' },
		});
		expect(error).toBeUndefined();
		expect(proxy.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{
				WebhookId: HOOK,
				EndpointUrl: 'http://127.0.0.1:5678/webhook/x',
				WebhookScope: 'User',
				Events: ['Contact.Create'],
			},
		]);
	});

	it('offers exactly the seven events LACRM documents', () => {
		const events = eventsField.property.options as Array<{ value: string }>;
		expect(events.map((event) => event.value).sort()).toEqual([
			'Contact.Create',
			'Event.Create',
			'Event.Delete',
			'Event.Update',
			'GroupMembership.Create',
			'PipelineItemStatus.Create',
			'PipelineItemStatus.Update',
		]);
	});

	it.each([
		['Contact.Update', /Polling Trigger \("New or Updated Contact"/],
		['PublicForm.Submit', /choose "Contact or Company Created"/],
		['PipelineItemStatus.Delete', /no webhook when a pipeline item is deleted/],
	])('refuses %s, which LACRM does not send, and says what to use instead', async (event, hint) => {
		const error = await runExpectingRefusal({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: WEBHOOK_URL, events: ['Contact.Create', event] },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(
			new RegExp(`^Invalid "Events": "${event.replace('.', '\\.')}" is not one of`),
		);
		expect((error as { description?: string }).description).toMatch(hint);
	});
});

describe('Webhook → Get Many', () => {
	it('sends GetWebhooks with IncludeArchived and outputs one item per webhook', async () => {
		const archived = {
			...webhook,
			WebhookId: uid(1102),
			DateArchived: '2025-12-23T10:00:00-08:00',
		};
		const { json } = await runExpectingCall(
			['GetWebhooks', { IncludeArchived: true }, [webhook, archived]],
			{
				resource: 'webhook',
				operation: 'getAll',
				parameters: { returnAll: true, options: { includeArchived: true } },
			},
		);
		expect(json).toEqual([webhook, archived]);
	});
});
