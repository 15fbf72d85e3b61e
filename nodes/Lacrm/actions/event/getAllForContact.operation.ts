import { contactRef } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many events of a contact',
	description:
		'List all calendar events one contact or company attends, past and future (needs its ContactId from Contact → Get Many). Returns each event with its EventId.',
	fn: 'GetEventsAttachedToContact',
	fields: [contactRef({ required: true, description: 'The contact whose events to get' })],
	list: true,
	simplify: simplifyMetaData,
});
