import type { IAllExecuteFunctions, IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { CredentialSnapshot, LacrmCredentialType } from './credentials';
import { credentialTypeFor, fingerprint, snapshotCredential } from './credentials';
import type { ErrorContext, LacrmFailure } from './errors';
import { lacrmApiError, readLacrmError } from './errors';
import type {
	ItemOf,
	LacrmFunctionName,
	ListFunctionName,
	ParametersOf,
	ResultOf,
} from './functions';
import { isReadFunction, LACRM_FUNCTIONS, MAX_PAGE_SIZE } from './functions';
import { parseLosslessJson } from './json';
import type { MultipartFile } from './multipart';
import { buildMultipart } from './multipart';
import type { RetryPolicy } from './retry';
import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	isNeverSent,
	mayRetryNetworkError,
	mayRetryStatus,
	parseRetryAfter,
} from './retry';
import type { CredentialLane } from './refreshGate';
import { refreshGate } from './refreshGate';
import { DEFAULT_RATE_LIMIT_PAUSE_MS, rateGate } from './rateGate';

/** Any n8n context that can make authenticated requests: execute, hooks, webhooks, polls, load options. */
export type LacrmContext = IAllExecuteFunctions;

export interface LacrmClientOptions {
	retry?: Partial<RetryPolicy>;
	/** Parallel requests allowed when the credential permits it (API key, or a provably fresh token). */
	concurrency?: number;
	timeoutMs?: number;
	/** How long one request may keep being refused with 429 before it fails (default 5 minutes). */
	rateLimitWaitMs?: number;
}

export interface CallOptions {
	itemIndex?: number;
}

export interface ListOptions extends CallOptions {
	/** Stop after this many results; undefined = all of them. */
	limit?: number;
	/** Results per LACRM page (1–10,000). Defaults to the largest page, or to `limit` when smaller. */
	pageSize?: number;
}

/** One HTTP exchange with LACRM, status errors included. */
interface HttpAnswer {
	statusCode: number;
	headers: Record<string, unknown>;
	text: string;
}

interface PreparedRequest {
	url: string;
	headers: IDataObject;
	body: string | Buffer;
}

/**
 * One attempt's outcome. A network failure carries only its error code out of the HTTP layer —
 * never the HTTP client's error, whose request config holds the Authorization header.
 */
type ExchangeOutcome = { answer: HttpAnswer } | { networkError: string };

interface AuthenticatedExchange {
	outcome: ExchangeOutcome;
	secrets: string[];
	/** OAuth2: LACRM still refused the token after it was refreshed. */
	refusedAfterRefresh?: boolean;
}

/**
 * Wording in a LACRM 400 that points at the credential rather than at the request: an expired,
 * invalid or revoked token, or LACRM's "Invalid credentials" for a key it refuses. Kept narrow: a
 * false positive costs a refresh, and LACRM's usual errors ("Invalid ContactId") must not match.
 */
const CREDENTIAL_REFUSED =
	/\b(token|session|credentials?)\b[^.]*\b(expired|invalid|revoked|not valid)\b|\b(expired|invalid|revoked)\b[^.]*\b(token|session|credentials?)\b|\bunauthori[sz]ed\b|\bnot (logged in|authenticated|authorized)\b/i;

const DEFAULT_CONCURRENCY = 5;

const DEFAULT_RATE_LIMIT_WAIT_MS = 5 * 60_000;

/**
 * The one way the nodes build a client: for the credential their Authentication parameter
 * ("apiKey" or "oAuth2") chose.
 */
export function createClient(
	ctx: LacrmContext,
	authentication: string,
	options?: LacrmClientOptions,
): LacrmClient {
	return new LacrmClient(ctx, credentialTypeFor(authentication), options);
}

/**
 * The one way this package talks to LACRM: POST `{Function, Parameters}` with the node's
 * credential, LACRM errors mapped to n8n errors, retries that never duplicate a write, paging,
 * and (for OAuth2) the refresh gate.
 */
export class LacrmClient {
	private readonly retry: RetryPolicy;

	private readonly concurrency: number;

