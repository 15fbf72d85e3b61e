import { ApiError, notFound } from '../core/errors';
import { formatNullableDateTime } from '../core/dates';
import type { Webhook } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';

/**
 * Webhook management. CreateWebhook performs the X-Hook-Secret handshake synchronously — the
 * call only succeeds if the endpoint echoes the header (REFERENCE §13.2). http:// endpoints are
 * accepted here although LACRM requires https, so local receivers work, unless the sandbox runs
 * with `requireHttpsWebhooks` (the handshake refuses them). Webhooks cannot be edited.
 */

export function serializeWebhook(w: Webhook): Record<string, unknown> {
	return {
		WebhookId: w.WebhookId,
		EndpointUrl: w.EndpointUrl,
		LastSendDate: formatNullableDateTime(w.LastSendDate),
		SubscribedEvents: [...w.SubscribedEvents],
		DateArchived: formatNullableDateTime(w.DateArchived),
	};
}

/** Admins see every webhook of the account; other users their own. */
function visibleWebhook(ctx: CallContext, id: string): Webhook {
	const w = ctx.store.webhooks.get(id);
	if (!w || (!ctx.user.IsAdmin && w.OwnerUserId !== ctx.user.UserId))
		throw notFound('webhook', 'WebhookId', id);
	return w;
}

async function CreateWebhook(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const endpointUrl = p.req('EndpointUrl').trim();
	let url: URL;
	try {
		url = new URL(endpointUrl);
	} catch {
		throw new ApiError(`invalid-url:${fn}`, `'EndpointUrl' is not a valid URL: ${endpointUrl}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ApiError(
			`invalid-url:${fn}`,
			`'EndpointUrl' must be an https:// URL (the sandbox also accepts http://).`,
		);
	}
	const events = [...new Set(p.strings('Events') ?? [])];
	if (events.length === 0)
		throw new ApiError(`missing-parameter:${fn}:Events`, `'Events' must list at least one event.`);
	const webhookId = store.newId();
	const secret = await ctx.handshake(endpointUrl, webhookId);
	const webhook: Webhook = {
		WebhookId: webhookId,
		EndpointUrl: endpointUrl,
		WebhookScope: p.req('WebhookScope') as Webhook['WebhookScope'],
		SubscribedEvents: events,
		OwnerUserId: ctx.user.UserId,
		Secret: secret,
		DateCreated: ctx.now,
		LastSendDate: null,
		DateArchived: null,
	};
	store.webhooks.set(webhook.WebhookId, webhook);
	return { WebhookId: webhook.WebhookId };
}

function GetWebhook(ctx: CallContext) {
	return serializeWebhook(visibleWebhook(ctx, ctx.p.req('WebhookId')));
}

/** A bare array; archived (disabled) webhooks only with IncludeArchived. */
function GetWebhooks(ctx: CallContext) {
	const archived = ctx.p.bool('IncludeArchived') === true;
	return [...ctx.store.webhooks.values()]
		.filter(
			(w) =>
				(ctx.user.IsAdmin || w.OwnerUserId === ctx.user.UserId) &&
				(archived || w.DateArchived === null),
		)
		.map(serializeWebhook);
}

/** Removes the webhook entirely: pending deliveries are dropped and GetWebhook no longer finds it. */
function DeleteWebhook(ctx: CallContext) {
	const w = visibleWebhook(ctx, ctx.p.req('WebhookId'));
	ctx.store.webhooks.delete(w.WebhookId);
	return NOTHING;
}

export const webhookFunctions: HandlerTable = {
	CreateWebhook,
	GetWebhook,
	GetWebhooks,
	DeleteWebhook,
};
