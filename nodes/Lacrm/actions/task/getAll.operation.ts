import { defineOperation } from '../../helpers/operation';
import { sortDirection } from '../../helpers/filters';
import { choice, contactRef, date, uidList } from '../../helpers/fieldBuilders';
import { simplifyMetaData } from '../../helpers/simplify';
import { applyDefaultWindow, DAYS_AHEAD, DAYS_BACK } from '../../helpers/dateWindow';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many tasks',
	description: `List tasks due in a date range (by default from ${DAYS_BACK} days ago to ${DAYS_AHEAD} days ahead), optionally only open or completed ones, or those of some users. With a Contact filter LACRM returns all of that contact's tasks and ignores the dates and the completion status. Returns each task with its TaskId.`,
	fn: 'GetTasks',
	list: true,
	simplify: simplifyMetaData,
	optional: {
		name: 'filters',
		displayName: 'Filters',
		fields: [
			date({
				key: 'StartDate',
				displayName: 'Due From',
				name: 'startDate',
				description: `Only tasks due on or after this day. Default: ${DAYS_BACK} days ago.`,
			}),
			date({
				key: 'EndDate',
				displayName: 'Due To',
				name: 'endDate',
				description: `Only tasks due on or before this day. Default: ${DAYS_AHEAD} days from today.`,
			}),
			choice({
				key: 'CompletionStatus',
				displayName: 'Completion Status',
				name: 'completionStatus',
				choices: [
					{ name: 'Both', value: 'Both', description: 'Open and completed tasks' },
					{ name: 'Complete', value: 'Complete', description: 'Only completed tasks' },
					{ name: 'Incomplete', value: 'Incomplete', description: 'Only open tasks' },
				],
				default: 'Both',
			}),
			uidList({
				key: 'UserFilter',
				displayName: 'Assigned To',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description: 'Only tasks assigned to these users',
			}),
			contactRef({
				required: false,
				description:
					'Only tasks of this contact or company. LACRM then returns all its tasks, ignoring the due dates and the completion status.',
			}),
		],
	},
	optionFields: [sortDirection('Ascending')],
	prepare: (input, prepared) => {
		applyDefaultWindow(input, prepared, { start: 'Due From', end: 'Due To' });
	},
});
