/**
 * Locks by key, for work that must not overlap with other work on the same key: one holder at a
 * time per key, in arrival order; different keys never wait for each other.
 *
 * The instances below are module state, so — like the refresh gate — they are shared by every
 * node and every execution in this n8n process (regular mode, or one queue-mode worker). Another
 * process has its own; what crosses processes has to be handled against LACRM itself.
 */
export class KeyedLock {
	/** Per key: settles when the last holder queued so far has finished. */
	private readonly tails = new Map<string, Promise<void>>();

	async run<T>(key: string, work: () => Promise<T>): Promise<T> {
		const before = this.tails.get(key) ?? Promise.resolve();
		let release!: () => void;
		const done = new Promise<void>((resolve) => (release = resolve));
		const tail = before.then(async () => await done);
		this.tails.set(key, tail);
		await before;
		try {
			return await work();
		} finally {
			release();
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}

	/** Keys currently held or waited for. */
	get size(): number {
		return this.tails.size;
	}
}

/**
 * Create or Update: held per (LACRM access, record kind, normalised match value) from the search
 * until the create or edit has returned, so one person arriving twice at once is created once.
 */
export const upsertLock = new KeyedLock();
