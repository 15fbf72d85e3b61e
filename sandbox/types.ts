/** The sandbox's public types (re-exported by sandbox/index.ts). */

export interface FaultOptions {
	/** Added before every API answer: a fixed delay or a uniform random one in [min, max]. */
	latencyMs?: number | { min: number; max: number };
	/** Answer 429 with `Retry-After: <retryAfterSeconds>` to this fraction of calls (0..1). */
	rateLimit?: { rate: number; retryAfterSeconds: number };
	/**
	 * A token bucket in front of the API, as a gateway would have: `perSecond` tokens a second, at
	 * most `burst` saved up; a call finding no token is answered 429 with Retry-After (whole
	 * seconds until the next token, at least 1) and not performed.
	 */
	tokenBucket?: { perSecond: number; burst: number };
	/** Answer a 5xx (default 500) to this fraction of calls, without performing them. */
	serverErrors?: { rate: number; status?: number };
	/** Perform the call (the write is committed, webhooks fire) and then answer 500, at this rate. */
	errorAfterCommit?: { rate: number };
	/** Limit all of the above to these Function names. */
	functions?: string[];
}

export interface ScriptedFault {
	/** The HTTP status to answer (default 500 when only `afterCommit` is set). */
	status?: number;
	/** Sent as the Retry-After header (seconds). */
	retryAfterSeconds?: number;
	/** Perform the call first, then answer with the fault. */
	afterCommit?: boolean;
	/** 'reset' destroys the socket instead of answering. */
	networkError?: 'reset';
	/** Response body (default `{ErrorCode, ErrorDescription}`); a string is sent as text/plain. */
	body?: unknown;
	/** Only calls of these Functions consume this entry. `'oauth/token'` targets the token endpoint. */
	functions?: string[];
}

/** `holdCalls`: answer none of the next `count` calls of `functions` until all have been performed. */
export interface HoldOptions {
	functions: string[];
	count: number;
	/** Let the calls go anyway after this long (default 10,000 ms). */
	timeoutMs?: number;
}

export interface HoldOutcome {
	/** `count`: all `count` calls arrived; `timeout`: fewer did in time; `cleared`: stop/clearHolds. */
	releasedBy: 'count' | 'timeout' | 'cleared';
	/** Calls that were held. */
	arrived: number;
}

export interface CallHold {
	/** Settles when the held calls are answered. */
	released: Promise<HoldOutcome>;
	/** Calls performed and waiting so far. */
	arrived(): number;
}

export interface WebhookRetryOptions {
	/** Delivery attempts per event, including the first (default 5). */
	maxAttempts: number;
	/** Wait before retry n is baseDelayMs * 2^(n-1) (default 1000). */
	baseDelayMs: number;
	/** Per-attempt timeout (default 10,000 ms). */
	timeoutMs?: number;
}

export interface SandboxOptions {
	/** 0 = a free port (default 0 for startSandbox; the CLI defaults to 8765). */
	port?: number;
	host?: string;
	clientId?: string;
	clientSecret?: string;
	redirectUrl?: string;
	apiKey?: string;
	accessTokenTtlSeconds?: number;
	refreshTokenTtlSeconds?: number;
	tokenEndpointJsonOnly?: boolean;
	expiredTokenStatus?: 401 | 400;
	consent?: 'auto' | 'page';
	seed?: 'demo' | 'empty';
	randomSeed?: number;
	webhookRetry?: WebhookRetryOptions;
	/** Refuse CreateWebhook for an `http://` EndpointUrl, as LACRM does (default false: local receivers). */
	requireHttpsWebhooks?: boolean;
	faults?: FaultOptions;
	/**
	 * What GetContactsById does with ids it does not know. No LACRM source says; 'omit' (default)
	 * leaves them out of the results, 'reject' fails the whole call with a 400 naming the first one.
	 */
	unknownIdsInBulkReads?: 'omit' | 'reject';
	/** Serve HTTPS with this PEM certificate and key (e.g. signed by a CA the client trusts). */
	tls?: { cert: string; key: string };
	/** No log lines on stderr (default true for startSandbox; the CLI logs unless --quiet). */
	quiet?: boolean;
}

export interface WebhookDeliveryRecord {
	webhookId: string;
	event: string;
	attempt: number;
	/** HTTP status of the endpoint's answer; null when the connection failed. */
	status: number | null;
	ok: boolean;
	error?: string;
	/** Sandbox-clock time of the attempt (ISO 8601). */
	at: string;
}

export interface SandboxCounters {
	/** API requests received on /v2/, including those answered by a fault. */
	totalCalls: number;
	callsByFunction: Record<string, number>;
	/** Calls answered 2xx (performed and reported as done), per function. */
	succeededByFunction: Record<string, number>;
	/** Calls answered 429 (by the token bucket, a rate fault or a scripted fault). */
	rateLimited: number;
	/** Successful authorization-code exchanges. */
	tokenGrants: number;
	/** Successful refresh-token exchanges. */
	refreshes: number;
	/** Refresh tokens presented a second time. */
	refreshReuses: number;
	/** Grants revoked because one of their refresh tokens was reused. */
	revokedGrants: number;
	/** 401 answers on /v2/. */
	unauthorized: number;
	/** Calls made with an expired access token (answered 401, or 400 with expiredTokenStatus: 400). */
	expiredTokenRejections: number;
	/** Most /v2/ requests started within one wall-clock second. */
	peakRequestsPerSecond: number;
	/** Most /v2/ requests in flight at the same time. */
	peakConcurrent: number;
	inFlight: number;
	webhookDeliveries: WebhookDeliveryRecord[];
}

export interface SandboxUser {
	UserId: string;
	FirstName: string;
	LastName: string;
	IsAdmin: boolean;
}

export interface TokenResponse {
	access_token: string;
	refresh_token: string;
	expires_in: number;
	token_type: 'Bearer';
}

export interface Sandbox {
	url: string;
	apiUrl: string;
	authorizeUrl: string;
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	redirectUrl: string;
	apiKey: string;
	stop(): Promise<void>;
	reset(): void;
	setFaults(f: FaultOptions): void;
	scriptFaults(list: ScriptedFault[]): void;
	clearFaults(): void;
	holdCalls(options: HoldOptions): CallHold;
	clearHolds(): void;
	clock: { now(): number; advance(ms: number): void; set(epochMs: number): void };
	counters(): SandboxCounters;
	resetCounters(): void;
	authorize(params?: Record<string, string>): Promise<{ code: string; state?: string }>;
	issueTokens(userId?: string): TokenResponse;
	/** `status`: answer these tokens with 400 or 401 (default: expiredTokenStatus). */
	expireAccessTokens(options?: { status?: 400 | 401 }): void;
	apiKeyFor(userId: string): string;
	users(): SandboxUser[];
	seedContacts(n: number, opts?: { companies?: number }): void;
	call(
		fn: string,
		params?: object,
		opts?: { apiKey?: string; accessToken?: string },
	): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
	flushWebhooks(): Promise<void>;
	submitPublicForm(formName: string, fields: Record<string, unknown>): Promise<void>;
}
