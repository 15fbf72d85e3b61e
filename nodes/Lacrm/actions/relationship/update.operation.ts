import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { noteField, relationshipIdField } from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a relationship',
	description:
		"Change a relationship's note by RelationshipId (from Get Many for Contact). The two linked records cannot be changed: delete and create instead.",
	fn: 'EditRelationship',
	fields: [relationshipIdField, noteField(true)],
	output: reportDone('RelationshipId', 'updated'),
});
