import type { SandboxCounters, WebhookDeliveryRecord } from './types';

/** Keep the delivery log bounded: a benchmark can fire far more events than anyone will read. */
const MAX_DELIVERY_RECORDS = 10_000;

export class Counters {
	private data = Counters.empty();
	private currentSecond = 0;
	private currentSecondCount = 0;

	private static empty(): SandboxCounters {
		return {
			totalCalls: 0,
			callsByFunction: {},
			succeededByFunction: {},
			rateLimited: 0,
			tokenGrants: 0,
			refreshes: 0,
			refreshReuses: 0,
			revokedGrants: 0,
			unauthorized: 0,
			expiredTokenRejections: 0,
			peakRequestsPerSecond: 0,
			peakConcurrent: 0,
			inFlight: 0,
			webhookDeliveries: [],
		};
	}

	/** Rates and concurrency are measured on the wall clock: the sandbox clock can jump. */
	apiRequestStarted(): void {
		const d = this.data;
		d.inFlight++;
		if (d.inFlight > d.peakConcurrent) d.peakConcurrent = d.inFlight;
		const second = Math.floor(Date.now() / 1000);
		if (second !== this.currentSecond) {
			this.currentSecond = second;
			this.currentSecondCount = 0;
		}
		this.currentSecondCount++;
		if (this.currentSecondCount > d.peakRequestsPerSecond)
			d.peakRequestsPerSecond = this.currentSecondCount;
	}

	apiRequestFinished(): void {
		this.data.inFlight = Math.max(0, this.data.inFlight - 1);
	}

	countCall(fn: string): void {
		this.data.totalCalls++;
		this.data.callsByFunction[fn] = (this.data.callsByFunction[fn] ?? 0) + 1;
	}

	/** How a /v2/ call was answered: successes per function, and 429s. */
	answered(fn: string, status: number): void {
		if (status === 429) this.data.rateLimited++;
		if (status >= 200 && status < 300)
			this.data.succeededByFunction[fn] = (this.data.succeededByFunction[fn] ?? 0) + 1;
	}

	bump(
		key:
			| 'tokenGrants'
			| 'refreshes'
			| 'refreshReuses'
			| 'revokedGrants'
			| 'unauthorized'
			| 'expiredTokenRejections',
	): void {
		this.data[key]++;
	}

	delivery(record: WebhookDeliveryRecord): void {
		const list = this.data.webhookDeliveries;
		list.push(record);
		if (list.length > MAX_DELIVERY_RECORDS) list.splice(0, list.length - MAX_DELIVERY_RECORDS);
	}

	snapshot(): SandboxCounters {
		return structuredClone(this.data);
	}

	/** Everything back to zero, except requests that are still in flight. */
	reset(): void {
		const inFlight = this.data.inFlight;
		this.data = Counters.empty();
		this.data.inFlight = inFlight;
		this.currentSecondCount = 0;
	}
}
