/**
 * The sandbox's movable clock: real time plus an offset. It drives token and code expiry, FileUrl
 * expiry and every DateCreated/LastUpdate the API reports, so tests can jump an hour ahead without
 * waiting. Retry back-off of webhook deliveries deliberately uses real timers instead (a test that
 * advances the clock should not also fire pending retries).
 */
export class Clock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance(ms: number): void {
		if (!Number.isFinite(ms)) throw new TypeError('advance(ms) needs a finite number');
		this.offsetMs += ms;
	}

	set(epochMs: number): void {
		if (!Number.isFinite(epochMs)) throw new TypeError('set(epochMs) needs a finite number');
		this.offsetMs = epochMs - Date.now();
	}

	get offset(): number {
		return this.offsetMs;
	}
}
