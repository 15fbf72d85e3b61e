import { defineOperation } from '../../helpers/operation';
import { sortDirection } from '../../helpers/filters';
import { contactRef, dateTime, readDateTime, uidList } from '../../helpers/fieldBuilders';
import { simplifyMetaData } from '../../helpers/simplify';
import { applyDefaultWindow, DAYS_AHEAD, DAYS_BACK } from '../../helpers/dateWindow';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many events',
	description: `List calendar events in a date range (by default from ${DAYS_BACK} days ago to ${DAYS_AHEAD} days ahead), optionally only those of some users or calendars. With a Contact filter LACRM returns that contact's events and ignores the other filters. Returns each event with its EventId.`,
	fn: 'GetEvents',
	list: true,
	simplify: simplifyMetaData,
	optional: {
		name: 'filters',
		displayName: 'Filters',
		fields: [
			dateTime({
				key: 'StartDate',
				displayName: 'From',
				name: 'startDate',
				description: `Only events from this moment on. Default: ${DAYS_BACK} days ago.`,
			}),
			dateTime({
				key: 'EndDate',
				displayName: 'To',
				name: 'endDate',
				description: `Only events up to this moment. Default: ${DAYS_AHEAD} days from today.`,
			}),
			uidList({
				key: 'UserFilter',
				displayName: 'Users',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description: 'Only events these users attend',
			}),
			uidList({
				key: 'CalendarFilter',
				displayName: 'Calendars',
				name: 'calendarFilter',
				loadOptionsMethod: 'getCalendars',
				description: 'Only events on these calendars',
			}),
			contactRef({
				required: false,
				description:
					'Only events this contact or company attends. LACRM then ignores the other filters.',
			}),
		],
	},
	optionFields: [sortDirection('Ascending')],
	prepare: (input, prepared) => {
		// The ends are DateTimes: the default window runs from midnight in the workflow's time zone.
		applyDefaultWindow(
			input,
			prepared,
			{ start: 'From', end: 'To' },
			(date) => readDateTime(date, input, 'Filters', true) as string,
		);
	},
});
