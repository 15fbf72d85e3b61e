import { startSandbox, type Sandbox } from '../index';
import {
	expectLacrmError,
	hmacHex,
	rawPost,
	startHookReceiver,
	type HookReceiver,
	type Body,
	callOk,
	person,
	DOCUMENTED_EVENTS,
	eventParams,
} from './helpers';

/** Webhooks: the X-Hook-Secret handshake, signed deliveries, scopes, payloads, retries and archiving. */

const ADMIN = '100001';
const SAM = '100002';
let sandbox: Sandbox;
const receivers: HookReceiver[] = [];

const ok = (fn: string, params: object = {}, auth: { apiKey?: string } = {}) =>
	callOk(sandbox, fn, params, auth);

async function receiver(opts: Parameters<typeof startHookReceiver>[0] = {}): Promise<HookReceiver> {
	const r = await startHookReceiver(opts);
	receivers.push(r);
	return r;
}

async function subscribe(
	r: HookReceiver,
	events: string[],
	scope: 'User' | 'Account' = 'Account',
	apiKey?: string,
): Promise<string> {
	return (
		await ok(
			'CreateWebhook',
			{ EndpointUrl: r.url, WebhookScope: scope, Events: events },
			{ apiKey },
		)
	).WebhookId;
}

beforeEach(async () => {
	sandbox = await startSandbox({ webhookRetry: { maxAttempts: 3, baseDelayMs: 20 } });
});

afterEach(async () => {
	await sandbox.stop();
	for (const r of receivers.splice(0)) await r.close();
});

describe('handshake', () => {
	it('CreateWebhook posts X-Hook-Secret to the endpoint and succeeds when it is echoed', async () => {
		const r = await receiver();
		const id = await subscribe(r, ['Contact.Create']);
		expect(r.handshakes).toBe(1);
		expect(r.secret).toMatch(/^[0-9a-f]{64}$/);
		const hook = await ok('GetWebhook', { WebhookId: id });
		expect(hook).toEqual({
			WebhookId: id,
			EndpointUrl: r.url,
			LastSendDate: null,
			SubscribedEvents: ['Contact.Create'],
			DateArchived: null,
		});
	});

	it.each([
		['does not echo the header', { echo: false }, /did not echo/],
		['echoes a different value', { wrongSecret: true }, /did not echo/],
		['answers non-2xx', { handshakeStatus: 500 }, /HTTP 500/],
	])('fails with 400 when the endpoint %s, and creates nothing', async (_what, opts, pattern) => {
		const r = await receiver(opts);
		const res = await sandbox.call('CreateWebhook', {
			EndpointUrl: r.url,
			WebhookScope: 'Account',
			Events: ['Contact.Create'],
		});
		expectLacrmError(res, 400, pattern);
		expect(r.handshakes).toBe(1);
		expect(await ok('GetWebhooks', { IncludeArchived: true })).toEqual([]);
	});

	it('with requireHttpsWebhooks, refuses an http:// endpoint as LACRM does, before any handshake', async () => {
		const strict = await startSandbox({ requireHttpsWebhooks: true });
		try {
			const r = await receiver();
			expect(r.url).toMatch(/^http:/);
			const res = await strict.call('CreateWebhook', {
				EndpointUrl: r.url,
				WebhookScope: 'Account',
				Events: ['Contact.Create'],
			});
			expectLacrmError(res, 400, /must be an https:\/\/ URL/);
			expect(r.handshakes).toBe(0);
			expect((await strict.call('GetWebhooks', { IncludeArchived: true })).body).toEqual([]);
		} finally {
			await strict.stop();
		}
		// Without the switch (the default) local http receivers keep working.
		expect(await subscribe(await receiver(), ['Contact.Create'])).toMatch(/^\d{31}$/);
	});

	it('fails with 400 when the endpoint is unreachable or the URL is not http(s)', async () => {
		const r = await receiver();
		const url = r.url;
		await r.close();
		expectLacrmError(
			await sandbox.call('CreateWebhook', {
				EndpointUrl: url,
				WebhookScope: 'Account',
				Events: ['Contact.Create'],
			}),
			400,
			/could not reach/,
		);
		expectLacrmError(
			await sandbox.call('CreateWebhook', {
				EndpointUrl: 'ftp://x.example/',
				WebhookScope: 'Account',
				Events: ['Contact.Create'],
			}),
			400,
			/https/,
		);
		expectLacrmError(
			await sandbox.call('CreateWebhook', {
				EndpointUrl: 'https://x.example/',
				WebhookScope: 'Account',
				Events: ['Contact.Created'],
			}),
			400,
			/not a valid value for 'Events'/,
		);
	});
});