	private readonly timeoutMs: number;

	private readonly rateLimitWaitMs: number;

	private apiKeySnapshot?: Promise<CredentialSnapshot>;

	constructor(
		private readonly ctx: LacrmContext,
		readonly credentialType: LacrmCredentialType,
		options: LacrmClientOptions = {},
	) {
		this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
		this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
		this.timeoutMs = options.timeoutMs ?? 120_000;
		this.rateLimitWaitMs = Math.max(0, options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
	}

	/** Calls one LACRM function and returns its result. */
	async call<F extends LacrmFunctionName>(
		fn: F,
		parameters: ParametersOf<F>,
		options: CallOptions = {},
	): Promise<ResultOf<F>> {
		const body = JSON.stringify({ Function: fn, Parameters: parameters ?? {} });
		return (await this.send(
			fn,
			(url) => ({
				url,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body,
			}),
			options,
		)) as ResultOf<F>;
	}

	/** Uploads a file to a contact (CreateFile, multipart/form-data). */
	async uploadFile(
		parameters: ParametersOf<'CreateFile'>,
		file: MultipartFile,
		options: CallOptions = {},
	): Promise<ResultOf<'CreateFile'>> {
		const { body, contentType } = buildMultipart(
			{ Function: 'CreateFile', Parameters: JSON.stringify(parameters) },
			{ ...file, field: 'File' },
		);
		return (await this.send(
			'CreateFile',
			(url) => ({
				url,
				headers: { 'Content-Type': contentType, Accept: 'application/json' },
				body,
			}),
			options,
		)) as ResultOf<'CreateFile'>;
	}

	/** Every result of a list function (or the first `limit`), across pages. */
	async callAll<F extends ListFunctionName>(
		fn: F,
		parameters: ParametersOf<F>,
		options: ListOptions = {},
	): Promise<Array<ItemOf<F>>> {
		const all: Array<ItemOf<F>> = [];
		for await (const page of this.pages(fn, parameters, options)) {
			for (const item of page) all.push(item);
		}
		return all;
	}

	/**
	 * Pages of results, fetched one after another; every list shape LACRM uses is read by
	 * readListAnswer, and paging continues while LACRM says HasMoreResults.
	 */
	async *pages<F extends ListFunctionName>(
		fn: F,
		parameters: ParametersOf<F>,
		options: ListOptions = {},
	): AsyncGenerator<Array<ItemOf<F>>> {
		const { limit } = options;
		if (limit !== undefined && limit <= 0) return;
		const paged = LACRM_FUNCTIONS[fn].list === 'paged';
		// Page numbers only line up if every page has the same size, so it is fixed up front.
		const pageSize = Math.min(
			options.pageSize ?? MAX_PAGE_SIZE,
			limit ?? MAX_PAGE_SIZE,
			MAX_PAGE_SIZE,
		);
		let remaining = limit ?? Number.POSITIVE_INFINITY;
		for (let page = 1; ; page++) {
			const pageParameters = paged
				? { ...parameters, MaxNumberOfResults: pageSize, Page: page }
				: parameters;
			const answer = await this.call(fn, pageParameters as ParametersOf<F>, options);
			const { items, hasMore } = readListAnswer<ItemOf<F>>(answer);
			const taken = items.length > remaining ? items.slice(0, remaining) : items;
			remaining -= taken.length;
			if (taken.length > 0) yield taken;
			if (!paged || !hasMore || remaining <= 0 || items.length === 0) return;
		}
	}

	/** One page of a paged list function (for pickers that page through results themselves). */
	async page<F extends ListFunctionName>(
		fn: F,
		parameters: ParametersOf<F>,
		page: { number: number; size: number },
		options: CallOptions = {},
	): Promise<{ items: Array<ItemOf<F>>; hasMore: boolean }> {
		const size = Math.min(Math.max(1, page.size), MAX_PAGE_SIZE);
		const answer = await this.call(
			fn,
			{ ...parameters, MaxNumberOfResults: size, Page: page.number } as ParametersOf<F>,
			options,
		);
		return readListAnswer<ItemOf<F>>(answer);
	}

	/** Downloads a (pre-signed, unauthenticated) file URL such as GetFile's FileUrl. */
	async download(
		url: string,
		options: CallOptions = {},
	): Promise<{ data: Buffer; mimeType?: string }> {
		try {
			const response = (await this.ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				timeout: this.timeoutMs,
			})) as { body: ArrayBuffer | Buffer; headers: Record<string, unknown> };
			const contentType = response.headers['content-type'];
			return {
				data: Buffer.from(response.body as ArrayBuffer),
				mimeType: typeof contentType === 'string' ? contentType.split(';')[0] : undefined,
			};
		} catch (error) {
			const answer = httpAnswerFromError(error);
			const failure: LacrmFailure = answer
				? { kind: 'http', status: answer.statusCode }
				: { kind: 'network', code: networkCodeOf(error), attempts: 1, write: false };
			throw lacrmApiError(failure, { ...this.errorContext('GetFile', options), secrets: [] });
		}
	}

	/**
	 * How many items may be processed in parallel right now. API keys: the configured concurrency.
	 * OAuth2: the same only while the token is provably fresh; otherwise 1, so that only one
	 * request can discover an expired token.
	 */
	async concurrencyLimit(): Promise<number> {
		if (this.credentialType === 'lacrmApi') return this.concurrency;
		if (!refreshGate.enabled || !this.canRefreshItself()) return 1;
		const snapshot = await this.readCredential();
		const fresh = this.lane().isFresh(
			snapshot.tokenFingerprint,
			snapshot.tokenExpiresAt,
			Date.now(),
		);
		return fresh ? this.concurrency : 1;
	}

	/**
	 * Which LACRM access this client acts with, for locks that span executions: the API key's
	 * fingerprint (two n8n credentials holding one key are the same access), or for OAuth2 n8n's
	 * credential id (its tokens change on every refresh). Never a secret.
	 */
	async credentialIdentity(): Promise<string> {
		if (this.credentialType === 'lacrmApi') {
			const snapshot = await this.readApiKeyCredential();
			return `lacrmApi:${snapshot.baseUrl}:${snapshot.keyFingerprint ?? ''}`;
		}
		const snapshot = await this.readCredential();
		const credential = this.node().credentials?.[this.credentialType];
		return `lacrmOAuth2Api:${snapshot.baseUrl}:${credential?.id ?? credential?.name ?? 'default'}`;
	}

	// ---------------------------------------------------------------------------------------------

	private async send(
		fn: LacrmFunctionName,
		prepare: (url: string) => PreparedRequest,
		options: CallOptions,
	): Promise<unknown> {
		const isWrite = !isReadFunction(fn);
		/** When LACRM first answered this request 429 (adaptive rate gate only). */
		let rateLimitedSince: number | undefined;
		for (let attempt = 1; ; attempt++) {
			const deadline = (rateLimitedSince ?? Date.now()) + this.rateLimitWaitMs;
			const exchange = await this.exchangeThrottled(prepare, fn, options, deadline);
			if (!exchange) {
				// The credential is paused (Retry-After) for longer than this request may wait.
				throw lacrmApiError(
					{
						kind: 'rateLimited',
						status: 429,
						attempts: attempt - 1,
						waitedMs: Date.now() - (rateLimitedSince ?? Date.now()),
					},
					{ ...this.errorContext(fn, options), secrets: [] },
				);
			}
			const { outcome, secrets, refusedAfterRefresh } = exchange;
			const errorContext = { ...this.errorContext(fn, options), secrets };

			if ('networkError' in outcome) {
				const code = outcome.networkError;
				if (mayRetryNetworkError(code, isWrite) && attempt < this.retry.maxAttempts) {
					this.ctx.logger.debug(`LACRM ${fn}: ${code}, retrying`, { attempt });
					await sleep(backoffDelay(attempt, this.retry));
					continue;
				}
				throw lacrmApiError(
					{ kind: 'network', code, attempts: attempt, write: isWrite && !isNeverSent(code) },
					errorContext,
				);
			}

			const { answer } = outcome;
			if (refusedAfterRefresh) {
				const error = readLacrmError(safeParse(answer.text));
				throw lacrmApiError(
					{ kind: 'auth', status: answer.statusCode, error, afterRefresh: true },
					errorContext,
				);
			}
			if (answer.statusCode === 429 && rateGate.adaptive) {
				// LACRM did nothing: read or write, send it again once the credential's pause is over.
				rateLimitedSince ??= Date.now();
				const pause = parseRetryAfter(answer.headers['retry-after']) ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
				const waited = Date.now() - rateLimitedSince;
				if (this.rateLimitWaitMs > 0 && waited + pause <= this.rateLimitWaitMs) {
					this.ctx.logger.debug(`LACRM ${fn}: HTTP 429, waiting ${pause} ms`, { attempt });
					await sleep(pause);
					continue;
				}
				throw lacrmApiError(
					{ kind: 'rateLimited', status: 429, attempts: attempt, waitedMs: waited },
					errorContext,
				);
			}
			if (mayRetryStatus(answer.statusCode, isWrite)) {
				const wait =
					answer.statusCode === 429 ? parseRetryAfter(answer.headers['retry-after']) : undefined;
				const tooLong = wait !== undefined && wait > this.retry.maxRetryAfterMs;
				if (attempt < this.retry.maxAttempts && !tooLong) {
					this.ctx.logger.debug(`LACRM ${fn}: HTTP ${answer.statusCode}, retrying`, { attempt });
					await sleep(wait ?? backoffDelay(attempt, this.retry));
					continue;
				}
			}
			return this.interpret(answer, attempt, isWrite, errorContext);
		}
	}

	/**
	 * One attempt through the rate gate: waits for a free slot of this credential (and for any
	 * Retry-After pause another request was given), then tells the gate how LACRM answered.
	 */
	private async exchangeThrottled(
		prepare: (url: string) => PreparedRequest,
		fn: LacrmFunctionName,
		options: CallOptions,
		deadline: number,
	): Promise<AuthenticatedExchange | undefined> {
		if (!rateGate.adaptive) return await this.exchangeAuthenticated(prepare, fn, options);
		const throttle = rateGate.throttle(await this.throttleKey());
		const slot = await throttle.acquire(this.concurrency, deadline);
		if (!slot) return undefined;
		const { release, generation } = slot;
		const started = Date.now();
		try {
			const exchange = await this.exchangeAuthenticated(prepare, fn, options);
			if ('answer' in exchange.outcome) {
				const { statusCode, headers } = exchange.outcome.answer;
				if (statusCode === 429) {
					const pause = parseRetryAfter(headers['retry-after']) ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
					throttle.rateLimited(generation, pause);
				} else if (statusCode < 500) {
					throttle.succeeded(Date.now() - started);
				}
			}
			return exchange;
		} finally {
			release();
		}
	}

	/** One throttle per credential and API address: the same key against the sandbox is another. */
	private async throttleKey(): Promise<string> {
		const credential = this.node().credentials?.[this.credentialType];
		const snapshot =
			this.credentialType === 'lacrmApi'
				? await this.readApiKeyCredential()
				: await this.readCredential();
		return `${this.credentialType}:${credential?.id ?? credential?.name ?? 'default'}:${snapshot.baseUrl}`;
	}

	/** Turns one HTTP answer into a result or the right n8n error. */
	private interpret(
		answer: HttpAnswer,
		attempts: number,
		isWrite: boolean,
		errorContext: ErrorContext,
	): unknown {
		const { statusCode } = answer;
		const body = safeParse(answer.text);
		const lacrmError = readLacrmError(body);
		if (statusCode === 401 || statusCode === 403) {
			throw lacrmApiError({ kind: 'auth', status: statusCode, error: lacrmError }, errorContext);
		}
		if (statusCode === 429) {
			throw lacrmApiError({ kind: 'rateLimited', status: statusCode, attempts }, errorContext);
		}
		if (statusCode >= 500) {
			throw lacrmApiError(
				{ kind: 'server', status: statusCode, attempts, write: isWrite },
				errorContext,
			);
		}
		// A refused API key comes as 400 "Invalid credentials" (PostHog's LACRM source), not 401.
		if (lacrmError && CREDENTIAL_REFUSED.test(lacrmError.ErrorDescription)) {
			throw lacrmApiError({ kind: 'auth', status: statusCode, error: lacrmError }, errorContext);
		}
		// LACRM documents 400 + {ErrorCode, ErrorDescription}; a third-party client saw errors with 200.
		if (lacrmError) {
			throw lacrmApiError({ kind: 'lacrm', status: statusCode, error: lacrmError }, errorContext);
		}
		if (statusCode < 200 || statusCode >= 300) {
			throw lacrmApiError({ kind: 'http', status: statusCode }, errorContext);
		}
		if (body === NOT_JSON) {
			throw lacrmApiError({ kind: 'notJson', status: statusCode }, errorContext);
		}
		// Edit/Delete functions document no body; an empty answer is success.
		return body === EMPTY ? {} : body;
	}

	/** One attempt with the node's credential; for OAuth2 through the refresh gate. */
	private async exchangeAuthenticated(
		prepare: (url: string) => PreparedRequest,
		fn: LacrmFunctionName,
		options: CallOptions,
	): Promise<AuthenticatedExchange> {
		if (this.credentialType === 'lacrmApi') {
			const snapshot = await this.readApiKeyCredential();
			return {
				outcome: await this.exchange(prepare(snapshot.baseUrl), true),
				secrets: snapshot.secrets,
			};
		}
		if (!refreshGate.enabled) {
			// Plain n8n behaviour, no coordination at all: only for tests that show the hazard.
			const snapshot = await this.readCredential();
			return {
				outcome: await this.exchange(prepare(snapshot.baseUrl), false),
				secrets: snapshot.secrets,
			};
		}
		return await this.exchangeThroughGate(prepare, fn, options);
	}

	private async exchangeThroughGate(
		prepare: (url: string) => PreparedRequest,
		fn: LacrmFunctionName,
		options: CallOptions,
	): Promise<AuthenticatedExchange> {
		const lane = this.lane();
		const selfRefresh = this.canRefreshItself();
		let snapshot = await this.readCredential();
		let exclusive = !(
			selfRefresh && lane.isFresh(snapshot.tokenFingerprint, snapshot.tokenExpiresAt, Date.now())
		);
		let release = await lane.acquire(exclusive);
		try {
			if (!selfRefresh) {
				// n8n without refreshOAuth2Token: let n8n refresh on a 401, but only one request in flight.
				snapshot = await this.readCredential();
				return {
					outcome: await this.exchange(prepare(snapshot.baseUrl), false),
					secrets: snapshot.secrets,
				};
			}
			if (exclusive) {
				// Whoever held the lane before us may have refreshed: look again.
				snapshot = await this.readCredential();
				if (
					snapshot.tokenExpiresAt !== undefined &&
					snapshot.tokenExpiresAt <= Date.now() + 30_000
				) {
					this.ctx.logger.debug(`LACRM ${fn}: access token expired, refreshing before the call`);
					snapshot = await this.refresh(lane, snapshot, fn, options);
				}
			}
			const first = await this.exchange(prepare(snapshot.baseUrl), true);
			if ('networkError' in first || !looksLikeRefusedToken(first.answer)) {
				return { outcome: first, secrets: snapshot.secrets };
			}

			if (!exclusive) {
				release();
				release = await lane.acquire(true);
				exclusive = true;
			}
			const current = await this.readCredential();
			snapshot =
				current.tokenFingerprint === snapshot.tokenFingerprint
					? await this.refresh(lane, current, fn, options)
					: current;
			const second = await this.exchange(prepare(snapshot.baseUrl), true);
			const refused = 'answer' in second && looksLikeRefusedToken(second.answer);
			return { outcome: second, secrets: snapshot.secrets, refusedAfterRefresh: refused };
		} finally {
			release();
		}
	}

	/** Refreshes through n8n's token manager (which persists the new token); caller holds the lane exclusively. */
	private async refresh(
		lane: CredentialLane,
		before: CredentialSnapshot,
		fn: LacrmFunctionName,
		options: CallOptions,
	): Promise<CredentialSnapshot> {
		let tokenData: Record<string, unknown>;
		try {
			tokenData = (await this.ctx.helpers.refreshOAuth2Token.call(
				this.ctx,
				this.credentialType,
			)) as Record<string, unknown>;
		} catch (error) {
			// Never retried: a refresh that failed half-way may already have used up the refresh token.
			this.ctx.logger.warn('LACRM OAuth2 token refresh failed', { node: this.node().name });
			throw lacrmApiError(classifyRefreshError(error), {
				...this.errorContext(fn, options),
				secrets: before.secrets,
			});
		}
		const accessToken =
			typeof tokenData?.access_token === 'string' ? tokenData.access_token : undefined;
		const expiresIn = Number(tokenData?.expires_in);
		const after = await this.readCredential();
		const newFingerprint = accessToken ? fingerprint(accessToken) : after.tokenFingerprint;
		if (newFingerprint) {
			const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 0;
			lane.markRefreshed(newFingerprint, Date.now() + lifetime);
		}
		this.ctx.logger.info('LACRM OAuth2 access token refreshed', { node: this.node().name });
		return after;
	}

	/** Sends one request; HTTP error statuses come back as answers, not exceptions. */
	private async exchange(
		request: PreparedRequest,
		ownStatusHandling: boolean,
	): Promise<ExchangeOutcome> {
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: request.url,
			headers: request.headers,
			body: request.body,
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			// With our own status handling n8n never sees a 401, so it cannot refresh behind the gate's back.
			ignoreHttpStatusErrors: ownStatusHandling,
			timeout: this.timeoutMs,
		};
		try {
			const response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				this.credentialType,
				options,
			)) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
			return {
				answer: {
					statusCode: response.statusCode,
					headers: response.headers ?? {},
					text: bodyText(response.body),
				},
			};
		} catch (error) {
			// Without our own status handling n8n throws on HTTP errors; the response is inside.
			const answer = httpAnswerFromError(error);
			return answer ? { answer } : { networkError: networkCodeOf(error) };
		}
	}

	private canRefreshItself(): boolean {
		return typeof this.ctx.helpers.refreshOAuth2Token === 'function';
	}

	private lane(): CredentialLane {
		const credential = this.node().credentials?.[this.credentialType];
		return refreshGate.lane(
			`${this.credentialType}:${credential?.id ?? credential?.name ?? 'default'}`,
		);
	}

	private node(): INode {
		return this.ctx.getNode();
	}

	private errorContext(fn: LacrmFunctionName, options: CallOptions): Omit<ErrorContext, 'secrets'> {
		return {
			node: this.node(),
			fn,
			credentialType: this.credentialType,
			itemIndex: options.itemIndex,
		};
	}

	/** The API key credential does not change during an execution: read it once. */
	private async readApiKeyCredential(): Promise<CredentialSnapshot> {
		this.apiKeySnapshot ??= this.readCredential();
		return await this.apiKeySnapshot;
	}

	/** Re-read on every call for OAuth2: another execution may have refreshed the token meanwhile. */
	private async readCredential(): Promise<CredentialSnapshot> {
		const data = await this.ctx.getCredentials(this.credentialType);
		return snapshotCredential(this.credentialType, data);
	}
}

