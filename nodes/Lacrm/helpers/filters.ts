/** Filters several list operations share, described once. */
import { choice, dateTime } from './fieldBuilders';
import type { ItemInput, PreparedItem } from './operation';

/** LACRM's SortDirection, with its default for this list and what it sorts by. */
export function sortDirection(defaultDirection: 'Ascending' | 'Descending', sortedBy?: string) {
	const order = defaultDirection === 'Ascending' ? 'oldest or soonest first' : 'newest first';
	return choice({
		key: 'SortDirection',
		displayName: 'Sort Direction',
		name: 'sortDirection',
		choices: ['Ascending', 'Descending'],
		default: defaultDirection,
		description: sortedBy
			? `By ${sortedBy}; ${defaultDirection} (${order}) is LACRM's default`
			: undefined,
	});
}

/** DateFilterStart / DateFilterEnd of GetNotes and GetEmails. */
export function dateFilterRange(records: string, verb: string) {
	return [
		dateTime({
			key: 'DateFilterStart',
			displayName: 'From Date',
			name: 'dateFilterStart',
			description: `Only ${records} ${verb} on or after this moment`,
		}),
		dateTime({
			key: 'DateFilterEnd',
			displayName: 'To Date',
			name: 'dateFilterEnd',
			description: `Only ${records} ${verb} on or before this moment`,
		}),
	];
}

/** Refuses a From/To Date range that ends before it starts. */
export function checkDateFilterRange(input: ItemInput, prepared: PreparedItem): void {
	const { DateFilterStart: from, DateFilterEnd: to } = prepared.parameters;
	if (typeof from === 'string' && typeof to === 'string' && Date.parse(to) < Date.parse(from)) {
		throw input.error('Filters → To Date', `${to} is before From Date ${from}`);
	}
}
