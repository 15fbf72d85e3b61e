import type * as http from 'node:http';
import { randomToken } from './core/ids';
import { headerValue, readBody, sendJson, sendText } from './core/http';
import type { Clock } from './core/clock';
import type { Counters } from './counters';
import { TOKEN_ENDPOINT, type FaultDecision, type FaultInjector } from './faults';
import type { TokenResponse } from './types';

/**
 * LACRM's OAuth 2.0 authorization-code flow (no PKCE), as its OAuth page describes it
 * (https://account.lessannoyingcrm.com/api_docs/v2/Advanced/OAuth; REFERENCE §2.2), plus what n8n
 * sends (form-encoded token requests, `redirect_uri`):
 *  - authorize: response_type must be "code"; client_id checked; state echoed; redirect_url
 *    (LACRM's name) must equal the registered URL when given — n8n's redirect_uri is ignored and the
 *    registered URL used; consent is automatic or a one-button page.
 *  - token: HTTP Basic client auth is required; JSON bodies are LACRM's documented format and
 *    form bodies (what n8n always sends) are accepted unless tokenEndpointJsonOnly is set.
 *  - codes: single use, 10 minutes; redirect_url must be repeated if it was used on authorize.
 *  - access tokens 1 h; refresh tokens 30 days and single use: presenting one twice revokes the
 *    whole grant (every access and refresh token issued from the same authorization).
 */

export const CODE_TTL_MS = 10 * 60 * 1000;

export interface OAuthConfig {
	clientId: string;
	clientSecret: string;
	redirectUrl: string;
	accessTokenTtlSeconds: number;
	refreshTokenTtlSeconds: number;
	tokenEndpointJsonOnly: boolean;
	consent: 'auto' | 'page';
}

interface AuthCode {
	clientId: string;
	userId: string;
	/** The redirect_url given on authorize, which must then be repeated at the token endpoint. */
	redirectUrl: string | null;
	expiresAt: number;
	used: boolean;
}

interface Grant {
	grantId: number;
	userId: string;
	clientId: string;
	revoked: boolean;
}

interface TokenRecord {
	kind: 'access' | 'refresh';
	grant: Grant;
	expiresAt: number;
	used: boolean;
	/** Set by expireAccessTokens({status}): how this token is refused once expired. */
	expiredStatus?: 400 | 401;
}

export type AccessCheck =
	| { ok: true; userId: string }
	| { ok: false; reason: 'expired'; status?: 400 | 401 }
	| { ok: false; reason: 'unknown' | 'revoked' };

class OAuthError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		description: string,
	) {
		super(description);
	}
}

export interface OAuthDeps {
	config: OAuthConfig;
	clock: Clock;
	counters: Counters;
	faults: FaultInjector;
	defaultUserId: () => string;
	userExists: (userId: string) => boolean;
	log: (message: string) => void;
}

function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
	);
}

export class OAuthServer {
	private readonly codes = new Map<string, AuthCode>();
	private readonly tokens = new Map<string, TokenRecord>();
	private grantCounter = 0;

	constructor(private readonly deps: OAuthDeps) {}

	private get config(): OAuthConfig {
		return this.deps.config;
	}

	// ---- authorize.php -------------------------------------------------------------------------

