import { httpRequest } from './core/http';
import { submitForm } from './forms';
import { SandboxRuntime } from './runtime';
import { ADMIN_USER_ID, SEED_USERS, seedBulkContacts } from './seed';
import type { Sandbox, SandboxOptions } from './types';

/**
 * A local, in-memory Less Annoying CRM (API v2 + OAuth) for tests, demos and benchmarks.
 *
 *   const sandbox = await startSandbox();          // free port, demo data, quiet
 *   await sandbox.call('GetUser');                  // → { status: 200, body: { UserId: '100001', … } }
 *   await sandbox.stop();
 */

export type {
	CallHold,
	FaultOptions,
	HoldOptions,
	HoldOutcome,
	Sandbox,
	SandboxCounters,
	SandboxOptions,
	SandboxUser,
	ScriptedFault,
	TokenResponse,
	WebhookDeliveryRecord,
	WebhookRetryOptions,
} from './types';
export { DEFAULTS as SANDBOX_DEFAULTS } from './runtime';

/** The port `npm run sandbox` uses when neither --port nor SANDBOX_PORT is given. */
export const DEFAULT_CLI_PORT = 8765;

async function authorizeOverHttp(
	rt: SandboxRuntime,
	params: Record<string, string>,
): Promise<{ code: string; state?: string }> {
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: rt.options.clientId,
		...params,
	});
	let res = await httpRequest(`${rt.url}/oauth/authorize.php?${query}`);
	if (res.status === 200 && String(res.headers['content-type']).startsWith('text/html')) {
		// Consent page: press "Allow" the way a browser would, by posting the form back.
		const form = new URLSearchParams(query);
		form.set('decision', 'allow');
		res = await httpRequest(`${rt.url}/oauth/authorize.php`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
		});
	}
	const location = res.headers.location;
	if (res.status !== 302 || !location) {
		throw new Error(`authorize failed: HTTP ${res.status} ${res.body.toString('utf8')}`);
	}
	const target = new URL(location);
	const error = target.searchParams.get('error');
	if (error) {
		throw Object.assign(
			new Error(
				`authorize failed: ${error}: ${target.searchParams.get('error_description') ?? ''}`,
			),
			{
				error,
				state: target.searchParams.get('state') ?? undefined,
				location,
			},
		);
	}
	const code = target.searchParams.get('code');
	if (!code) throw new Error(`authorize redirect carries no code: ${location}`);
	const state = target.searchParams.get('state');
	return state === null ? { code } : { code, state };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const rt = new SandboxRuntime(options);
	await rt.listen();
	const o = rt.options;
	return {
		url: rt.url,
		apiUrl: `${rt.url}/v2/`,
		authorizeUrl: `${rt.url}/oauth/authorize.php`,
		tokenUrl: `${rt.url}/oauth/token.php`,
		clientId: o.clientId,
		clientSecret: o.clientSecret,
		redirectUrl: o.redirectUrl,
		apiKey: o.apiKey,
		stop: () => rt.stop(),
		reset: () => rt.reset(),
		setFaults: (f) => rt.faults.set(f),
		scriptFaults: (list) => rt.faults.script(list),
		clearFaults: () => rt.faults.clear(),
		holdCalls: (options) => rt.barriers.hold(options),
		clearHolds: () => rt.barriers.releaseAll(),
		clock: {
			now: () => rt.clock.now(),
			advance: (ms) => rt.clock.advance(ms),
			set: (epochMs) => rt.clock.set(epochMs),
		},
		counters: () => rt.counters.snapshot(),
		resetCounters: () => rt.counters.reset(),
		authorize: (params = {}) => authorizeOverHttp(rt, params),
		issueTokens: (userId = ADMIN_USER_ID) => {
			if (!rt.store.users.has(userId)) throw new Error(`issueTokens: no user ${userId}`);
			return rt.oauth.issueGrant(userId);
		},
		expireAccessTokens: (options) => rt.oauth.expireAccessTokens(options),
		apiKeyFor: (userId) => rt.apiKeyFor(userId),
		users: () =>
			SEED_USERS.map((u) => ({
				UserId: u.UserId,
				FirstName: u.FirstName,
				LastName: u.LastName,
				IsAdmin: u.IsAdmin,
			})),
		seedContacts: (n, opts) => seedBulkContacts(rt.store, rt.clock.now(), n, opts),
		call: async (fn, params = {}, auth = {}) => {
			const authorization =
				auth.accessToken !== undefined ? `Bearer ${auth.accessToken}` : (auth.apiKey ?? o.apiKey);
			const res = await httpRequest(`${rt.url}/v2/`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Authorization: authorization },
				body: JSON.stringify({ Function: fn, Parameters: params }),
			});
			const text = res.body.toString('utf8');
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// not JSON (a scripted text body): hand back the text
			}
			return { status: res.status, body };
		},
		flushWebhooks: () => rt.webhooks.flush(),
		submitPublicForm: async (formName, fields) => {
			const submission = submitForm(rt.store, rt.clock.now(), formName, fields);
			rt.webhooks.dispatch(
				rt.store,
				submission.events,
				submission.form.OwnerUserId,
				Promise.resolve(),
			);
		},
	};
}
