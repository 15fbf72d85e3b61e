import { ApiError, notFound } from '../core/errors';
import { addDays, parseDateTime, startOfDate } from '../core/dates';
import type { Store } from '../store';
import type { Params } from './context';

/** An input DateTime as an instant (the validator has already checked it parses). */
export function instantOf(value: string): number {
	const parsed = parseDateTime(value);
	if (!parsed)
		throw new ApiError('invalid-datetime', `'${value}' is not a date and time LACRM understands.`);
	return parsed.ms;
}

/**
 * A [from, to] window from two DateTime parameters, both inclusive. A date-only end
 * (`2025-01-31`) means the end of that day, which is what a person asking for "until the 31st"
 * expects.
 */
export function windowOf(
	p: Params,
	startKey: string,
	endKey: string,
): { from: number; to: number } {
	const start = p.str(startKey);
	const end = p.str(endKey);
	const from = start ? instantOf(start) : -Infinity;
	let to = Infinity;
	if (end) {
		const parsed = parseDateTime(end);
		if (!parsed) throw new ApiError('invalid-datetime', `'${endKey}' is not a date and time.`);
		to = parsed.dateOnly ? startOfDate(addDays(end.trim().slice(0, 10), 1)) - 1 : parsed.ms;
	}
	return { from, to };
}

/** UserFilter-style parameters: null or [] mean "everyone". */
export function idSet(p: Params, name: string): Set<string> | null {
	const list = p.strings(name);
	return list && list.length > 0 ? new Set(list) : null;
}

/**
 * TeamIds of a group or pipeline: every team must exist, and one at least is needed when it is
 * shared with teams (`sharedWithTeams`, the setting named by `setting`).
 */
export function checkTeamIds(
	store: Store,
	fn: string,
	teamIds: string[],
	sharedWithTeams: boolean,
	setting: string,
): void {
	for (const id of teamIds) if (!store.teams.has(id)) throw notFound('team', 'TeamIds', id);
	if (sharedWithTeams && teamIds.length === 0) {
		throw new ApiError(`missing-parameter:${fn}:TeamIds`, `'TeamIds' is required when ${setting}.`);
	}
}

/** An Edit… parameter that may be left out but not blanked: its value, or `code`/`message` when blank. */
export function nonBlank(value: string | undefined, code: string, message: string): string {
	if (!value) throw new ApiError(code, message);
	return value;
}

/** nonBlank's error for an Edit… that would blank a name; `whose` is e.g. "A task's". */
export function blankName(fn: string, whose: string): [code: string, message: string] {
	return [`blank-name:${fn}`, `${whose} 'Name' can't be blank.`];
}
