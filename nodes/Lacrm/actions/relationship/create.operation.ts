import { uid } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { noteField } from './fields';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a relationship',
	description:
		'Link two contacts or companies (both ways; the order does not matter) with a note saying how they are related. Needs two ContactIds from Contact → Get Many. Returns the new RelationshipId.',
	fn: 'CreateRelationship',
	fields: [
		uid({
			key: 'ContactId1',
			displayName: 'Contact',
			name: 'contactId',
			locator: 'contact',
			required: true,
			description: 'One of the two contacts or companies (for a company, pick By ID)',
		}),
		uid({
			key: 'ContactId2',
			displayName: 'Related Contact',
			name: 'relatedContactId',
			locator: 'contact',
			required: true,
			description: 'The other contact or company (for a company, pick By ID)',
		}),
	],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: [noteField(false)],
	},
	prepare: (input, prepared) => {
		if (prepared.parameters.ContactId1 === prepared.parameters.ContactId2) {
			throw input.error(
				'Related Contact',
				'it is the same record as Contact; a relationship links two different ones',
			);
		}
	},
	output: (result) => ({ RelationshipId: result.RelationshipId }),
});
