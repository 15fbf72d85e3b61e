import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { eventId } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete an event',
	description: 'Permanently delete an event by EventId, from the calendars of all its attendees',
	fn: 'DeleteEvent',
	fields: [eventId()],
	output: reportDone('EventId', 'deleted'),
});
