import { defineOperation } from '../../helpers/operation';
import { relationshipIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a relationship',
	description: 'Delete a relationship by RelationshipId (the two contacts stay)',
	fn: 'DeleteRelationship',
	fields: [relationshipIdField],
	output: (_result, prepared) => ({
		RelationshipId: prepared.parameters.RelationshipId,
		deleted: true,
	}),
});
