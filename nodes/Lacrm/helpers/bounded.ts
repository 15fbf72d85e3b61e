/** Bounded concurrency over input items: the router's item loop, and batched operations' writes. */

/**
 * Runs task(0..count-1) with at most `limit()` in flight, asking again each time a slot frees up
 * (an OAuth2 credential becomes eligible for parallel requests once its token is known fresh).
 * On the first failure no new task starts; tasks already running are allowed to finish.
 */
export async function runBounded(
	count: number,
	limit: () => Promise<number>,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const running = new Set<Promise<void>>();
	while (next < count && !failure) {
		const allowed = await limit();
		while (running.size < allowed && next < count && !failure) {
			const index = next++;
			const promise: Promise<void> = task(index)
				.catch((error: unknown) => {
					failure ??= { error };
				})
				.finally(() => running.delete(promise));
			running.add(promise);
		}
		if (running.size > 0) await Promise.race(running);
	}
	await Promise.all(running);
	if (failure) throw failure.error;
}
