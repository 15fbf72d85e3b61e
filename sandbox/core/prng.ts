/**
 * Seeded pseudo-random numbers (mulberry32). Everything the sandbox invents — demo data, Uids,
 * fault decisions, latency jitter — comes from one of these, so a run is reproducible from
 * `randomSeed`. Not for secrets: tokens and webhook secrets use node:crypto.
 */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(rate: number): boolean {
		return rate > 0 && this.next() < rate;
	}

	/** `count` decimal digits, leading zeros allowed. */
	digits(count: number): string {
		let out = '';
		while (out.length < count) {
			out += Math.floor(this.next() * 1e9)
				.toString()
				.padStart(9, '0');
		}
		return out.slice(0, count);
	}
}

/** Independent streams from one seed, so adding a fault draw never shifts the ids of later records. */
export function deriveSeed(seed: number, stream: string): number {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	for (let i = 0; i < stream.length; i++) {
		h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
	}
	return h;
}
