import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';
import { eventId } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get an event',
	description:
		'Get one event by EventId: name, start and end, attendees (ContactIds and UserIds), calendar and recurrence',
	fn: 'GetEvent',
	fields: [eventId()],
	simplify: simplifyMetaData,
});
