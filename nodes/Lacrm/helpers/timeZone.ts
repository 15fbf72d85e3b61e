/**
 * LACRM reads the UTC offset of a DateTime (an event's offset even becomes its time zone), so every
 * DateTime the node sends carries one. n8n's date picker gives wall-clock values without an offset
 * (`2026-01-15T14:00:00`); like n8n's own nodes (Google Calendar) we read those in the workflow's
 * time zone. No dependency: Intl knows the IANA zones.
 */

const MINUTE_MS = 60_000;

/** A date-time as entered: date, optional time, optional offset (`Z`, `+05:30`, `-0500`). */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a time zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The UTC offset of `timeZone` at instant `ms`, in minutes (New York in January: -300). */
function offsetMinutesAt(timeZone: string, ms: number): number {
	const wholeSecond = Math.floor(ms / 1000) * 1000;
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(wholeSecond))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wallAsUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return Math.round((wallAsUtc - wholeSecond) / MINUTE_MS);
}

/**
 * The instant a wall-clock time (given as if it were UTC) has in `timeZone`. A time skipped by a
 * daylight-saving change (02:30 on a spring-forward night) moves forward by the change, as Luxon
 * does; a repeated one (01:30 on a fall-back night) is its first occurrence.
 */
function instantOfWallClock(wallAsUtc: number, timeZone: string): number {
	const before = offsetMinutesAt(timeZone, wallAsUtc - 24 * 60 * MINUTE_MS);
	const after = offsetMinutesAt(timeZone, wallAsUtc + 24 * 60 * MINUTE_MS);
	for (const offset of [Math.max(before, after), Math.min(before, after)]) {
		const ms = wallAsUtc - offset * MINUTE_MS;
		if (offsetMinutesAt(timeZone, ms) === offset) return ms;
	}
	// Skipped wall-clock time: keep the offset in force before the change.
	return wallAsUtc - before * MINUTE_MS;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * `value` with an explicit offset: a value that has one (or `Z`) is returned unchanged; a wall-clock
 * value (`2026-01-15T14:00:00`, or a bare date meaning its midnight) is read in `timeZone` and
 * returned as `2026-01-15T14:00:00-05:00`. Returns undefined for text that is not an ISO date-time.
 * Throws a RangeError for a time zone Intl does not know.
 */
export function withExplicitOffset(value: string, timeZone: string): string | undefined {
	const match = DATE_TIME.exec(value);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction, offset] = match;
	if (offset) return value;
	const wallAsUtc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour ?? 0),
		Number(minute ?? 0),
		Number(second ?? 0),
	);
	const instant = instantOfWallClock(wallAsUtc, timeZone);
	const offsetMinutes = offsetMinutesAt(timeZone, instant);
	const wall = new Date(instant + offsetMinutes * MINUTE_MS);
	return (
		`${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
		`${fraction ? `.${fraction}` : ''}${formatOffset(offsetMinutes)}`
	);
}
