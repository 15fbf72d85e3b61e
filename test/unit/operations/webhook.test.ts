import nock from 'nock';

import { webhookResource } from '../../../nodes/Lacrm/actions/webhook';
import { byId, expectLacrmCall, LACRM_ORIGIN, runNode, uid } from '../helpers/runNode';

const resources = [webhookResource];
const HOOK = uid(1101);
const URL_ = 'https://example.com/hooks/lacrm';

const webhook = {
	WebhookId: HOOK,
	EndpointUrl: URL_,
	LastSendDate: '2025-12-22T21:35:09-08:00',
	SubscribedEvents: ['Contact.Create', 'PipelineItemStatus.Create'],
	DateArchived: null,
};

function anyCall() {
	return nock(LACRM_ORIGIN).post('/v2/').reply(200, {});
}

describe('Webhook → Create', () => {
	it('sends CreateWebhook with URL, scope and events, and outputs the WebhookId', async () => {
		const scope = expectLacrmCall(
			'CreateWebhook',
			{
				EndpointUrl: URL_,
				WebhookScope: 'Account',
				Events: ['Contact.Create', 'PipelineItemStatus.Update'],
			},
			{ WebhookId: HOOK },
		);
		const { json, items, error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: {
				endpointUrl: URL_,
				webhookScope: 'Account',
				events: ['Contact.Create', 'PipelineItemStatus.Update'],
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{
				WebhookId: HOOK,
				EndpointUrl: URL_,
				WebhookScope: 'Account',
				Events: ['Contact.Create', 'PipelineItemStatus.Update'],
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('defaults to the user scope', async () => {
		const scope = expectLacrmCall(
			'CreateWebhook',
			{ EndpointUrl: URL_, WebhookScope: 'User', Events: ['Event.Delete'] },
			{ WebhookId: HOOK },
		);
		const { error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: URL_, events: ['Event.Delete'] },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an endpoint that is not an http(s) URL, before sending anything', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: 'ftp://example.com/hook', events: ['Contact.Create'] },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Endpoint URL": "ftp://example.com/hook" is not an http(s) URL',
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses text that is not a URL', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: 'example.com/hook', events: ['Contact.Create'] },
			resources,
		});
		expect(error?.message).toBe('Invalid "Endpoint URL": "example.com/hook" is not a URL');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses an event LACRM does not know', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: URL_, events: '={{ ["Contact.Create", "Contact.Edit"] }}' },
			resources,
		});
		expect(error?.message).toMatch(
			/^Invalid "Events": "Contact.Edit" is not one of Contact.Create, /,
		);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses no events', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: URL_, events: '={{ [] }}' },
			resources,
		});
		expect(error?.message).toBe('Invalid "Events": choose at least one event');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Webhook → Delete', () => {
	it('sends DeleteWebhook and outputs WebhookId + deleted', async () => {
		const scope = expectLacrmCall('DeleteWebhook', { WebhookId: HOOK }, {});
		const { json, error } = await runNode({
			resource: 'webhook',
			operation: 'delete',
			parameters: { webhookId: byId(HOOK) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ WebhookId: HOOK, deleted: true }]);
	});
});

describe('Webhook → Get', () => {
	it('sends GetWebhook and outputs the webhook', async () => {
		const scope = expectLacrmCall('GetWebhook', { WebhookId: HOOK }, webhook);
		const { json, error } = await runNode({
			resource: 'webhook',
			operation: 'get',
			parameters: { webhookId: byId(HOOK) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([webhook]);
	});
});

describe('Webhook → Get Many', () => {
	it('sends GetWebhooks with IncludeArchived and outputs one item per webhook', async () => {
		const archived = {
			...webhook,
			WebhookId: uid(1102),
			DateArchived: '2025-12-23T10:00:00-08:00',
		};
		const scope = expectLacrmCall('GetWebhooks', { IncludeArchived: true }, [webhook, archived]);
		const { json, error } = await runNode({
			resource: 'webhook',
			operation: 'getAll',
			parameters: { returnAll: true, options: { includeArchived: true } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([webhook, archived]);
	});
});
