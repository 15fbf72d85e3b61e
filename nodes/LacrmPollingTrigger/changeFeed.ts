/**
 * Turns "records sorted newest first" into "each change exactly once", for the polling trigger.
 *
 * State (kept in the workflow's static data) is a cursor — the newest change time seen, in LACRM's
 * own timestamps, never this machine's clock — plus the keys of changes at or just before it.
 * Each poll reads back to cursor − overlap (late-committed or same-second changes land there) and
 * skips keys already seen. The new state is returned, not written: the caller saves it only after
 * the whole poll succeeded, so a 429 or any error leaves it as it was — nothing lost, nothing
 * repeated — and the next successful poll moves the cursor on.
 */
import type { IDataObject } from 'n8n-workflow';

export interface FeedState {
	cursor?: number;
	seen?: string[];
	/** The feed the state belongs to; a different event or pipeline starts over. */
	feed?: string;
}

export interface ChangeFeed {
	/** A stable name for what is polled (event + pipeline). */
	feed: string;
	/** One page, newest first. */
	fetchPage: (page: number) => Promise<{ items: IDataObject[]; hasMore: boolean }>;
	/** When the record changed in the sense of this feed (created / last updated), as LACRM says. */
	changedAt: (record: IDataObject) => number;
	/** Identifies one change: the record id, plus its change time for "updated" feeds. */
	changeKey: (record: IDataObject) => string;
}

/** How far before the cursor each poll looks again. */
const OVERLAP_MS = 10 * 60 * 1000;

export interface PollResult {
	/** New changes, oldest first. */
	changes: IDataObject[];
	state: FeedState;
}

export async function readChanges(source: ChangeFeed, previous: FeedState): Promise<PollResult> {
	const state = previous.feed === source.feed ? previous : {};
	const firstPoll = state.cursor === undefined;
	const recent: IDataObject[] = [];
	let newest = state.cursor ?? Number.NEGATIVE_INFINITY;
	// First poll: the newest record is the baseline; what lies in the overlap window before it is
	// remembered as seen, so the next poll does not report it as new.
	const floor = () => (firstPoll ? newest : (state.cursor as number)) - OVERLAP_MS;
	pages: for (let page = 1; ; page++) {
		const { items, hasMore } = await source.fetchPage(page);
		for (const record of items) {
			const at = source.changedAt(record);
			if (!Number.isFinite(at)) continue;
			newest = Math.max(newest, at);
			if (at < floor()) break pages;
			recent.push(record);
		}
		if (!hasMore || items.length === 0) break;
	}
	const cursor = Number.isFinite(newest) ? newest : undefined;
	const seen = new Set(state.seen ?? []);
	const changes = firstPoll
		? []
		: recent
				.filter((record) => !seen.has(source.changeKey(record)))
				.sort((a, b) => source.changedAt(a) - source.changedAt(b));
	// Everything read is now either seen before or emitted; remember what the next window covers.
	const keep =
		cursor === undefined
			? []
			: recent
					.filter((record) => source.changedAt(record) >= cursor - OVERLAP_MS)
					.map(source.changeKey);
	return { changes, state: { feed: source.feed, cursor, seen: [...new Set(keep)] } };
}