// -------------------------------------------------------------------------------------------------

const NOT_JSON = Symbol('not JSON');
const EMPTY = Symbol('empty');

function safeParse(text: string): unknown {
	if (text.trim() === '') return EMPTY;
	try {
		return parseLosslessJson(text);
	} catch {
		return NOT_JSON;
	}
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return JSON.stringify(body);
}

/**
 * LACRM does not document how it answers an expired token. A 401 certainly means it; so does a 400
 * whose text says the token is expired, invalid or revoked — whatever our estimate of the token's
 * freshness: LACRM can end a token before the expiry n8n recorded (revoked early, a shorter real
 * lifetime, clock skew). A second refresh is still impossible: the caller refreshes only while the
 * stored token is the one that failed.
 */
function looksLikeRefusedToken(answer: HttpAnswer): boolean {
	if (answer.statusCode === 401) return true;
	if (answer.statusCode !== 400) return false;
	const error = readLacrmError(safeParse(answer.text));
	return error !== undefined && CREDENTIAL_REFUSED.test(error.ErrorDescription);
}

/**
 * Normalises LACRM's list shapes into items plus "is there more?": `{HasMoreResults, Results}`
 * pages — whose `Results` is an array for most functions but an object keyed by id for GetTasks
 * (PostHog's and Airbyte's LACRM sources both read it that way) — bare arrays, and bare objects
 * keyed by id.
 */
