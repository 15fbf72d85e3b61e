/** Fields shared by the relationship operations. */
import type { Field } from '../fields';
import { text, uid } from '../fields';

export const contactField: Field = uid({
	key: 'ContactId',
	displayName: 'Contact',
	name: 'contactId',
	locator: 'contact',
	required: true,
	description:
		'The contact or company. Its ContactId comes from Contact → Get Many, Create or a trigger (for a company, pick By ID).',
});

export const relationshipIdField: Field = uid({
	key: 'RelationshipId',
	displayName: 'Relationship ID',
	name: 'relationshipId',
	required: true,
	description: 'The RelationshipId, from Relationship → Get Many for Contact or Create',
});

export function noteField(required: boolean): Field {
	return text({
		key: 'Note',
		displayName: 'Note',
		name: 'note',
		required,
		placeholder: 'e.g. Referred by',
		description: 'What links the two, e.g. "Spouse", "Referred by" or "Accountant of"',
	});
}
