import type { Store } from '../store';
import { ApiError } from '../core/errors';
import type { CallContext } from './context';

export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 10_000;

export interface Page {
	HasMoreResults: boolean;
	Results: unknown[];
}

/** Page size and number, checked: LACRM documents a maximum of 10,000 (REFERENCE §7). */
export function pageWindow(ctx: CallContext): { size: number; page: number } {
	const size = ctx.p.num('MaxNumberOfResults') ?? DEFAULT_PAGE_SIZE;
	const page = ctx.p.num('Page') ?? 1;
	if (!Number.isInteger(size) || size < 1) {
		throw new ApiError(
			`invalid-page-size:${ctx.fn}`,
			`'MaxNumberOfResults' must be a whole number of at least 1, got ${size}.`,
		);
	}
	if (size > MAX_PAGE_SIZE) {
		throw new ApiError(
			`page-size-too-large:${ctx.fn}`,
			`'MaxNumberOfResults' can be at most ${MAX_PAGE_SIZE}, got ${size}.`,
		);
	}
	if (!Number.isInteger(page) || page < 1) {
		throw new ApiError(
			`invalid-page:${ctx.fn}`,
			`'Page' must be a whole number of at least 1 (pages start at 1), got ${page}.`,
		);
	}
	return { size, page };
}

/**
 * `{HasMoreResults, Results}` for one page. Only the records on the page are rendered, so paging
 * through 100,000 contacts costs one filter and one slice per call. Past the end: an empty page.
 */
export function paginate<T>(
	ctx: CallContext,
	items: readonly T[],
	render: (item: T) => unknown,
): Page {
	const { size, page } = pageWindow(ctx);
	const start = (page - 1) * size;
	if (start >= items.length) return { HasMoreResults: false, Results: [] };
	const slice = items.slice(start, start + size);
	return { HasMoreResults: start + size < items.length, Results: slice.map(render) };
}

/** Stable sort by a precomputed key; Descending reverses the whole order, ties included. */
export function sortBy<T>(items: T[], key: (item: T) => string | number, descending: boolean): T[] {
	const decorated = items.map((item, i) => ({ item, k: key(item), i }));
	decorated.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
	const out = decorated.map((d) => d.item);
	if (descending) out.reverse();
	return out;
}

/** Items sorted by `key` in the SortDirection asked for (else `fallback`), one page of them. */
export function sortedPage<T>(
	ctx: CallContext,
	items: T[],
	key: (item: T) => string | number,
	fallback: 'Ascending' | 'Descending',
	serialize: (store: Store, item: T) => unknown,
): Page {
	const descending = (ctx.p.str('SortDirection') ?? fallback) === 'Descending';
	return paginate(ctx, sortBy(items, key, descending), (item) => serialize(ctx.store, item));
}
