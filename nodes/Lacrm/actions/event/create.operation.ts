import { defineOperation } from '../../helpers/operation';
import { checkEventTimes, end, eventDetails, eventName, start } from './fields';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create an event',
	description:
		'Create a calendar event with a start and an end, optionally recurring, with contacts (ContactId from Contact → Get Many) and users as attendees. Returns the new EventId.',
	fn: 'CreateEvent',
	fields: [eventName(true), start(true), end(true)],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: eventDetails(false),
	},
	prepare: (input, prepared) => {
		checkEventTimes(input, prepared.parameters, {
			end: 'End',
			recurrenceRule: 'Additional Fields → Recurrence Rule',
		});
		if (
			prepared.parameters.IsRecurring === true &&
			prepared.parameters.RecurrenceRule === undefined
		) {
			throw input.error(
				'Additional Fields → Recurrence Rule',
				'a recurring event needs a rule',
				'E.g. FREQ=WEEKLY;BYDAY=MO for every Monday.',
			);
		}
	},
	output: (result) => ({ EventId: result.EventId }),
});
