/**
 * Date handling in LACRM's wire formats: DateTime values go out as ISO 8601 with the account's UTC
 * offset (`2025-01-15T14:00:00-06:00`), Date values as `yyyy-mm-dd` (REFERENCE §6).
 */

/** The sandbox account's time zone; response offsets and "today" are computed in it. */
export const ACCOUNT_TIMEZONE = 'America/Chicago';

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(tz: string): Intl.DateTimeFormat {
	let f = formatters.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(tz, f);
	}
	return f;
}

/**
 * UTC offset of `tz` at instant `ms`, in minutes. Cached per hour because Intl is slow and every
 * DST change in the zones we use happens on an hour boundary — rendering 10,000 contacts must not
 * call Intl 20,000 times.
 */
export function tzOffsetMinutes(ms: number, tz = ACCOUNT_TIMEZONE): number {
	const hour = Math.floor(ms / HOUR_MS);
	let perTz = offsetCache.get(tz);
	if (!perTz) {
		perTz = new Map();
		offsetCache.set(tz, perTz);
	}
	const cached = perTz.get(hour);
	if (cached !== undefined) return cached;
	const instant = hour * HOUR_MS;
	const parts: Record<string, number> = {};
	for (const p of formatterFor(tz).formatToParts(new Date(instant))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const wallAsUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	const offset = Math.round((wallAsUtc - instant) / 60000);
	perTz.set(hour, offset);
	return offset;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

function pad4(n: number): string {
	return String(n).padStart(4, '0');
}

/** `2025-01-15T14:00:00-06:00`; the offset defaults to the account zone's at that instant. */
export function formatDateTime(ms: number, offsetMinutes = tzOffsetMinutes(ms)): string {
	const d = new Date(ms + offsetMinutes * 60000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return (
		`${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
		`T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` +
		`${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
	);
}

export function formatNullableDateTime(ms: number | null | undefined): string | null {
	return ms === null || ms === undefined ? null : formatDateTime(ms);
}

/** Calendar date (`yyyy-mm-dd`) of an instant in the account zone. */
export function dateOf(ms: number, tz = ACCOUNT_TIMEZONE): string {
	const d = new Date(ms + tzOffsetMinutes(ms, tz) * 60000);
	return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `yyyy-mm-dd` with a real month/day. Year 0000 is allowed: LACRM uses it for yearless birthdays. */
export function isValidDate(value: string): boolean {
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1) return false;
	// Year 0 is treated as a leap year so 0000-02-29 (a yearless Feb 29 birthday) passes.
	const year = Number(m[1]) === 0 ? 2000 : Number(m[1]);
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const YEARLESS_RE = /^(?:0000-)?(\d{1,2})-(\d{1,2})$/;

/**
 * A birthday as LACRM's Data-types page takes it: `yyyy-mm-dd`, or without a year as `0000-MM-DD`,
 * `0000-M-D` or `M-D`. Returns it as `yyyy-mm-dd` (yearless: `0000-MM-DD`), null if not a date.
 */
export function normalizeBirthday(value: string): string | null {
	const text = value.trim();
	if (isValidDate(text)) return text;
	const m = YEARLESS_RE.exec(text);
	if (!m) return null;
	const date = `0000-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
	return isValidDate(date) ? date : null;
}

/** Midnight at the start of `date` in the account zone. */
export function startOfDate(date: string, tz = ACCOUNT_TIMEZONE): number {
	const [y, m, d] = date.split('-').map(Number);
	return wallTimeToInstant(Date.UTC(y, m - 1, d), tz);
}

/** Add whole days to a `yyyy-mm-dd` date. */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const t = new Date(Date.UTC(y, m - 1, d + days));
	return `${pad4(t.getUTCFullYear())}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

function wallTimeToInstant(wallAsUtc: number, tz: string): number {
	const first = tzOffsetMinutes(wallAsUtc, tz);
	let ms = wallAsUtc - first * 60000;
	const second = tzOffsetMinutes(ms, tz);
	if (second !== first) ms = wallAsUtc - second * 60000;
	return ms;
}

export interface ParsedDateTime {
	ms: number;
	/** The offset the caller wrote (events keep it as their time zone), else the account zone's. */
	offsetMinutes: number;
	/** The input had no time part (`2025-01-15`). */
	dateOnly: boolean;
}

const DATETIME_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parse an input DateTime. LACRM recommends ISO 8601 and parses other formats "best effort", so
 * after the ISO forms we fall back to Date.parse. Without an offset the wall time is read in the
 * account zone.
 */
export function parseDateTime(value: string): ParsedDateTime | null {
	const text = value.trim();
	const m = DATETIME_RE.exec(text);
	if (m) {
		const [, ys, mos, ds, hs, mins, ss, frac, tzs] = m;
		if (!isValidDate(`${ys}-${mos}-${ds}`)) return null;
		const hour = hs === undefined ? 0 : Number(hs);
		const minute = mins === undefined ? 0 : Number(mins);
		const second = ss === undefined ? 0 : Number(ss);
		if (hour > 23 || minute > 59 || second > 59) return null;
		const millis = frac === undefined ? 0 : Math.floor(Number('0.' + frac) * 1000);
		const wall = Date.UTC(Number(ys), Number(mos) - 1, Number(ds), hour, minute, second, millis);
		if (tzs === undefined) {
			const ms = wallTimeToInstant(wall, ACCOUNT_TIMEZONE);
			return { ms, offsetMinutes: tzOffsetMinutes(ms), dateOnly: hs === undefined };
		}
		let offset = 0;
		if (tzs.toUpperCase() !== 'Z') {
			const digits = tzs.slice(1).replace(':', '');
			offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
			if (tzs[0] === '-') offset = -offset;
		}
		return { ms: wall - offset * 60000, offsetMinutes: offset, dateOnly: false };
	}
	const parsed = Date.parse(text);
	if (Number.isNaN(parsed)) return null;
	return { ms: parsed, offsetMinutes: tzOffsetMinutes(parsed), dateOnly: false };
}
