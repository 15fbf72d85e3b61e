import type { OperationDefinition } from '../operation';
import { choice, dateTime, uidList } from '../fields';
import { simplifyMetaData } from '../shared/simplify';
import { DAYS_AHEAD, DAYS_BACK, defaultWindow } from '../task/dateWindow';
import { contactId } from './fields';

export const getAll: OperationDefinition = {
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
			contactId({
				required: false,
				description:
					'Only events this contact (or company, by ID) attends. LACRM then ignores the other filters.',
			}),
			choice({
				key: 'SortDirection',
				displayName: 'Sort Direction',
				name: 'sortDirection',
				choices: ['Ascending', 'Descending'],
				default: 'Ascending',
				description: 'By start; Ascending (soonest first) is LACRM\'s default',
			}),
		],
	},
	prepare: (input, prepared) => {
		const window = defaultWindow(input);
		const parameters = prepared.parameters;
		parameters.StartDate ??= window.start;
		parameters.EndDate ??= window.end;
		if (Date.parse(parameters.EndDate as string) < Date.parse(parameters.StartDate as string)) {
			throw input.error(
				'Filters → To',
				`${String(parameters.EndDate)} is before the start of the range, ${String(parameters.StartDate)}`,
				`Without From the range starts ${DAYS_BACK} days ago; without To it ends ${DAYS_AHEAD} days from today.`,
			);
		}
	},
};
