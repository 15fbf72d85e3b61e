import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { LacrmCredentialType } from './credentials';
import type { LacrmFunctionName } from './functions';

/** LACRM's error body. Its Debugging page misspells the description key; read both. */
export interface LacrmErrorBody {
	ErrorCode: string;
	ErrorDescription: string;
}

export function readLacrmError(body: unknown): LacrmErrorBody | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	if (record.ErrorCode === undefined || record.ErrorCode === null) return undefined;
	const description = record.ErrorDescription ?? record.ErrorDecription;
	return {
		ErrorCode: String(record.ErrorCode),
		ErrorDescription:
			typeof description === 'string' && description.trim() !== ''
				? description
				: 'LACRM reported an error without a description',
	};
}

/** What went wrong, in the terms a user acts on. */
export type LacrmFailure =
	| { kind: 'lacrm'; status: number; error: LacrmErrorBody }
	| { kind: 'auth'; status: number; error?: LacrmErrorBody; afterRefresh?: boolean }
	| { kind: 'rateLimited'; status: number; attempts: number; waitedMs?: number }
	| { kind: 'server'; status: number; attempts: number; write: boolean }
	| { kind: 'http'; status: number }
	| { kind: 'network'; code: string; attempts: number; write: boolean }
	| { kind: 'notJson'; status: number }
	| { kind: 'reconnect' };

export interface ErrorContext {
	node: INode;
	fn: LacrmFunctionName;
	credentialType: LacrmCredentialType;
	itemIndex?: number;
	/** Secrets this call could know about; scrubbed from every message as a last line of defence. */
	secrets: string[];
}

const API_KEY_HELP =
	'Check the API key in the "Less Annoying CRM API" credential: copy it again from LACRM → Settings → Programmer API. The key may have been deleted, lack the permission this operation needs, or API access may be switched off for the account.';
const OAUTH_HELP =
	'Open the "Less Annoying CRM OAuth2 API" credential and reconnect it. If connecting keeps failing, use the API key credential instead.';

function messageFor(
	failure: LacrmFailure,
	ctx: ErrorContext,
): { message: string; description: string } {
	const help = ctx.credentialType === 'lacrmOAuth2Api' ? OAUTH_HELP : API_KEY_HELP;
	switch (failure.kind) {
		case 'lacrm':
			return {
				message: failure.error.ErrorDescription,
				description: `LACRM rejected ${ctx.fn} (error code ${failure.error.ErrorCode}). Quote the code if you contact LACRM support.`,
			};
		case 'auth':
			return {
				message: `LACRM rejected the credential (HTTP ${failure.status})${
					failure.error ? `: ${failure.error.ErrorDescription}` : ''
				}`,
				description: failure.afterRefresh
					? `The access token was refreshed and LACRM still refused it. ${OAUTH_HELP}`
					: help,
			};
		case 'rateLimited':
			return {
				message: `LACRM is rate limiting requests (HTTP ${failure.status})`,
				description:
					failure.waitedMs === undefined
						? `${ctx.fn} was tried ${failure.attempts} times, waiting as LACRM asked. Lower the node's concurrency or spread the work out, then run it again.`
						: `${ctx.fn} was tried ${failure.attempts} times over ${Math.round(failure.waitedMs / 1000)} s, waiting as LACRM asked, until the node's Max Wait When Rate Limited (Options) ran out. LACRM did not act on it: raise that wait or spread the work out, then run it again.`,
			};
		case 'server':
			return {
				message: `LACRM had a server error (HTTP ${failure.status}) during ${ctx.fn}`,
				description: failure.write
					? 'Not retried automatically: LACRM may already have made this change, and repeating it could create a duplicate. Check LACRM before running it again.'
					: `Tried ${failure.attempts} times. LACRM may be having trouble; try again later.`,
			};
		case 'http':
			return {
				message: `LACRM answered HTTP ${failure.status} to ${ctx.fn}`,
				description:
					'The answer was not a LACRM error message. Check the API Base URL in the credential.',
			};
		case 'network':
			return {
				message: `Could not reach LACRM (${failure.code})`,
				description: failure.write
					? `${ctx.fn} was not retried automatically, because the request may have reached LACRM before the connection failed. Check LACRM before running it again.`
					: `Tried ${failure.attempts} times. Check the network and the API Base URL in the credential.`,
			};
		case 'notJson':
			return {
				message: `LACRM answered ${ctx.fn} with something that is not JSON (HTTP ${failure.status})`,
				description:
					'Check the API Base URL in the credential: it should be https://api.lessannoyingcrm.com/v2/.',
			};
		case 'reconnect':
			return {
				message: 'The LACRM OAuth2 credential needs to be reconnected',
				description: `LACRM refused to refresh the access token (the connection was revoked, expired after 30 days unused, or its refresh token was already used). ${OAUTH_HELP}`,
			};
	}
}

function httpCodeOf(failure: LacrmFailure): string | undefined {
	return 'status' in failure ? String(failure.status) : undefined;
}

function redact(text: string, secrets: string[]): string {
	let clean = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 6) clean = clean.split(secret).join('[redacted]');
	}
	return clean;
}

/**
 * The one place LACRM failures become n8n errors. The error is built from a clean object — never
 * from the HTTP client's error, whose request config carries the Authorization header.
 */
export function lacrmApiError(failure: LacrmFailure, ctx: ErrorContext): NodeApiError {
	const { message, description } = messageFor(failure, ctx);
	const payload: JsonObject = { function: ctx.fn };
	if ('error' in failure && failure.error) {
		payload.ErrorCode = failure.error.ErrorCode;
		payload.ErrorDescription = redact(failure.error.ErrorDescription, ctx.secrets);
	}
	// Not under `code`: n8n would read it as an HTTP status and swap our message for a generic one.
	if ('code' in failure) payload.networkError = failure.code;
	const httpCode = httpCodeOf(failure);
	if (httpCode) payload.httpCode = httpCode;
	const error = new NodeApiError(ctx.node, payload, {
		message: redact(message, ctx.secrets),
		description: redact(description, ctx.secrets),
		httpCode,
		itemIndex: ctx.itemIndex,
	});
	// NodeApiError swaps any message that mentions a Node error code (ECONNRESET…) for a generic
	// sentence without "LACRM" in it; ours says who could not be reached and keeps the code.
	error.message = redact(message, ctx.secrets);
	return error;
}
