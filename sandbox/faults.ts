import { Prng, deriveSeed } from './core/prng';
import type { FaultOptions, ScriptedFault } from './types';

/**
 * Fault injection for API calls. Two sources, checked in this order:
 *  1. a FIFO queue of scripted faults — each entry is consumed by the next call it applies to;
 *  2. rate-based faults (429, 5xx, 500-after-commit), drawn from a PRNG seeded with randomSeed and
 *     re-seeded whenever the options change, so a test that sets a rate gets the same sequence
 *     every run.
 */

export const TOKEN_ENDPOINT = 'oauth/token';

export type FaultDecision =
	| { kind: 'none' }
	| {
			kind: 'status';
			status: number;
			retryAfterSeconds?: number;
			body?: unknown;
			afterCommit: boolean;
	  }
	| { kind: 'reset'; afterCommit: boolean };

const NONE: FaultDecision = { kind: 'none' };

function checkRate(name: string, rate: unknown): void {
	if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
		throw new TypeError(`${name}.rate must be a number between 0 and 1`);
}

function checkStatus(name: string, status: unknown): void {
	if (
		status !== undefined &&
		(typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
	) {
		throw new TypeError(`${name} must be an HTTP status (100-599)`);
	}
}

function checkFunctions(name: string, fns: unknown): void {
	if (fns !== undefined && (!Array.isArray(fns) || !fns.every((f) => typeof f === 'string')))
		throw new TypeError(`${name} must be an array of Function names`);
}

export function validateFaultOptions(f: FaultOptions): FaultOptions {
	if (!f || typeof f !== 'object') throw new TypeError('faults must be an object');
	const lat = f.latencyMs;
	if (lat !== undefined) {
		const ok =
			(typeof lat === 'number' && lat >= 0) ||
			(typeof lat === 'object' &&
				lat !== null &&
				typeof lat.min === 'number' &&
				typeof lat.max === 'number' &&
				lat.min >= 0 &&
				lat.max >= lat.min);
		if (!ok)
			throw new TypeError(
				'latencyMs must be a non-negative number or {min, max} with 0 <= min <= max',
			);
	}
	if (f.rateLimit) {
		checkRate('rateLimit', f.rateLimit.rate);
		if (typeof f.rateLimit.retryAfterSeconds !== 'number' || f.rateLimit.retryAfterSeconds < 0)
			throw new TypeError('rateLimit.retryAfterSeconds must be a number >= 0');
	}
	if (f.tokenBucket) {
		const { perSecond, burst } = f.tokenBucket;
		if (typeof perSecond !== 'number' || !(perSecond > 0))
			throw new TypeError('tokenBucket.perSecond must be a number > 0');
		if (typeof burst !== 'number' || !(burst >= 1))
			throw new TypeError('tokenBucket.burst must be a number >= 1');
	}
	if (f.serverErrors) {
		checkRate('serverErrors', f.serverErrors.rate);
		checkStatus('serverErrors.status', f.serverErrors.status);
	}
	if (f.errorAfterCommit) checkRate('errorAfterCommit', f.errorAfterCommit.rate);
	checkFunctions('functions', f.functions);
	return structuredClone(f);
}

export function validateScriptedFaults(list: ScriptedFault[]): ScriptedFault[] {
	if (!Array.isArray(list)) throw new TypeError('scripted faults must be an array');
	for (const [i, f] of list.entries()) {
		if (!f || typeof f !== 'object') throw new TypeError(`scripted fault #${i} must be an object`);
		checkStatus(`scripted fault #${i} status`, f.status);
		if (f.networkError !== undefined && f.networkError !== 'reset')
			throw new TypeError(`scripted fault #${i}: networkError must be 'reset'`);
		if (
			f.retryAfterSeconds !== undefined &&
			(typeof f.retryAfterSeconds !== 'number' || f.retryAfterSeconds < 0)
		) {
			throw new TypeError(`scripted fault #${i}: retryAfterSeconds must be a number >= 0`);
		}
		checkFunctions(`scripted fault #${i} functions`, f.functions);
	}
	return structuredClone(list);
}

export class FaultInjector {
	private options: FaultOptions = {};
	private queue: ScriptedFault[] = [];
	private rng: Prng;
	private latencyRng: Prng;
	/** Token bucket state: tokens saved up at `bucketAt` (wall clock, like real rate limits). */
	private bucketTokens = 0;
	private bucketAt = 0;

	constructor(
		private readonly seed: number,
		initial?: FaultOptions,
	) {
		this.rng = new Prng(deriveSeed(seed, 'faults'));
		this.latencyRng = new Prng(deriveSeed(seed, 'latency'));
		if (initial) this.set(initial);
	}

	set(options: FaultOptions): void {
		this.options = validateFaultOptions(options);
		this.rng = new Prng(deriveSeed(this.seed, 'faults'));
		this.latencyRng = new Prng(deriveSeed(this.seed, 'latency'));
		this.bucketTokens = this.options.tokenBucket?.burst ?? 0;
		this.bucketAt = Date.now();
	}

	/** Takes a token; without one, the seconds until the next (for Retry-After). */
	private takeToken(bucket: { perSecond: number; burst: number }): number | undefined {
		const now = Date.now();
		this.bucketTokens = Math.min(
			bucket.burst,
			this.bucketTokens + ((now - this.bucketAt) / 1000) * bucket.perSecond,
		);
		this.bucketAt = now;
		if (this.bucketTokens >= 1) {
			this.bucketTokens -= 1;
			return undefined;
		}
		return Math.max(1, Math.ceil((1 - this.bucketTokens) / bucket.perSecond));
	}

	/** Appends to the queue (call clear() first to replace it). */
	script(list: ScriptedFault[]): void {
		this.queue.push(...validateScriptedFaults(list));
	}

	clear(): void {
		this.options = {};
		this.queue = [];
	}

	state(): { options: FaultOptions; scripted: ScriptedFault[] } {
		return { options: structuredClone(this.options), scripted: structuredClone(this.queue) };
	}

	private targets(fn: string): boolean {
		const fns = this.options.functions;
		return !fns || fns.length === 0 || fns.includes(fn);
	}

	private takeScripted(fn: string): ScriptedFault | undefined {
		const index = this.queue.findIndex((f) =>
			f.functions && f.functions.length > 0 ? f.functions.includes(fn) : fn !== TOKEN_ENDPOINT,
		);
		return index < 0 ? undefined : this.queue.splice(index, 1)[0];
	}

	private fromScripted(f: ScriptedFault): FaultDecision {
		const afterCommit = f.afterCommit === true;
		if (f.networkError === 'reset') return { kind: 'reset', afterCommit };
		if (f.status !== undefined || afterCommit) {
			return {
				kind: 'status',
				status: f.status ?? 500,
				retryAfterSeconds: f.retryAfterSeconds,
				body: f.body,
				afterCommit,
			};
		}
		return NONE; // an empty entry lets one call through untouched
	}

	/** Decide what happens to one API call (consumes a scripted entry or PRNG draws). */
	decide(fn: string): FaultDecision {
		const scripted = this.takeScripted(fn);
		if (scripted) return this.fromScripted(scripted);
		if (fn === TOKEN_ENDPOINT || !this.targets(fn)) return NONE;
		const { rateLimit, serverErrors, errorAfterCommit, tokenBucket } = this.options;
		if (tokenBucket) {
			const retryAfterSeconds = this.takeToken(tokenBucket);
			if (retryAfterSeconds !== undefined)
				return { kind: 'status', status: 429, retryAfterSeconds, afterCommit: false };
		}
		if (rateLimit && this.rng.chance(rateLimit.rate)) {
			return {
				kind: 'status',
				status: 429,
				retryAfterSeconds: rateLimit.retryAfterSeconds,
				afterCommit: false,
			};
		}
		if (serverErrors && this.rng.chance(serverErrors.rate)) {
			return { kind: 'status', status: serverErrors.status ?? 500, afterCommit: false };
		}
		if (errorAfterCommit && this.rng.chance(errorAfterCommit.rate)) {
			return { kind: 'status', status: 500, afterCommit: true };
		}
		return NONE;
	}

	latencyFor(fn: string): number {
		const lat = this.options.latencyMs;
		if (lat === undefined || !this.targets(fn)) return 0;
		if (typeof lat === 'number') return lat;
		return lat.min + this.latencyRng.next() * (lat.max - lat.min);
	}
}
