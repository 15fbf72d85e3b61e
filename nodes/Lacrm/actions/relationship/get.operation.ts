import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';
import { relationshipIdField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a relationship',
	description:
		'Get one relationship by RelationshipId: the two ContactIds with their names, and the note',
	fn: 'GetRelationship',
	fields: [relationshipIdField],
	simplify: simplifyMetaData,
});
