import { defineOperation } from '../../helpers/operation';
import { eventId } from './fields';
import { reportDone } from '../../helpers/edits';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete an event',
	description: 'Permanently delete an event by EventId, from the calendars of all its attendees',
	fn: 'DeleteEvent',
	fields: [eventId()],
	output: reportDone('EventId', 'deleted'),
});
