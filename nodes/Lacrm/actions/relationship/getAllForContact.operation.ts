import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';
import { contactField } from './fields';

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many relationships of a contact',
	description:
		'List the relationships of a contact or company, whichever side it is on (needs a ContactId from Contact → Get Many). Each has its RelationshipId, both ContactIds with names, and the note.',
	fn: 'GetRelationshipsAttachedToContact',
	fields: [contactField],
	list: true,
	simplify: simplifyMetaData,
});
