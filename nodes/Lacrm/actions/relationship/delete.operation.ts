import { defineOperation } from '../../helpers/operation';
import { relationshipIdField } from './fields';
import { reportDone } from '../../helpers/edits';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a relationship',
	description: 'Delete a relationship by RelationshipId (the two contacts stay)',
	fn: 'DeleteRelationship',
	fields: [relationshipIdField],
	output: reportDone('RelationshipId', 'deleted'),
});
