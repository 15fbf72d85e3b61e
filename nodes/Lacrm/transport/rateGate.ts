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
 *    the cut say nothing new) and no request of that credential starts before Retry-After;
 *  - each success counts towards one more slot; growth is quick back up to the level where LACRM
 *    last said no, and slow beyond it, so the limit settles just below the refusal point instead
 *    of crossing it again and again;
 *  - the limit never exceeds the Max Parallel Requests of the node asking.
 */
import { sleep } from 'n8n-workflow';

type Release = () => void;

/** The highest Max Parallel Requests the node offers. */
export const MAX_CONCURRENCY = 20;

/** Wait after a 429 that gives no Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1_000;

/** Successes per slot, below and above the level of the last 429. */
const GROWTH_BELOW_LAST_REFUSAL = 4;
const GROWTH_ABOVE_LAST_REFUSAL = 100;

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

	private generation = 0;

	private successes = 0;

	private readonly waiting: Array<() => void> = [];

	/**
	 * Waits for a slot (and for any Retry-After pause); resolves to the wave it was sent in, or to
	 * undefined when the pause lasts past `deadline` (waiting would be in vain).
	 */
	async acquire(
		max: number,
		deadline = Number.POSITIVE_INFINITY,
	): Promise<{ release: Release; generation: number } | undefined> {
		for (;;) {
			const wait = this.pausedUntil - Date.now();
			if (this.pausedUntil > deadline) return undefined;
			if (wait > 0) {
				await sleep(wait);
				continue;
			}
			if (this.inFlight < Math.max(1, Math.min(max, this.limit))) break;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
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
		this.pausedUntil = Math.max(this.pausedUntil, now + pauseMs);
		if (generation !== this.generation) return;
		this.generation++;
		const level = Math.min(this.limit, this.inFlight);
		this.lastRefusalAt = level;
		this.limit = Math.max(1, Math.floor(level / 2));
		this.successes = 0;
	}

	succeeded(): void {
		if (this.limit >= MAX_CONCURRENCY) return;
		this.successes++;
		const perSlot =
			this.limit + 1 < this.lastRefusalAt ? GROWTH_BELOW_LAST_REFUSAL : GROWTH_ABOVE_LAST_REFUSAL;
		if (this.successes >= perSlot * this.limit) {
			this.successes = 0;
			this.limit++;
			this.wakeAll();
		}
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