describe('deliveries', () => {
	it('are signed: X-Hook-Signature = lowercase hex HMAC-SHA256 of the raw body with the handshake secret', async () => {
		const r = await receiver();
		await subscribe(r, ['Contact.Create']);
		const { ContactId } = await ok(
			'CreateContact',
			person('Signed Sally', { Email: 'sally@example.com' }),
		);
		await sandbox.flushWebhooks();
		expect(r.deliveries).toHaveLength(1);
		const d = r.deliveries[0];
		expect(d.headers['x-hook-signature']).toBe(hmacHex(r.secret as string, d.raw));
		expect(d.headers['x-hook-signature']).toMatch(/^[0-9a-f]{64}$/);
		expect(d.headers['content-type']).toMatch(/application\/json/);
		expect(d.body.UserId).toBe(ADMIN);
		expect(d.body.TriggeringEvent).toBe('Contact.Create');
		const contact = (d.body.Contacts as Body[])[0];
		expect(contact).toEqual(await ok('GetContact', { ContactId }));
		// A receiver comparing against a different secret would reject it.
		expect(hmacHex('wrong-secret', d.raw)).not.toBe(d.headers['x-hook-signature']);
	});

	it('arrive asynchronously, after the API call has answered', async () => {
		const r = await receiver();
		r.delayMs = 400;
		await subscribe(r, ['Contact.Create']);
		const started = Date.now();
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Async Andy' });
		expect(Date.now() - started).toBeLessThan(350);
		await sandbox.flushWebhooks();
		expect(r.deliveries).toHaveLength(1);
	});

	it('only subscribed events are delivered; LastSendDate is set', async () => {
		const r = await receiver();
		const id = await subscribe(r, ['Event.Create']);
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Not Delivered' });
		await ok(
			'CreateEvent',
			eventParams('Delivered', '2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z'),
		);
		await sandbox.flushWebhooks();
		expect(r.deliveries.map((d) => d.body.TriggeringEvent)).toEqual(['Event.Create']);
		expect((await ok('GetWebhook', { WebhookId: id })).LastSendDate).toEqual(expect.any(String));
	});

	it("WebhookScope User = only the owner's actions; Account = anyone's", async () => {
		const userScoped = await receiver();
		const accountScoped = await receiver();
		await subscribe(userScoped, ['Contact.Create'], 'User');
		await subscribe(accountScoped, ['Contact.Create'], 'Account');
		await ok(
			'CreateContact',
			{ IsCompany: false, AssignedTo: SAM, Name: 'By Sam' },
			{ apiKey: sandbox.apiKeyFor(SAM) },
		);
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'By Jane' });
		await sandbox.flushWebhooks();
		const names = (r: HookReceiver) =>
			r.deliveries.map((d) => `${d.body.UserId}:${(d.body.Contacts as Body[])[0].Name.FirstName}`);
		expect(names(userScoped)).toEqual([`${ADMIN}:By`]);
		expect(names(accountScoped).sort()).toEqual([`${ADMIN}:By`, `${SAM}:By`]);
		expect(accountScoped.deliveries.map((d) => d.body.UserId).sort()).toEqual([ADMIN, SAM]);
	});

	it("delivers LACRM's seven documented events with their documented payloads, and nothing for other changes", async () => {
		const r = await receiver();
		await subscribe(r, DOCUMENTED_EVENTS);
		const { ContactId } = await ok('CreateContact', person('Every Event'));
		// Changes LACRM sends no webhook for (REFERENCE §13.3): edits, deletions, group removals.
		await ok('EditContact', { ContactId, 'Job Title': 'Tester' });
		const { EventId } = await ok(
			'CreateEvent',
			eventParams('E', '2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z'),
		);
		await ok('EditEvent', { EventId, Name: 'E2' });
		await ok('DeleteEvent', { EventId });
		const group = (await ok('GetGroups')).Results[0];
		await ok('CreateGroupMembership', { ContactId, GroupId: group.GroupId });
		await ok('DeleteGroupMembership', { ContactId, GroupId: group.GroupId });
		const sales = (await ok('GetPipelines')).find((p: Body) => p.Name === 'Sales Leads');
		const { PipelineItemId } = await ok('CreatePipelineItem', {
			ContactId,
			PipelineId: sales.PipelineId,
			StatusId: sales.Statuses[0].StatusId,
			Hunter: 'H',
		});
		await ok('EditPipelineItem', { PipelineItemId, StatusId: sales.Statuses[1].StatusId });
		await ok('DeletePipelineItem', { PipelineItemId });
		await ok('DeleteContact', { ContactId });
		await sandbox.flushWebhooks();

		const byEvent = new Map<string, Body>();
		for (const d of r.deliveries)
			if (!byEvent.has(d.body.TriggeringEvent as string))
				byEvent.set(d.body.TriggeringEvent as string, d.body);
		expect(r.deliveries.map((d) => d.body.TriggeringEvent)).toEqual(DOCUMENTED_EVENTS);
		// Documented keys: UserId and TriggeringEvent, plus the event's own.
		for (const [event, keys] of Object.entries({
			'Contact.Create': ['Contacts'],
			'Event.Create': ['Event'],
			'Event.Update': ['Event'],
			'Event.Delete': ['EventId'],
			'GroupMembership.Create': ['Contacts', 'Group'],
			'PipelineItemStatus.Create': ['PipelineItems'],
			'PipelineItemStatus.Update': ['PipelineItems'],
		}))
			expect(Object.keys(byEvent.get(event)).sort()).toEqual(
				['TriggeringEvent', 'UserId', ...keys].sort(),
			);
		expect(byEvent.get('Contact.Create').Contacts[0].ContactId).toBe(ContactId);
		expect(byEvent.get('Event.Create').Event.EventId).toBe(EventId);
		expect(byEvent.get('Event.Update').Event.Name).toBe('E2');
		expect(byEvent.get('Event.Delete')).toEqual({
			UserId: ADMIN,
			TriggeringEvent: 'Event.Delete',
			EventId,
		});
		expect(byEvent.get('GroupMembership.Create').Group.GroupId).toBe(group.GroupId);
		expect(byEvent.get('GroupMembership.Create').Contacts[0].ContactId).toBe(ContactId);
		expect(byEvent.get('PipelineItemStatus.Create').PipelineItems[0]).toMatchObject({
			PipelineItemId,
			Hunter: 'H',
			StatusId: sales.Statuses[0].StatusId,
		});
		expect(byEvent.get('PipelineItemStatus.Update').PipelineItems[0].StatusId).toBe(
			sales.Statuses[1].StatusId,
		);
		// Every delivery is signed with the same secret.
		for (const d of r.deliveries)
			expect(d.headers['x-hook-signature']).toBe(hmacHex(r.secret as string, d.raw));
	});

	it('refuses to subscribe to event names LACRM does not document', async () => {
		const r = await receiver();
		for (const event of [
			'Contact.Update',
			'Contact.Delete',
			'GroupMembership.Delete',
			'PipelineItemStatus.Delete',
			'PublicForm.Submit',
		]) {
			const { status, body } = await sandbox.call('CreateWebhook', {
				EndpointUrl: r.url,
				WebhookScope: 'Account',
				Events: ['Contact.Create', event],
			});
			expect(status).toBe(400);
			expect(JSON.stringify(body)).toContain(event);
		}
		expect(r.handshakes).toBe(0);
	});

	it('a public form submission arrives as Contact.Create (LACRM has no form event)', async () => {
		const r = await receiver();
		await subscribe(r, ['Contact.Create']);
		const res = await rawPost(
			`${sandbox.url}/_sandbox/forms/${encodeURIComponent('Newsletter Signup')}/submit`,
			JSON.stringify({ Email: 'news@example.com' }),
			{ 'Content-Type': 'application/json' },
		);
		expect(res.status).toBe(200);
		await sandbox.flushWebhooks();
		expect(r.deliveries).toHaveLength(1);
		expect(r.deliveries[0].body).toMatchObject({
			TriggeringEvent: 'Contact.Create',
			Contacts: [expect.objectContaining({ ContactId: res.body.ContactId })],
		});
		expect(
			(await ok('GetContact', { ContactId: res.body.ContactId as string })).Email[0].Text,
		).toBe('news@example.com');
	});
});