	async handleAuthorize(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		url: URL,
	): Promise<void> {
		let params: URLSearchParams = url.searchParams;
		let decision: string | null = null;
		if (req.method === 'POST') {
			// The consent page posts its hidden fields back with the button that was pressed.
			params = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
			decision = params.get('decision');
		} else if (req.method !== 'GET') {
			sendJson(res, 405, {
				error: 'invalid_request',
				error_description: 'Use GET (or POST from the consent page).',
			});
			return;
		}
		const clientId = params.get('client_id');
		if (!clientId || clientId !== this.config.clientId) {
			// Without a known client there is no trustworthy URL to send the user back to.
			sendJson(res, 400, {
				error: clientId ? 'unauthorized_client' : 'invalid_request',
				error_description: clientId ? `Unknown client_id '${clientId}'.` : 'client_id is required.',
			});
			return;
		}
		const state = params.get('state');
		const redirectError = (error: string, description: string): void => {
			const target = new URL(this.config.redirectUrl);
			target.searchParams.set('error', error);
			target.searchParams.set('error_description', description);
			if (state !== null) target.searchParams.set('state', state);
			res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store' });
			res.end();
		};
		const responseType = params.get('response_type');
		if (responseType !== 'code') {
			redirectError(
				'unsupported_response_type',
				responseType
					? `response_type must be "code", got "${responseType}".`
					: 'response_type is required and must be "code".',
			);
			return;
		}
		const redirectUrl = params.get('redirect_url');
		if (redirectUrl !== null && redirectUrl !== this.config.redirectUrl) {
			redirectError(
				'invalid_request',
				'redirect_url does not match the redirect URL registered for this client.',
			);
			return;
		}
		// Sandbox extension: which user grants access (default: the account's admin).
		const userId = params.get('sandbox_user_id') || this.deps.defaultUserId();
		if (!this.deps.userExists(userId)) {
			redirectError(
				'invalid_request',
				`sandbox_user_id '${userId}' is not a user of this account.`,
			);
			return;
		}
		if (this.config.consent === 'page' && decision === null) {
			this.sendConsentPage(res, params);
			return;
		}
		if (decision !== null && decision !== 'allow') {
			redirectError('access_denied', 'The user denied access.');
			return;
		}
		const code = randomToken(24);
		this.codes.set(code, {
			clientId,
			userId,
			redirectUrl,
			expiresAt: this.deps.clock.now() + CODE_TTL_MS,
			used: false,
		});
		const target = new URL(this.config.redirectUrl);
		target.searchParams.set('code', code);
		if (state !== null) target.searchParams.set('state', state);
		res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store' });
		res.end();
	}

