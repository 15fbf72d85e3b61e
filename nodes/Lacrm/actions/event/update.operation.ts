import { defineOperation } from '../../helpers/operation';
import { reportDone, requireChange } from '../../helpers/edits';
import { checkEventTimes, end, eventDetails, eventId, eventName, start } from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update an event',
	description:
		'Change an event by EventId: name, times, attendees (the list given replaces the current one), calendar or recurrence. Only the fields you set are sent; fields listed in Fields to Clear are blanked.',
	fn: 'EditEvent',
	fields: [eventId()],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [eventName(false), start(false), end(false), ...eventDetails(true)],
	},
	clearable: true,
	prepare: (input, prepared) => {
		requireChange(input, prepared.parameters, 'set a field or a field to clear');
		checkEventTimes(input, prepared.parameters, {
			end: 'Update Fields → End',
			recurrenceRule: 'Update Fields → Recurrence Rule',
		});
	},
	output: reportDone('EventId', 'updated'),
});