function readListAnswer<T>(answer: unknown): { items: T[]; hasMore: boolean } {
	if (answer && typeof answer === 'object' && !Array.isArray(answer) && 'Results' in answer) {
		const page = answer as { Results: unknown; HasMoreResults?: unknown };
		return { items: recordsIn<T>(page.Results), hasMore: page.HasMoreResults === true };
	}
	return { items: recordsIn<T>(answer), hasMore: false };
}

/** The records of an array, or the values of an object keyed by id. */
function recordsIn<T>(list: unknown): T[] {
	if (Array.isArray(list)) return list as T[];
	if (list && typeof list === 'object') {
		return Object.values(list).filter((value) => value && typeof value === 'object') as T[];
	}
	return [];
}

/** Finds an HTTP response inside whatever n8n or axios threw (n8n wraps axios errors in NodeApiError). */
function httpAnswerFromError(error: unknown): HttpAnswer | undefined {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const candidate = current as {
			response?: {
				status?: number;
				headers?: Record<string, unknown>;
				data?: unknown;
				body?: unknown;
			};
			statusCode?: number;
			cause?: unknown;
		};
		const status = candidate.response?.status;
		if (typeof status === 'number') {
			return {
				statusCode: status,
				headers: candidate.response?.headers ?? {},
				text: bodyText(candidate.response?.data ?? candidate.response?.body),
			};
		}
		current = candidate.cause;
	}
	return undefined;
}

