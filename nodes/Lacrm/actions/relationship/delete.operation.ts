import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { relationshipIdField } from './fields';

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a relationship',
	description: 'Delete a relationship by RelationshipId (the two contacts stay)',
	fn: 'DeleteRelationship',
	fields: [relationshipIdField],
	output: reportDone('RelationshipId', 'deleted'),
});
