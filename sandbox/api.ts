import type * as http from 'node:http';
import { ApiError, errorBody } from './core/errors';
import { BodyTooLargeError, headerValue, readBody, sendJson, sendText } from './core/http';
import { parseMultipart } from './core/multipart';
import { Params, type CallContext, type UploadedFile } from './functions/context';
import { MAX_FILE_BYTES } from './functions/files';
import { DISPATCH } from './functions';
import type { FaultDecision } from './faults';
import type { SandboxRuntime } from './runtime';
import type { User } from './store';
import { validateParameters } from './validation';
import type { EmittedEvent } from './webhookDelivery';

/**
 * POST /v2/ — LACRM's single API endpoint. Order of work for one call:
 *   read body → Function name → count → fault decision → latency → auth → validate → run →
 *   wait for a hold (holdCalls) → answer (or the after-commit fault) → release the call's
 *   webhook deliveries.
 * Faults are decided before authentication, as a gateway in front of the API would answer.
 */

/** A 50 MB file plus the other multipart parts and boundaries. */
const MAX_REQUEST_BYTES = MAX_FILE_BYTES + 1024 * 1024;

interface ParsedCall {
	fn: string;
	raw: Record<string, unknown>;
	upload?: UploadedFile;
}

function badRequest(kind: string, message: string): ApiError {
	return new ApiError(kind, message);
}

function parseParametersValue(value: unknown): Record<string, unknown> {
	// Parameters may be {}, [] (the PHP tutorial's empty array), missing, or a JSON string (multipart).
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'string') {
		try {
			return parseParametersValue(JSON.parse(value));
		} catch {
			throw badRequest('invalid-parameters-json', `'Parameters' is not valid JSON.`);
		}
	}
	if (Array.isArray(value)) {
		if (value.length === 0) return {};
		throw badRequest('invalid-parameters', `'Parameters' must be a JSON object.`);
	}
	if (typeof value !== 'object')
		throw badRequest('invalid-parameters', `'Parameters' must be a JSON object.`);
	return { ...(value as Record<string, unknown>) };
}