function networkCodeOf(error: unknown): string {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const candidate = current as {
			code?: unknown;
			httpCode?: unknown;
			message?: unknown;
			cause?: unknown;
		};
		if (typeof candidate.code === 'string' && /^[A-Z_]+$/.test(candidate.code))
			return candidate.code;
		// n8n-workflow 1.x's NodeApiError keeps the Node error code only in httpCode (no cause).
		if (typeof candidate.httpCode === 'string' && /^E[A-Z_]+$/.test(candidate.httpCode))
			return candidate.httpCode;
		if (typeof candidate.message === 'string' && /socket hang up/i.test(candidate.message))
			return 'SOCKET_HANG_UP';
		current = candidate.cause;
	}
	return 'NETWORK_ERROR';
}

/**
 * A refused refresh means the grant is gone and only reconnecting helps: @n8n/client-oauth2 throws
 * an AuthError (code EAUTH, e.g. invalid_grant) or a ResponseError with a 4xx status, and n8n-core
 * 2.x turns invalid_grant into "needs to be reconnected".
 */
function classifyRefreshError(error: unknown): LacrmFailure {
	const candidate = (error ?? {}) as { code?: unknown; status?: unknown; message?: unknown };
	const message = typeof candidate.message === 'string' ? candidate.message : '';
	if (candidate.code === 'EAUTH' || /reconnect|invalid_grant/i.test(message))
		return { kind: 'reconnect' };
	if (typeof candidate.status === 'number') {
		return candidate.status < 500
			? { kind: 'reconnect' }
			: { kind: 'http', status: candidate.status };
	}
	const answer = httpAnswerFromError(error);
	if (answer)
		return answer.statusCode < 500
			? { kind: 'reconnect' }
			: { kind: 'http', status: answer.statusCode };
	return { kind: 'network', code: networkCodeOf(error), attempts: 1, write: true };
}
