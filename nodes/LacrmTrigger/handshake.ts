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
 * This works when the process that runs create() also serves the handshake: n8n's regular mode,
 * and queue mode unless production webhooks go to separate webhook processes. When the secret
 * does not arrive, create() removes the half-made webhook and says why.
 */

interface PendingHandshake {
	secret?: string;
}

const pending = new Map<string, PendingHandshake>();

/** Called by create() before CreateWebhook: start listening for this endpoint's handshake. */
export function expectHandshake(endpointUrl: string): {
	secret: () => string | undefined;
	done: () => void;
} {
	const entry: PendingHandshake = {};
	pending.set(endpointUrl, entry);
	return {
		secret: () => entry.secret,
		done: () => {
			if (pending.get(endpointUrl) === entry) pending.delete(endpointUrl);
		},
	};
}

/** Called by webhook() when LACRM's handshake arrives; true when create() is waiting for it here. */
export function receiveHandshake(endpointUrl: string, secret: string): boolean {
	const entry = pending.get(endpointUrl);
	if (!entry) return false;
	entry.secret = secret;
	return true;
}
