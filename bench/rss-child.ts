/**
 * Forked by bench/run.ts for the memory figure: lists every contact through the LACRM node (Return
 * All) inside n8n-core's engine and reports this process's RSS — baseline before the listing, peak
 * during it. Peak = the kernel's high-water mark (`process.resourceUsage().maxRSS`), which also
 * catches spikes inside long synchronous work (JSON parsing) that a timer cannot sample; a 2 ms
 * sampler of `memoryUsage()` is reported next to it.
 *
 * Protocol (IPC): child → {type:'ready'} after a warm-up; parent → {type:'go'}; child → {type:'result', …}.
 * Env: BENCH_SANDBOX_API_URL, BENCH_SANDBOX_API_KEY.
 */
import './env';

import { apiKeyCredentials, runLacrm, timed } from './lib';

export interface RssChildResult {
	type: 'result';
	items: number;
	ms: number;
	baselineRss: number;
	baselineHeapUsed: number;
	/** The high-water mark before the listing (the warm-up may have set it). */
	baselineMaxRss: number;
	peakRss: number;
	sampledPeakRss: number;
	sampledPeakHeapUsed: number;
	rssAfter: number;
	samples: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
	const apiUrl = process.env.BENCH_SANDBOX_API_URL;
	const apiKey = process.env.BENCH_SANDBOX_API_KEY;
	if (!apiUrl || !apiKey || !process.send)
		throw new Error('rss-child: run me through bench/run.ts (fork with IPC)');
	const credentials = apiKeyCredentials({ apiKey, apiUrl });
	const parameters = { resource: 'contact', operation: 'getAll', returnAll: true };

	// Warm-up: load n8n-core, the node and every code path of a list call (one page of one contact).
	await runLacrm(credentials, { ...parameters, returnAll: false, limit: 1 });

	await new Promise<void>((resolve) => {
		process.once('message', () => resolve());
		process.send!({ type: 'ready' });
	});

	gc?.();
	await new Promise((resolve) => setTimeout(resolve, 50));
	gc?.();
	const baseline = process.memoryUsage();
	const baselineMaxRss = process.resourceUsage().maxRSS * 1024;

	let sampledPeakRss = baseline.rss;
	let sampledPeakHeapUsed = baseline.heapUsed;
	let samples = 0;
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		samples++;
		if (usage.rss > sampledPeakRss) sampledPeakRss = usage.rss;
		if (usage.heapUsed > sampledPeakHeapUsed) sampledPeakHeapUsed = usage.heapUsed;
	}, 2);

	const { ms, value: run } = await timed(() => runLacrm(credentials, parameters));
	clearInterval(sampler);
	const items = run.output('LACRM')?.length ?? 0;
	const rssAfter = process.memoryUsage().rss;
	const peakRss = process.resourceUsage().maxRSS * 1024;

	const result: RssChildResult = {
		type: 'result',
		items,
		ms,
		baselineRss: baseline.rss,
		baselineHeapUsed: baseline.heapUsed,
		baselineMaxRss,
		peakRss: Math.max(peakRss, sampledPeakRss),
		sampledPeakRss,
		sampledPeakHeapUsed,
		rssAfter,
		samples,
	};
	process.send(result, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
	process.stderr.write(`rss-child: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
