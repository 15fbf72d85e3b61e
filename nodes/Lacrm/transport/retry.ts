/**
 * When a failed LACRM call may be sent again, and how long to wait first.
 *
 * Reads are harmless to repeat. A write is repeated only when LACRM certainly did not act on it:
 * a 429 (rejected before processing) or a connection that was never established. A 5xx or a
 * dropped connection after sending may mean the contact was already created, and a blind retry
 * would create it twice.
 */

export interface RetryPolicy {
	/** Total attempts, the first one included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for; the call fails and says why. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
};

/** Errors where the request never left this machine: safe to repeat even for a write. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/** Transient network failures worth another try for a read. */
const TRANSIENT = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'SOCKET_HANG_UP',
]);

export function isNeverSent(code: string): boolean {
	return NEVER_SENT.has(code);
}

export function mayRetryNetworkError(code: string, isWrite: boolean): boolean {
	return isWrite ? NEVER_SENT.has(code) : TRANSIENT.has(code);
}

export function mayRetryStatus(status: number, isWrite: boolean): boolean {
	if (status === 429) return true;
	return !isWrite && status >= 500 && status <= 599;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
