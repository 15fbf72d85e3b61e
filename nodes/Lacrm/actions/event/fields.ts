/** Event fields, described once for create, update and the lists. */
import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../helpers/fieldBuilders';
import { boolean, dateTime, eventAttendees, text, uid } from '../../helpers/fieldBuilders';
import type { ItemInput } from '../../helpers/operation';

export function eventId(): Field<'EventId'> {
	return uid({
		key: 'EventId',
		displayName: 'Event ID',
		name: 'eventId',
		required: true,
		description: 'The EventId, from Event → Create, Get Many or Get Many for Contact',
	});
}

export function eventName(required: boolean): Field<'Name'> {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required,
		placeholder: 'e.g. Demo call',
		description: 'The title of the event',
	});
}

export function start(required: boolean): Field<'StartDate'> {
	return dateTime({
		key: 'StartDate',
		displayName: 'Start',
		name: 'startDate',
		required,
		description:
			"When the event starts. A time without an offset is in the workflow's time zone (Workflow Settings); LACRM uses the offset as the event's time zone.",
	});
}

export function end(required: boolean): Field<'EndDate'> {
	return dateTime({
		key: 'EndDate',
		displayName: 'End',
		name: 'endDate',
		required,
		description:
			"When the event ends. A time without an offset is in the workflow's time zone (Workflow Settings).",
	});
}

/** Everything an event has besides name, start and end. */
export function eventDetails(forUpdate: boolean) {
	return [
		boolean({
			key: 'IsAllDay',
			displayName: 'All Day',
			name: 'isAllDay',
			description:
				'Whether the event lasts whole days (LACRM then ignores the times of Start and End)',
		}),
		text({ key: 'Location', displayName: 'Location', name: 'location', clearable: forUpdate }),
		text({
			key: 'Description',
			displayName: 'Description',
			name: 'description',
			rows: 3,
			clearable: forUpdate,
		}),
		uid({
			key: 'CalendarId',
			displayName: 'Calendar',
			name: 'calendarId',
			locator: 'calendar',
			description: forUpdate
				? 'The calendar the event is on. Only a calendar of a user who attends the event.'
				: "The calendar the event is on. Leave empty for the primary calendar of the credential's user, who must then attend the event.",
		}),
		eventAttendees({
			key: 'Attendees',
			displayName: 'Attendees',
			name: 'attendees',
			description: forUpdate
				? 'Contacts (ContactId) and users (UserId) taking part. Replaces the whole list of attendees.'
				: 'Contacts (ContactId) and users (UserId) taking part',
		}),
		boolean({
			key: 'IsRecurring',
			displayName: 'Recurring',
			name: 'isRecurring',
			description:
				'Whether the event repeats by its Recurrence Rule. Turned on automatically when a rule is set.',
		}),
		text({
			key: 'RecurrenceRule',
			displayName: 'Recurrence Rule',
			name: 'recurrenceRule',
			placeholder: 'e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR',
			description: 'How the event repeats, as an iCalendar (RFC 5545) RRULE',
		}),
		dateTime({
			key: 'EndRecurrenceRule',
			displayName: 'Recurrence End',
			name: 'endRecurrenceRule',
			description:
				"The last day of the series (a time without an offset is in the workflow's time zone). Leave empty to repeat without end.",
		}),
	];
}

const RRULE_FREQUENCY = /(^|;)FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/i;

/**
 * Checks what LACRM would reject or misread, before any request: an end before the start, and a
 * recurrence rule that is not an RRULE. A pasted "RRULE:" prefix is dropped, and setting a rule
 * makes the event recurring (unless Recurring was explicitly turned off).
 */
export function checkEventTimes(
	input: ItemInput,
	parameters: IDataObject,
	labels: { end: string; recurrenceRule: string },
): void {
	const { StartDate: startDate, EndDate: endDate } = parameters;
	if (
		typeof startDate === 'string' &&
		typeof endDate === 'string' &&
		Date.parse(endDate) < Date.parse(startDate)
	) {
		throw input.error(labels.end, `${endDate} is before the start, ${startDate}`);
	}
	if (typeof parameters.RecurrenceRule === 'string') {
		const rule = parameters.RecurrenceRule.trim().replace(/^RRULE:/i, '');
		if (!RRULE_FREQUENCY.test(rule)) {
			throw input.error(
				labels.recurrenceRule,
				`"${parameters.RecurrenceRule}" is not an RRULE`,
				'An RRULE needs a frequency, e.g. FREQ=DAILY, FREQ=WEEKLY;BYDAY=MO,WE or FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12.',
			);
		}
		parameters.RecurrenceRule = rule;
		parameters.IsRecurring ??= true;
	}
}
