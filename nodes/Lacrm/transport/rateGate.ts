/**
 * The rate gate: how many LACRM requests of one credential may be in flight in this n8n process,
 * adapted to what LACRM (or a proxy in front of it) accepts.
 *
 * LACRM documents no rate limit, but a 429 can come from it or from a proxy. A 429 means the
 * request was refused before anything happened, so it is always safe to send it again — the
 * question is only when. Each credential gets a throttle shared by every node and execution in
 * the process (module state, like the refresh gate):
 *
 *  - on a 429 the in-flight limit halves (once per wave: the other 429s of requests sent before
 *    the cut say nothing new). The refused request waits its Retry-After. A short one (a token
 *    bucket's "try again in a second") is that request's own; a long one (the credential is
 *    blocked for a while) also holds back every other request of the credential;
 *  - each success grows the limit by about one slot per round trip back up to 90% of the level
 *    where LACRM last said no, and very slowly beyond it, so it settles just below the refusal
 *    point instead of crossing it again and again;
 *  - once lowered, the limit may be fractional: 2.5 means 3 in flight at most, started at the
 *    pace of 2.5 per typical request time (a rate limit counts requests per second, not in flight);
 *  - the shared limit never exceeds the highest Max Parallel Requests (MAX_CONCURRENCY). Each
 *    execution keeps its own Max Parallel Requests on top (the router), so before any 429 several
 *    executions run side by side as they did without the gate (different people upserted at once
 *    must not wait for each other); a limit lowered below a node's Max Parallel paces its requests.
 */
import { sleep } from 'n8n-workflow';

type Release = () => void;

/** The highest Max Parallel Requests the node offers. */
const MAX_CONCURRENCY = 20;

/** Wait after a 429 that gives no Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1_000;

/**
 * A Retry-After longer than this pauses the whole credential. Shorter ones are a bucket refilling:
 * pausing everyone for them would leave the bucket full and unused (halving already slows down).
 */
const CREDENTIAL_PAUSE_AFTER_MS = 5_000;

/** Growth per success is `factor / limit`: about +1 per round trip below 90% of the last refusal. */
const GROWTH_BELOW_LAST_REFUSAL = 1;
const GROWTH_ABOVE_LAST_REFUSAL = 0.004;

/** The lowest limit: one request at a time, started at most every 4 typical request times. */
const MIN_LIMIT = 0.25;

export class CredentialThrottle {
	/** The in-flight limit; MAX_CONCURRENCY until LACRM first refuses a request. */
	limit = MAX_CONCURRENCY;

	/** The in-flight count at the last 429 (growth slows down here). */
	lastRefusalAt = Number.POSITIVE_INFINITY;

	inFlight = 0;

	/** No request starts before this time (epoch ms). */
	pausedUntil = 0;

	/** 429s seen, for logs and tests. */
	refusals = 0;

	/** How long a request typically takes (moving average), to pace a fractional limit. */
	typicalMs = 0;

	/** While paced: the earliest start of the next request (epoch ms). */
	private nextStartAt = 0;

	private generation = 0;

	private readonly waiting: Array<() => void> = [];

	/**
	 * Waits for a slot (and for any Retry-After pause); resolves to the wave it was sent in, or to
	 * undefined when the pause lasts past `deadline` (waiting would be in vain).
	 */
	async acquire(
		max: number,
		deadline = Number.POSITIVE_INFINITY,
	): Promise<{ release: Release; generation: number } | undefined> {
		const paced = () => this.limit < max;
		for (;;) {
			if (this.pausedUntil > deadline) return undefined;
			const wait = Math.max(this.pausedUntil, paced() ? this.nextStartAt : 0) - Date.now();
			if (wait > 0) {
				await sleep(wait);
				continue;
			}
			if (this.inFlight < Math.ceil(this.limit)) break;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		if (paced()) this.nextStartAt = Date.now() + this.typicalMs / this.limit;
		this.inFlight++;
		let released = false;
		return {
			generation: this.generation,
			release: () => {
				if (released) return;
				released = true;
				this.inFlight--;
				this.wakeAll();
			},
		};
	}

	/** A request sent in wave `generation` was answered 429. */
	rateLimited(generation: number, pauseMs: number, now = Date.now()): void {
		this.refusals++;
		if (pauseMs > CREDENTIAL_PAUSE_AFTER_MS)
			this.pausedUntil = Math.max(this.pausedUntil, now + pauseMs);
		if (generation !== this.generation) return;
		this.generation++;
		const level = Math.min(this.limit, this.inFlight);
		this.lastRefusalAt = level;
		this.limit = Math.max(MIN_LIMIT, level / 2);
	}

	/** A request was answered (not 429, not 5xx) after `durationMs`. */
	succeeded(durationMs: number): void {
		this.typicalMs = this.typicalMs === 0 ? durationMs : 0.8 * this.typicalMs + 0.2 * durationMs;
		if (this.limit >= MAX_CONCURRENCY) return;
		const ceiling = 0.9 * this.lastRefusalAt;
		const before = Math.ceil(this.limit);
		this.limit = Math.min(
			MAX_CONCURRENCY,
			this.limit < ceiling
				? Math.min(ceiling, this.limit + GROWTH_BELOW_LAST_REFUSAL / this.limit)
				: this.limit + GROWTH_ABOVE_LAST_REFUSAL / this.limit,
		);
		if (Math.ceil(this.limit) > before) this.wakeAll();
	}

	private wakeAll(): void {
		for (const wake of this.waiting.splice(0)) wake();
	}
}

export class RateGate {
	/**
	 * Off only in tests and the bench that show what happens without it: no shared slowdown, and a
	 * 429 is retried a fixed number of times like any other transient failure.
	 */
	adaptive = true;

	private readonly throttles = new Map<string, CredentialThrottle>();

	throttle(credentialKey: string): CredentialThrottle {
		let throttle = this.throttles.get(credentialKey);
		if (!throttle) {
			throttle = new CredentialThrottle();
			this.throttles.set(credentialKey, throttle);
		}
		return throttle;
	}

	/** Forget everything (tests). */
	reset(): void {
		this.throttles.clear();
		this.adaptive = true;
	}
}

export const rateGate = new RateGate();
