import { ApiError } from '../core/errors';
import { addDays, parseDateTime, startOfDate } from '../core/dates';
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
