/**
 * The default date window of task and event lists. LACRM's GetTasks requires a due-date range and
 * GetEvents otherwise returns whatever LACRM picks; "the last month and the coming year" is what a
 * workflow usually means by "my tasks" or "my events".
 */
import type { ItemInput, PreparedItem } from './operation';

export const DAYS_BACK = 30;
export const DAYS_AHEAD = 365;

/** Today's date (yyyy-mm-dd) in a time zone; UTC if the zone is unknown. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
	try {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone: timeZone || 'UTC',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		}).formatToParts(now);
		const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
		return `${part('year')}-${part('month')}-${part('day')}`;
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

/** yyyy-mm-dd plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Today − 30 days … today + 365 days, "today" being the workflow's time zone (as n8n's own
 * $today), computed when the item is prepared.
 */
function defaultWindow(input: ItemInput): { start: string; end: string } {
	const today = todayIn(input.exec.getTimezone());
	return { start: addDays(today, -DAYS_BACK), end: addDays(today, DAYS_AHEAD) };
}

/**
 * Fills StartDate/EndDate the user left empty with the default window (LACRM requires both ends
 * of the range, even when a contact filter makes it ignore them), and refuses a range that
 * ends before it starts (labels name the fields as the user sees them). `toParameter` turns a
 * window date into what the function takes (GetEvents: a date-time with an offset).
 */
export function applyDefaultWindow(
	input: ItemInput,
	prepared: PreparedItem,
	labels: { start: string; end: string },
	toParameter: (date: string) => string = (date) => date,
): void {
	const window = defaultWindow(input);
	const parameters = prepared.parameters;
	parameters.StartDate ??= toParameter(window.start);
	parameters.EndDate ??= toParameter(window.end);
	if (Date.parse(parameters.EndDate as string) < Date.parse(parameters.StartDate as string)) {
		throw input.error(
			`Filters → ${labels.end}`,
			`${String(parameters.EndDate)} is before the start of the range, ${String(parameters.StartDate)}`,
			`Without ${labels.start} the range starts ${DAYS_BACK} days ago; without ${labels.end} it ends ${DAYS_AHEAD} days from today.`,
		);
	}
}