	private sendConsentPage(res: http.ServerResponse, params: URLSearchParams): void {
		const hidden = [...params.entries()]
			.map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
			.join('\n      ');
		const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>LACRM sandbox – authorize</title></head>
<body style="font-family: sans-serif; max-width: 32em; margin: 4em auto">
  <h1>Less Annoying CRM (sandbox)</h1>
  <p>The application <strong>${escapeHtml(this.config.clientId)}</strong> wants to access your CRM data.</p>
  <form method="post" action="/oauth/authorize.php">
      ${hidden}
      <button type="submit" name="decision" value="allow">Allow access</button>
      <button type="submit" name="decision" value="deny">Deny</button>
  </form>
</body></html>`;
		sendText(res, 200, html, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
	}

	// ---- token.php -----------------------------------------------------------------------------

	async handleToken(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		if (req.method !== 'POST') {
			sendJson(res, 405, {
				error: 'invalid_request',
				error_description: 'The token endpoint only accepts POST.',
			});
			return;
		}
		const fault: FaultDecision = this.deps.faults.decide(TOKEN_ENDPOINT);
		if (fault.kind === 'reset' && !fault.afterCommit) {
			req.socket.destroy();
			return;
		}
		if (fault.kind === 'status' && !fault.afterCommit) {
			this.sendFault(res, fault);
			return;
		}
		try {
			this.authenticateClient(req);
			const body = await this.readTokenBody(req);
			const tokens = this.exchange(body);
			if (fault.kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'status') {
				this.sendFault(res, fault);
				return;
			}
			sendJson(res, 200, tokens, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
		} catch (err) {
			if (err instanceof OAuthError) {
				const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
				if (err.status === 401)
					headers['WWW-Authenticate'] = 'Basic realm="LACRM sandbox token endpoint"';
				sendJson(res, err.status, { error: err.error, error_description: err.message }, headers);
				return;
			}
			throw err;
		}
	}

	private sendFault(
		res: http.ServerResponse,
		fault: Extract<FaultDecision, { kind: 'status' }>,
	): void {
		const headers: Record<string, string> = {};
		if (fault.retryAfterSeconds !== undefined)
			headers['Retry-After'] = String(fault.retryAfterSeconds);
		if (typeof fault.body === 'string')
			sendText(res, fault.status, fault.body, 'text/plain; charset=utf-8', headers);
		else
			sendJson(
				res,
				fault.status,
				fault.body ?? {
					error: 'server_error',
					error_description: `Sandbox fault: HTTP ${fault.status}.`,
				},
				headers,
			);
	}

	/** HTTP Basic with the registered client; credentials in the body are not accepted instead. */
	private authenticateClient(req: http.IncomingMessage): void {
		const header = headerValue(req.headers, 'authorization') ?? '';
		const m = /^Basic\s+(\S+)\s*$/i.exec(header);
		if (!m)
			throw new OAuthError(
				401,
				'invalid_client',
				'Client authentication required: send Authorization: Basic base64(ClientId:ClientSecret).',
			);
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		// RFC 6749 §2.3.1: id and secret are form-encoded before base64; decode them back.
		const decode = (s: string): string => {
			try {
				return decodeURIComponent(s.replace(/\+/g, ' '));
			} catch {
				return s;
			}
		};
		const id = colon < 0 ? decoded : decode(decoded.slice(0, colon));
		const secret = colon < 0 ? '' : decode(decoded.slice(colon + 1));
		if (id !== this.config.clientId || secret !== this.config.clientSecret) {
			throw new OAuthError(
				401,
				'invalid_client',
				'Client authentication failed: unknown client id or wrong secret.',
			);
		}
	}

	private async readTokenBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
		const raw = (await readBody(req, 64 * 1024)).toString('utf8');
		const type = (headerValue(req.headers, 'content-type') ?? '').toLowerCase();
		const isForm =
			type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data');
		if (isForm && this.config.tokenEndpointJsonOnly) {
			throw new OAuthError(
				400,
				'invalid_request',
				'This token endpoint accepts only JSON bodies (Content-Type: application/json), as LACRM documents.',
			);
		}
		const parseJson = (): Record<string, unknown> | null => {
			try {
				const v: unknown = JSON.parse(raw);
				return v && typeof v === 'object' && !Array.isArray(v)
					? (v as Record<string, unknown>)
					: null;
			} catch {
				return null;
			}
		};
		if (type.includes('json') || this.config.tokenEndpointJsonOnly) {
			const json = parseJson();
			if (!json)
				throw new OAuthError(400, 'invalid_request', 'The request body is not a JSON object.');
			return json;
		}
		if (isForm) return Object.fromEntries(new URLSearchParams(raw));
		// No (or another) content type: whatever the body turns out to be.
		return parseJson() ?? Object.fromEntries(new URLSearchParams(raw));
	}

	private exchange(body: Record<string, unknown>): TokenResponse {
		const grantType = body.grant_type;
		if (grantType === 'authorization_code') return this.exchangeCode(body);
		if (grantType === 'refresh_token') return this.exchangeRefresh(body);
		if (grantType === undefined || grantType === '')
			throw new OAuthError(400, 'invalid_request', 'grant_type is required.');
		throw new OAuthError(
			400,
			'unsupported_grant_type',
			`grant_type '${String(grantType)}' is not supported; use authorization_code or refresh_token.`,
		);
	}

	private exchangeCode(body: Record<string, unknown>): TokenResponse {
		const code = body.code;
		if (typeof code !== 'string' || code === '')
			throw new OAuthError(400, 'invalid_request', 'code is required.');
		const record = this.codes.get(code);
		if (!record || record.clientId !== this.config.clientId)
			throw new OAuthError(400, 'invalid_grant', 'The authorization code is not valid.');
		if (record.used)
			throw new OAuthError(400, 'invalid_grant', 'The authorization code has already been used.');
		if (this.deps.clock.now() >= record.expiresAt)
			throw new OAuthError(400, 'invalid_grant', 'The authorization code has expired.');
		const given = typeof body.redirect_url === 'string' ? body.redirect_url : null;
		if (record.redirectUrl !== null && given !== record.redirectUrl) {
			throw new OAuthError(
				400,
				'invalid_grant',
				'redirect_url was sent to the authorize endpoint, so the same redirect_url is required here.',
			);
		}
		if (given !== null && given !== this.config.redirectUrl) {
			throw new OAuthError(
				400,
				'invalid_grant',
				'redirect_url does not match the registered redirect URL.',
			);
		}
		record.used = true;
		this.deps.counters.bump('tokenGrants');
		return this.issueGrant(record.userId);
	}

	private exchangeRefresh(body: Record<string, unknown>): TokenResponse {
		const token = body.refresh_token;
		if (typeof token !== 'string' || token === '')
			throw new OAuthError(400, 'invalid_request', 'refresh_token is required.');
		const record = this.tokens.get(token);
		if (!record || record.kind !== 'refresh' || record.grant.clientId !== this.config.clientId) {
			throw new OAuthError(400, 'invalid_grant', 'The refresh token is not valid.');
		}
		const grant = record.grant;
		if (record.used) {
			// A second use means a copy of the token is in someone else's hands: kill the grant.
			this.deps.counters.bump('refreshReuses');
			if (!grant.revoked) {
				grant.revoked = true;
				this.deps.counters.bump('revokedGrants');
				this.deps.log(
					`refresh token reused: grant ${grant.grantId} (user ${grant.userId}) revoked`,
				);
			}
			throw new OAuthError(
				400,
				'invalid_grant',
				'The refresh token has already been used. Refresh tokens are single-use, so all tokens of this authorization have been revoked; the user must authorize again.',
			);
		}
		if (grant.revoked)
			throw new OAuthError(
				400,
				'invalid_grant',
				'This authorization has been revoked; the user must authorize again.',
			);
		if (this.deps.clock.now() >= record.expiresAt)
			throw new OAuthError(400, 'invalid_grant', 'The refresh token has expired.');
		record.used = true;
		this.deps.counters.bump('refreshes');
		return this.issueTokens(grant);
	}

	private issueTokens(grant: Grant): TokenResponse {
		const now = this.deps.clock.now();
		const access = `sbx_at_${randomToken(24)}`;
		const refresh = `sbx_rt_${randomToken(24)}`;
		this.tokens.set(access, {
			kind: 'access',
			grant,
			expiresAt: now + this.config.accessTokenTtlSeconds * 1000,
			used: false,
		});
		this.tokens.set(refresh, {
			kind: 'refresh',
			grant,
			expiresAt: now + this.config.refreshTokenTtlSeconds * 1000,
			used: false,
		});
		return {
			access_token: access,
			token_type: 'Bearer',
			expires_in: this.config.accessTokenTtlSeconds,
			refresh_token: refresh,
		};
	}

	/** A new grant for a user, as a completed authorization would create. */
	issueGrant(userId: string): TokenResponse {
		const grant: Grant = {
			grantId: ++this.grantCounter,
			userId,
			clientId: this.config.clientId,
			revoked: false,
		};
		return this.issueTokens(grant);
	}

	checkAccessToken(token: string): AccessCheck {
		const record = this.tokens.get(token);
		if (!record || record.kind !== 'access') return { ok: false, reason: 'unknown' };
		if (record.grant.revoked) return { ok: false, reason: 'revoked' };
		if (this.deps.clock.now() >= record.expiresAt)
			return { ok: false, reason: 'expired', status: record.expiredStatus };
		return { ok: true, userId: record.grant.userId };
	}

	/**
	 * Every current access token becomes expired now, although the expires_in its client recorded is
	 * still ahead (revoked early, a shorter real lifetime, clock skew). `status` answers these tokens
	 * with 400 or 401 whatever expiredTokenStatus says; LACRM has been seen answering 400.
	 */
	expireAccessTokens(options: { status?: 400 | 401 } = {}): void {
		const now = this.deps.clock.now();
		for (const record of this.tokens.values()) {
			if (record.kind === 'access' && record.expiresAt > now) {
				record.expiresAt = now;
				record.expiredStatus = options.status;
			}
		}
	}
}
