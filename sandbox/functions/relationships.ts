import { ApiError } from '../core/errors';
import { formatDateTime } from '../core/dates';
import type { Relationship, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { fullName, userMeta } from './meta';
import { attachedToContact, deleteRecord, getRecord, recordLookup } from './records';

/** Bi-directional, free-text links between two contacts/companies. */

function nameOf(store: Store, contactId: string): { Name: string } {
	const c = store.contacts.get(contactId);
	return { Name: c ? fullName(c) : '' };
}

export function serializeRelationship(store: Store, r: Relationship): Record<string, unknown> {
	return {
		RelationshipId: r.RelationshipId,
		ContactId1: r.ContactId1,
		ContactId2: r.ContactId2,
		Note: r.Note,
		CreatedBy: r.CreatedBy,
		DateCreated: formatDateTime(r.DateCreated),
		DateEdited: formatDateTime(r.DateEdited),
		Contact1MetaData: nameOf(store, r.ContactId1),
		Contact2MetaData: nameOf(store, r.ContactId2),
		CreatedByMetaData: userMeta(store, r.CreatedBy),
	};
}

const relationshipOf = recordLookup(
	'relationship',
	'RelationshipId',
	(store) => store.relationships,
);

function CreateRelationship(ctx: CallContext) {
	const { p, store } = ctx;
	const a = store.contact(p.req('ContactId1'), 'ContactId1');
	const b = store.contact(p.req('ContactId2'), 'ContactId2');
	if (a.ContactId === b.ContactId)
		throw new ApiError(
			'self-relationship:CreateRelationship',
			`A contact can't have a relationship with itself.`,
		);
	const r: Relationship = {
		RelationshipId: store.newId(),
		ContactId1: a.ContactId,
		ContactId2: b.ContactId,
		Note: p.str('Note') ?? '',
		CreatedBy: ctx.user.UserId,
		DateCreated: ctx.now,
		DateEdited: ctx.now,
	};
	store.relationships.set(r.RelationshipId, r);
	return { RelationshipId: r.RelationshipId };
}

function EditRelationship(ctx: CallContext) {
	const r = relationshipOf(ctx.store, ctx.p.req('RelationshipId'));
	r.Note = ctx.p.req('Note');
	r.DateEdited = ctx.now;
	return NOTHING;
}

const GetRelationshipsAttachedToContact = attachedToContact(
	relationshipOf,
	(r, contactId) => r.ContactId1 === contactId || r.ContactId2 === contactId,
	serializeRelationship,
);

export const relationshipFunctions: HandlerTable = {
	CreateRelationship,
	EditRelationship,
	DeleteRelationship: deleteRecord(relationshipOf),
	GetRelationship: getRecord(relationshipOf, serializeRelationship),
	GetRelationshipsAttachedToContact,
};