function parseCall(body: Buffer, contentType: string, query: URLSearchParams): ParsedCall {
	let fnValue: unknown;
	let raw: Record<string, unknown>;
	let upload: UploadedFile | undefined;
	if (contentType.toLowerCase().startsWith('multipart/form-data')) {
		const parts = parseMultipart(body, contentType);
		raw = {};
		for (const part of parts) {
			if (part.name === 'File') {
				upload = {
					filename: part.filename && part.filename !== '' ? part.filename : 'file',
					contentType: part.contentType ?? 'application/octet-stream',
					data: Buffer.from(part.data),
				};
			} else if (part.name === 'Function') fnValue = part.data.toString('utf8').trim();
			else if (part.name === 'Parameters')
				Object.assign(raw, parseParametersValue(part.data.toString('utf8')));
			else raw[part.name] = part.data.toString('utf8');
		}
	} else {
		const text = body.toString('utf8');
		let parsed: unknown = {};
		if (text.trim() !== '') {
			try {
				parsed = JSON.parse(text);
			} catch {
				throw badRequest(
					'invalid-json',
					'The request body is not valid JSON. Send {"Function": "...", "Parameters": {...}}.',
				);
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw badRequest(
				'invalid-envelope',
				'The request body must be a JSON object {"Function": "...", "Parameters": {...}}.',
			);
		}
		const envelope = parsed as Record<string, unknown>;
		fnValue = envelope.Function;
		raw = parseParametersValue(envelope.Parameters);
	}
	// Query-string parameters are merged under the body's (the Airbyte connector relies on this; REFERENCE §1).
	for (const [key, value] of query) {
		if (key === 'Function') fnValue ??= value;
		else if (!(key in raw)) raw[key] = value;
	}
	if (typeof fnValue !== 'string' || fnValue === '')
		throw badRequest(
			'missing-function',
			`'Function' is required: name the API function to call, e.g. "GetUser".`,
		);
	return { fn: fnValue, raw, upload };
}

function sendFault(
	res: http.ServerResponse,
	fault: Extract<FaultDecision, { kind: 'status' }>,
	fn: string,
): void {
	const headers: Record<string, string> = {};
	if (fault.retryAfterSeconds !== undefined)
		headers['Retry-After'] = String(fault.retryAfterSeconds);
	if (typeof fault.body === 'string') {
		sendText(res, fault.status, fault.body, 'text/plain; charset=utf-8', headers);
		return;
	}
	const description =
		fault.status === 429
			? 'Too many requests: slow down and retry after the time given in Retry-After.'
			: `The server encountered an error while processing ${fn} (sandbox fault, HTTP ${fault.status}).`;
	sendJson(
		res,
		fault.status,
		fault.body ?? errorBody(`sandbox-fault-${fault.status}`, description),
		headers,
	);
}

/** Raw API key, or `Bearer <access token>`; each acts as one user. */
function authenticate(rt: SandboxRuntime, header: string | undefined): User {
	const value = (header ?? '').trim();
	if (value === '') {
		throw new ApiError(
			'auth-missing',
			'Missing Authorization header: send your API key, or "Bearer <access token>" for OAuth.',
			401,
		);
	}
	const bearer = /^Bearer\s+(.+)$/i.exec(value);
	if (bearer) {
		const check = rt.oauth.checkAccessToken(bearer[1].trim());
		if (check.ok === false) {
			if (check.reason === 'expired') {
				rt.counters.bump('expiredTokenRejections');
				throw new ApiError(
					'auth-token-expired',
					'The access token has expired. Use the refresh token to get a new one.',
					check.status ?? rt.options.expiredTokenStatus,
				);
			}
			if (check.reason === 'revoked')
				throw new ApiError(
					'auth-token-revoked',
					'The access token has been revoked. The user must authorize the application again.',
					401,
				);
			throw new ApiError('auth-token-invalid', 'The access token is not valid.', 401);
		}
		return rt.store.user(check.userId);
	}
	const userId = rt.apiKeys.get(value);
	// LACRM answers a key it refuses with 400 "Invalid credentials" (PostHog's LACRM source and tests).
	if (userId === undefined || !rt.store.users.has(userId))
		// What LACRM answers to a key it does not know (seen in PostHog's LACRM source and tests).
		throw new ApiError('auth-invalid-key', 'Invalid credentials. Check the API key.', 400);
	return rt.store.user(userId);
}

export async function handleApi(
	rt: SandboxRuntime,
	req: http.IncomingMessage,
	res: http.ServerResponse,
	url: URL,
): Promise<void> {
	if (req.method !== 'POST') {
		sendJson(
			res,
			405,
			errorBody('method-not-allowed', 'The LACRM API only accepts POST requests to /v2/.'),
			{ Allow: 'POST' },
		);
		return;
	}
	const started = Date.now();
	rt.counters.apiRequestStarted();
	let finished = false;
	const finish = (): void => {
		if (!finished) {
			finished = true;
			rt.counters.apiRequestFinished();
			if (res.writableEnded) rt.counters.answered(fnName, res.statusCode);
		}
	};
	res.once('close', finish);
	res.once('finish', finish);
	let fnName = '?';
	try {
		const body = await readBody(req, MAX_REQUEST_BYTES);
		const call = parseCall(body, headerValue(req.headers, 'content-type') ?? '', url.searchParams);
		fnName = call.fn;
		rt.counters.countCall(call.fn);
		const fault = rt.faults.decide(call.fn);
		const latency = rt.faults.latencyFor(call.fn);
		if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
		if (fault.kind === 'reset' && !fault.afterCommit) {
			req.socket.destroy();
			return;
		}
		if (fault.kind === 'status' && !fault.afterCommit) {
			sendFault(res, fault, call.fn);
			return;
		}
		const user = authenticate(rt, headerValue(req.headers, 'authorization'));
		const entry = DISPATCH.get(call.fn);
		if (!entry)
			throw new ApiError(
				'unknown-function',
				`'${call.fn}' is not a function of the LACRM API (function names are case-sensitive).`,
			);
		const { params, extras } = validateParameters(entry.spec, call.raw);
		const emitted: EmittedEvent[] = [];
		const store = rt.store;
		const ctx: CallContext = {
			fn: call.fn,
			user,
			p: new Params(params),
			extras: entry.spec.acceptsCustomFields ? extras : {},
			store,
			now: rt.clock.now(),
			upload: call.upload,
			unknownIdsInBulkReads: rt.options.unknownIdsInBulkReads,
			emit: (event, payload) => emitted.push({ event, payload }),
			issueFileUrl: (fileId) => rt.issueFileUrl(fileId),
			handshake: (endpointUrl, webhookId) => rt.webhooks.handshake(endpointUrl, webhookId),
		};
		const result = await entry.handler(ctx);
		await rt.barriers.arrive(call.fn);
		if (emitted.length > 0) {
			// Deliveries wait until this response has gone out (or the socket is gone).
			const answered = new Promise<void>((resolve) => {
				res.once('finish', resolve);
				res.once('close', resolve);
			});
			rt.webhooks.dispatch(store, emitted, user.UserId, answered);
		}
		if (fault.kind === 'reset') {
			req.socket.destroy();
			return;
		}
		if (fault.kind === 'status') {
			sendFault(res, fault, call.fn);
			return;
		}
		sendJson(res, 200, result ?? {});
	} catch (err) {
		if (err instanceof ApiError) {
			if (err.status === 401) rt.counters.bump('unauthorized');
			if (!res.headersSent) sendJson(res, err.status, errorBody(err.kind, err.message));
		} else if (err instanceof BodyTooLargeError) {
			if (!res.headersSent)
				sendJson(
					res,
					400,
					errorBody('request-too-large', 'The request is larger than the 50 MB file limit.'),
					{ Connection: 'close' },
				);
		} else {
			rt.log(`internal error in ${fnName}: ${(err as Error).stack ?? String(err)}`);
			if (!res.headersSent)
				sendJson(
					res,
					500,
					errorBody(
						'internal-error',
						`The sandbox failed while processing ${fnName}: ${(err as Error).message}`,
					),
				);
		}
	} finally {
		if (!rt.quiet)
			rt.log(
				`${fnName} → ${res.statusCode}${res.writableEnded ? '' : ' (no answer)'} ${Date.now() - started} ms`,
			);
	}
}
