import { ACME, JANE, RELATIONSHIP } from '../helpers/records';
import { byId, expectLacrmCall, runExpectingCall, uid } from '../helpers/runNode';

/** The relationship's own fields, the same in LACRM's record and in the simplified item. */
const fields = {
	RelationshipId: RELATIONSHIP,
	ContactId1: JANE,
	ContactId2: ACME,
	Note: 'Referred by',
	CreatedBy: '1001',
	DateCreated: '2025-12-22T21:35:09-08:00',
	DateEdited: '2025-12-22T21:35:09-08:00',
};

const record = {
	...fields,
	Contact1MetaData: { Name: 'Jane Doe' },
	Contact2MetaData: { Name: 'Acme Inc' },
	CreatedByMetaData: { FirstName: 'Jane', LastName: 'Owner' },
};

const simplified = {
	...fields,
	Contact1Name: 'Jane Doe',
	Contact2Name: 'Acme Inc',
	CreatedByName: 'Jane Owner',
};

describe('Relationship → Update', () => {
	it('sends EditRelationship with the new note', async () => {
		const { json } = await runExpectingCall(
			['EditRelationship', { RelationshipId: RELATIONSHIP, Note: 'Spouse' }, {}],
			{
				resource: 'relationship',
				operation: 'update',
				parameters: { relationshipId: RELATIONSHIP, note: 'Spouse' },
			},
		);
		expect(json).toEqual([{ RelationshipId: RELATIONSHIP, updated: true }]);
	});
});

describe('Relationship → Get', () => {
	it('sends GetRelationship and flattens the names by default', async () => {
		const { json } = await runExpectingCall(
			['GetRelationship', { RelationshipId: RELATIONSHIP }, record],
			{
				resource: 'relationship',
				operation: 'get',
				parameters: { relationshipId: RELATIONSHIP },
			},
		);
		expect(json).toEqual([simplified]);
	});

	it('returns the raw record with Simplify off', async () => {
		const { json } = await runExpectingCall(
			['GetRelationship', { RelationshipId: RELATIONSHIP }, record],
			{
				resource: 'relationship',
				operation: 'get',
				parameters: { relationshipId: RELATIONSHIP, simplify: false },
			},
		);
		expect(json).toEqual([record]);
	});
});

describe('Relationship → Get Many for Contact', () => {
	it('sends GetRelationshipsAttachedToContact with a page the size of the limit, one item per relationship', async () => {
		const second = {
			...record,
			RelationshipId: uid(202),
			ContactId2: uid(103),
			Contact2MetaData: { Name: 'Bob' },
		};
		const { json, items } = await runExpectingCall(
			[
				'GetRelationshipsAttachedToContact',
				{ ContactId: JANE, MaxNumberOfResults: 2, Page: 1 },
				{ HasMoreResults: true, Results: [record, second] },
			],
			{
				resource: 'relationship',
				operation: 'getAllForContact',
				parameters: { contactId: byId(JANE), limit: 2 },
			},
		);
		expect(json).toEqual([
			simplified,
			{ ...simplified, RelationshipId: uid(202), ContactId2: uid(103), Contact2Name: 'Bob' },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('pages through every result with Return All', async () => {
		const page1 = expectLacrmCall(
			'GetRelationshipsAttachedToContact',
			{ ContactId: JANE, MaxNumberOfResults: 10000, Page: 1 },
			{ HasMoreResults: true, Results: [record] },
		);
		const { json } = await runExpectingCall(
			[
				'GetRelationshipsAttachedToContact',
				{ ContactId: JANE, MaxNumberOfResults: 10000, Page: 2 },
				{ HasMoreResults: false, Results: [{ ...record, RelationshipId: uid(202) }] },
			],
			{
				resource: 'relationship',
				operation: 'getAllForContact',
				parameters: { contactId: byId(JANE), returnAll: true, simplify: false },
			},
		);
		expect(page1.isDone()).toBe(true);
		expect(json.map((entry) => entry.RelationshipId)).toEqual([RELATIONSHIP, uid(202)]);
	});
});
