/**
 * LACRM's webhook handshake, handed from webhook() to create() inside this process.
 *
 * While create() waits for CreateWebhook, LACRM POSTs `X-Hook-Secret` to the endpoint and the
 * endpoint must echo it. That request reaches webhook() with its own copy of the workflow's
 * static data, and n8n saves the activation's copy after create() returns — a secret written from
 * webhook() would be overwritten (n8n's Asana trigger has this bug and disabled its signature
 * check). So webhook() only echoes the secret and hands it over here; create() stores it next to
 * the webhook id, in one write that n8n then persists.
 *
 * The hand-off is keyed by workflow and node, not by URL: while n8n listens for a test event,
 * create() sees the test URL (`/webhook-test/…`) but webhook() is always told the production URL
 * (n8n-core's WebhookContext.getNodeWebhookUrl ignores the test flag, in 1.x and 2.x alike).
 * The workflow id and the node's webhook id (the path segment both URLs share) are the same on
 * both sides.
 *
 * This works when the process that runs create() also serves the handshake: n8n's regular mode,
 * and queue mode unless production webhooks go to separate webhook processes. When the secret
 * does not arrive, create() removes the half-made webhook and says why.
 */
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

interface PendingHandshake {
	secret?: string;
}

const pending = new Map<string, PendingHandshake>();

/** Identical in create() (hook context) and webhook() (webhook context), test or production. */
export function handshakeKey(ctx: IHookFunctions | IWebhookFunctions): string {
	const node = ctx.getNode();
	return `${ctx.getWorkflow().id ?? ''}/${node.webhookId ?? node.name}`;
}

/** Called by create() before CreateWebhook: start listening for this node's handshake. */
export function expectHandshake(key: string): {
	secret: () => string | undefined;
	done: () => void;
} {
	const entry: PendingHandshake = {};
	pending.set(key, entry);
	return {
		secret: () => entry.secret,
		done: () => {
			if (pending.get(key) === entry) pending.delete(key);
		},
	};
}

/** Called by webhook() when LACRM's handshake arrives; true when create() is waiting for it here. */
export function receiveHandshake(key: string, secret: string): boolean {
	const entry = pending.get(key);
	if (!entry) return false;
	entry.secret = secret;
	return true;
}