describe('retries and archiving', () => {
	it('a failing endpoint is retried with back-off, then the webhook is archived and gets nothing more', async () => {
		const r = await receiver();
		const id = await subscribe(r, ['Contact.Create']);
		r.deliveryStatus = 500;
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Retry One' });
		await sandbox.flushWebhooks();
		expect(r.deliveries).toHaveLength(3);
		const log = sandbox.counters().webhookDeliveries.filter((d) => d.webhookId === id);
		expect(log.map((d) => [d.event, d.attempt, d.status, d.ok])).toEqual([
			['Contact.Create', 1, 500, false],
			['Contact.Create', 2, 500, false],
			['Contact.Create', 3, 500, false],
		]);
		const hook = await ok('GetWebhook', { WebhookId: id });
		expect(hook.DateArchived).toEqual(expect.any(String));
		expect(await ok('GetWebhooks')).toEqual([]);
		expect(
			(await ok('GetWebhooks', { IncludeArchived: true })).map((w: Body) => w.WebhookId),
		).toEqual([id]);

		r.deliveryStatus = 200;
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'After Archive' });
		await sandbox.flushWebhooks();
		expect(r.deliveries).toHaveLength(3);
	});

	it('a delivery that succeeds on a retry keeps the webhook active', async () => {
		const r = await receiver();
		const id = await subscribe(r, ['Contact.Create']);
		r.statusSequence = [503];
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Second Time Lucky' });
		await sandbox.flushWebhooks();
		expect(r.deliveries).toHaveLength(2);
		expect(r.deliveries[0].raw.equals(r.deliveries[1].raw)).toBe(true);
		const log = sandbox.counters().webhookDeliveries.filter((d) => d.webhookId === id);
		expect(log.map((d) => [d.attempt, d.status, d.ok])).toEqual([
			[1, 503, false],
			[2, 200, true],
		]);
		expect((await ok('GetWebhook', { WebhookId: id })).DateArchived).toBeNull();
	});

	it('connection errors count as failures', async () => {
		const r = await receiver();
		const id = await subscribe(r, ['Contact.Create']);
		await r.close();
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Nobody Home' });
		await sandbox.flushWebhooks();
		const log = sandbox.counters().webhookDeliveries.filter((d) => d.webhookId === id);
		expect(log).toHaveLength(3);
		expect(log.every((d) => d.status === null && !d.ok && typeof d.error === 'string')).toBe(true);
		expect((await ok('GetWebhook', { WebhookId: id })).DateArchived).toEqual(expect.any(String));
	});

	it('DeleteWebhook stops deliveries', async () => {
		const r = await receiver();
		const id = await subscribe(r, ['Contact.Create']);
		await ok('DeleteWebhook', { WebhookId: id });
		await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Unheard' });
		await sandbox.flushWebhooks();
		expect(r.deliveries).toEqual([]);
		expectLacrmError(await sandbox.call('GetWebhook', { WebhookId: id }), 400);
	});

	it('users see their own webhooks; admins see all', async () => {
		const r = await receiver();
		const samsHook = await subscribe(r, ['Contact.Create'], 'User', sandbox.apiKeyFor(SAM));
		expect(
			(await ok('GetWebhooks', {}, { apiKey: sandbox.apiKeyFor('100003') })).map(
				(w: Body) => w.WebhookId,
			),
		).toEqual([]);
		expect(
			(await ok('GetWebhooks', {}, { apiKey: sandbox.apiKeyFor(SAM) })).map(
				(w: Body) => w.WebhookId,
			),
		).toEqual([samsHook]);
		expect((await ok('GetWebhooks')).map((w: Body) => w.WebhookId)).toEqual([samsHook]);
	});
});
