import { defineOperation } from '../../helpers/operation';
import { eventId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete an event',
	description: 'Permanently delete an event by EventId, from the calendars of all its attendees',
	fn: 'DeleteEvent',
	fields: [eventId()],
	output: (_result, prepared) => ({ EventId: prepared.parameters.EventId, deleted: true }),
});
