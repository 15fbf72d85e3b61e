import type { CallHold, HoldOptions, HoldOutcome } from './types';

/**
 * Held answers, for tests of races between clients ("both searches finish before either
 * create") that must not depend on timing: the next `count` calls of the chosen functions are
 * performed as usual, but none is answered until the last of them has been performed; then all
 * are answered at once. A hold that is not filled within `timeoutMs` lets its calls go and says
 * so, so a test whose clients never overlap fails instead of hanging.
 */

const DEFAULT_TIMEOUT_MS = 10_000;

interface Hold {
	functions: string[];
	count: number;
	waiting: Array<() => void>;
	finish: (outcome: HoldOutcome) => void;
	timer: NodeJS.Timeout;
}

export function validateHoldOptions(options: HoldOptions): HoldOptions {
	if (!options || typeof options !== 'object')
		throw new TypeError('hold options must be an object');
	const { functions, count, timeoutMs } = options;
	if (
		!Array.isArray(functions) ||
		functions.length === 0 ||
		!functions.every((fn) => typeof fn === 'string')
	)
		throw new TypeError('functions must be a non-empty array of Function names');
	if (!Number.isInteger(count) || count < 1) throw new TypeError('count must be an integer >= 1');
	if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !(timeoutMs > 0)))
		throw new TypeError('timeoutMs must be a positive number of milliseconds');
	return { functions: [...functions], count, timeoutMs };
}

export class CallBarriers {
	private readonly holds: Hold[] = [];

	hold(options: HoldOptions): CallHold {
		const { functions, count, timeoutMs } = validateHoldOptions(options);
		let finish!: (outcome: HoldOutcome) => void;
		const released = new Promise<HoldOutcome>((resolve) => (finish = resolve));
		const hold: Hold = {
			functions,
			count,
			waiting: [],
			finish,
			timer: setTimeout(() => this.release(hold, 'timeout'), timeoutMs ?? DEFAULT_TIMEOUT_MS),
		};
		hold.timer.unref();
		this.holds.push(hold);
		return { released, arrived: () => hold.waiting.length };
	}

	/** Called once a call has been performed, before it is answered; resolves when it may answer. */
	async arrive(fn: string): Promise<void> {
		const hold = this.holds.find((candidate) => candidate.functions.includes(fn));
		if (!hold) return;
		const mayAnswer = new Promise<void>((resolve) => hold.waiting.push(resolve));
		if (hold.waiting.length >= hold.count) this.release(hold, 'count');
		await mayAnswer;
	}

	/** Lets every held call go (stop, clear). */
	releaseAll(): void {
		for (const hold of [...this.holds]) this.release(hold, 'cleared');
	}

	state(): Array<{ functions: string[]; count: number; arrived: number }> {
		return this.holds.map(({ functions, count, waiting }) => ({
			functions: [...functions],
			count,
			arrived: waiting.length,
		}));
	}

	private release(hold: Hold, releasedBy: HoldOutcome['releasedBy']): void {
		const index = this.holds.indexOf(hold);
		if (index < 0) return;
		this.holds.splice(index, 1);
		clearTimeout(hold.timer);
		for (const answer of hold.waiting) answer();
		hold.finish({ releasedBy, arrived: hold.waiting.length });
	}
}
