import type * as http from 'node:http';
import { ApiError } from './core/errors';
import { formatDateTime } from './core/dates';
import { readBody, sendJson } from './core/http';
import { submitForm } from './forms';
import type { SandboxRuntime } from './runtime';
import { ADMIN_USER_ID, SEED_USERS, seedBulkContacts } from './seed';
import type { FaultOptions, HoldOptions, ScriptedFault } from './types';

/**
 * /_sandbox/… — the test and benchmark controls over HTTP, for another process (the bench, a real
 * n8n user) that cannot call the programmatic API. Not part of LACRM; unauthenticated, because the
 * sandbox only listens on localhost.
 */

class ControlError extends Error {}

async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
	const text = (await readBody(req, 10 * 1024 * 1024)).toString('utf8').trim();
	if (text === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new ControlError('The body is not valid JSON.');
	}
}

function asObject(value: unknown): Record<string, unknown> {
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw new ControlError('The body must be a JSON object.');
	return value as Record<string, unknown>;
}

export function stateOf(rt: SandboxRuntime): Record<string, unknown> {
	const now = rt.clock.now();
	return {
		url: rt.url,
		clock: { now, iso: formatDateTime(now), offsetMs: rt.clock.offset },
		counters: rt.counters.snapshot(),
		faults: rt.faults.state(),
		holds: rt.barriers.state(),
		options: {
			seed: rt.options.seed,
			randomSeed: rt.options.randomSeed,
			consent: rt.options.consent,
			tokenEndpointJsonOnly: rt.options.tokenEndpointJsonOnly,
			expiredTokenStatus: rt.options.expiredTokenStatus,
			accessTokenTtlSeconds: rt.options.accessTokenTtlSeconds,
			refreshTokenTtlSeconds: rt.options.refreshTokenTtlSeconds,
			webhookRetry: rt.options.webhookRetry,
			unknownIdsInBulkReads: rt.options.unknownIdsInBulkReads,
		},
		records: {
			contacts: rt.store.contacts.size,
			pipelineItems: rt.store.pipelineItems.size,
			webhooks: rt.store.webhooks.size,
		},
	};
}

export async function handleControl(
	rt: SandboxRuntime,
	req: http.IncomingMessage,
	res: http.ServerResponse,
	url: URL,
): Promise<void> {
	const route = url.pathname.slice('/_sandbox/'.length).replace(/\/$/, '');
	const method = req.method ?? 'GET';
	try {
		if (method === 'GET' && route === 'state') return sendJson(res, 200, stateOf(rt));
		if (method === 'GET' && route === 'users') {
			return sendJson(
				res,
				200,
				SEED_USERS.map((u) => ({
					UserId: u.UserId,
					FirstName: u.FirstName,
					LastName: u.LastName,
					IsAdmin: u.IsAdmin,
					apiKey: rt.apiKeyFor(u.UserId),
				})),
			);
		}
		if (method !== 'POST')
			throw new ControlError(`Unknown control endpoint: ${method} /_sandbox/${route}`);
		const formMatch = /^forms\/([^/]+)\/submit$/.exec(route);
		if (formMatch) {
			const fields = asObject(await jsonBody(req));
			const submission = submitForm(
				rt.store,
				rt.clock.now(),
				decodeURIComponent(formMatch[1]),
				fields,
			);
			rt.webhooks.dispatch(
				rt.store,
				submission.events,
				submission.form.OwnerUserId,
				Promise.resolve(),
			);
			return sendJson(res, 200, {
				FormId: submission.form.FormId,
				SubmissionId: submission.submissionId,
				ContactId: submission.contactId,
			});
		}
		switch (route) {
			case 'reset':
				rt.reset();
				return sendJson(res, 200, { ok: true });
			case 'reset-counters':
				rt.counters.reset();
				return sendJson(res, 200, { ok: true });
			case 'faults':
				rt.faults.set(asObject(await jsonBody(req)) as FaultOptions);
				return sendJson(res, 200, rt.faults.state());
			case 'script-faults': {
				const body = await jsonBody(req);
				const list = Array.isArray(body) ? body : asObject(body).faults;
				if (!Array.isArray(list))
					throw new ControlError('Send an array of scripted faults (or {"faults": [...]}).');
				rt.faults.script(list as ScriptedFault[]);
				return sendJson(res, 200, rt.faults.state());
			}
			case 'hold-calls':
				rt.barriers.hold(asObject(await jsonBody(req)) as unknown as HoldOptions);
				return sendJson(res, 200, { holds: rt.barriers.state() });
			case 'clear-holds':
				rt.barriers.releaseAll();
				return sendJson(res, 200, { holds: rt.barriers.state() });
			case 'clear-faults':
				rt.faults.clear();
				return sendJson(res, 200, rt.faults.state());
			case 'clock': {
				const body = asObject(await jsonBody(req));
				if (body.advanceMs !== undefined) {
					if (typeof body.advanceMs !== 'number')
						throw new ControlError('advanceMs must be a number of milliseconds.');
					rt.clock.advance(body.advanceMs);
				} else if (body.set !== undefined) {
					const target = typeof body.set === 'string' ? Date.parse(body.set) : body.set;
					if (typeof target !== 'number' || Number.isNaN(target))
						throw new ControlError('set must be epoch milliseconds or an ISO date string.');
					rt.clock.set(target);
				} else {
					throw new ControlError('Send {"advanceMs": n} or {"set": epochMs | ISO string}.');
				}
				const now = rt.clock.now();
				return sendJson(res, 200, { now, iso: formatDateTime(now) });
			}
			case 'expire-tokens': {
				const { status } = asObject(await jsonBody(req));
				if (status !== undefined && status !== 400 && status !== 401)
					throw new ControlError('status must be 400 or 401.');
				rt.oauth.expireAccessTokens({ status });
				return sendJson(res, 200, { ok: true });
			}
			case 'seed-contacts': {
				const body = asObject(await jsonBody(req));
				const n = body.n;
				const companies = body.companies;
				if (typeof n !== 'number')
					throw new ControlError('Send {"n": number, "companies"?: number}.');
				const started = Date.now();
				seedBulkContacts(rt.store, rt.clock.now(), n, {
					companies: typeof companies === 'number' ? companies : undefined,
				});
				return sendJson(res, 200, {
					ok: true,
					contacts: rt.store.contacts.size,
					ms: Date.now() - started,
				});
			}
			case 'issue-tokens': {
				const body = asObject(await jsonBody(req));
				const userId = typeof body.userId === 'string' ? body.userId : ADMIN_USER_ID;
				if (!rt.store.users.has(userId)) throw new ControlError(`No user ${userId}.`);
				return sendJson(res, 200, rt.oauth.issueGrant(userId));
			}
			case 'flush-webhooks':
				await rt.webhooks.flush();
				return sendJson(res, 200, { ok: true });
			default:
				throw new ControlError(`Unknown control endpoint: POST /_sandbox/${route}`);
		}
	} catch (err) {
		if (err instanceof ControlError || err instanceof TypeError || err instanceof ApiError) {
			sendJson(res, 400, { error: err.message });
			return;
		}
		throw err;
	}
}
