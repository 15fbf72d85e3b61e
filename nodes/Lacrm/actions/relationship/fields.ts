/** Fields shared by the relationship operations. */
import { contactRef, text, uid } from '../../helpers/fieldBuilders';

export const contactField = contactRef({
	required: true,
	description:
		'The contact or company. Its ContactId comes from Contact → Get Many, Create or a trigger.',
});

export const relationshipIdField = uid({
	key: 'RelationshipId',
	displayName: 'Relationship ID',
	name: 'relationshipId',
	required: true,
	description: 'The RelationshipId, from Relationship → Get Many for Contact or Create',
});

export function noteField(required: boolean) {
	return text({
		key: 'Note',
		displayName: 'Note',
		name: 'note',
		required,
		placeholder: 'e.g. Referred by',
		description: 'What links the two, e.g. "Spouse", "Referred by" or "Accountant of"',
	});
}
