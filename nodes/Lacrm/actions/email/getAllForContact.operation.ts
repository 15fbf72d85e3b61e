import { contactRef } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many logged emails of a contact',
	description:
		'List the emails logged on one contact or company (needs its ContactId from Contact → Get Many). Returns each email with its EmailId.',
	fn: 'GetEmailsAttachedToContact',
	fields: [contactRef({ required: true, description: 'The contact whose emails to get' })],
	list: true,
	simplify: simplifyMetaData,
});
