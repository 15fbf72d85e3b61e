/**
 * Note resource: the exact request LACRM receives for each of its six functions, the items n8n
 * outputs, and input that is refused before any request.
 */

import { CONTACT, NOTE, pipelineNote, rawNote } from '../helpers/records';
import {
	byId,
	expectLacrmCall,
	runExpectingCall,
	runExpectingRefusal,
	runNode as runAnyNode,
	uid,
} from '../helpers/runNode';
import type { RunNodeOptions } from '../helpers/runNode';

const runNode = async (options: Omit<RunNodeOptions, 'resource'>) =>
	await runAnyNode({ resource: 'note', ...options });

describe('Note → Create (CreateNote)', () => {
	it('Options → Return Only ID outputs just the NoteId', async () => {
		const { json } = await runExpectingCall(
			['CreateNote', { ContactId: CONTACT, Note: 'Hi' }, { NoteId: NOTE }],
			{
				resource: 'note',
				operation: 'create',
				parameters: { contactId: byId(CONTACT), note: 'Hi', options: { idOnly: true } },
			},
		);
		expect(json).toEqual([{ NoteId: NOTE }]);
	});

	it('with Continue on Fail, a bad item becomes an error item and the others still run', async () => {
		const scope = expectLacrmCall(
			'CreateNote',
			{ ContactId: CONTACT, Note: 'Good' },
			{ NoteId: NOTE },
		);
		const { items, error } = await runNode({
			operation: 'create',
			continueOnFail: true,
			input: [
				{ contactId: CONTACT, text: 'Good' },
				{ contactId: '12ab', text: 'Bad' },
			],
			parameters: {
				contactId: byId('={{ $json.contactId }}'),
				note: '={{ $json.text }}',
			},
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { NoteId: NOTE }, pairedItem: { item: 0 } });
		expect(items[1].json.error).toMatch(/Invalid "Contact"/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Note → Update (EditNote)', () => {
	it('sends only the fields set and outputs the NoteId with updated: true', async () => {
		const { json } = await runExpectingCall(['EditNote', { NoteId: NOTE, Note: 'New text' }, {}], {
			resource: 'note',
			operation: 'update',
			parameters: { noteId: NOTE, updateFields: { note: 'New text' } },
		});
		expect(json).toEqual([{ NoteId: NOTE, updated: true }]);
	});

	it('can move the note in the history', async () => {
		const { json } = await runExpectingCall(
			['EditNote', { NoteId: NOTE, DateDisplayedInHistory: '2024-06-01T09:00:00Z' }, ''],
			{
				resource: 'note',
				operation: 'update',
				parameters: {
					noteId: NOTE,
					updateFields: { dateDisplayedInHistory: '2024-06-01T09:00:00Z' },
				},
			},
		);
		expect(json).toEqual([{ NoteId: NOTE, updated: true }]);
	});
});

describe('Note → Get (GetNote)', () => {
	it('outputs the note simplified: contact, author, pipeline and status names next to their ids', async () => {
		const { json } = await runExpectingCall(['GetNote', { NoteId: NOTE }, pipelineNote], {
			resource: 'note',
			operation: 'get',
			parameters: { noteId: NOTE },
		});
		expect(json).toEqual([
			{
				NoteId: NOTE,
				ContactId: CONTACT,
				UserId: '1001',
				DateCreated: '2025-12-22T21:30:46-08:00',
				DateDisplayedInHistory: '2025-12-22T21:30:46-08:00',
				Note: 'Moved to Contacted',
				IsRichText: false,
				ContactName: 'John Doe',
				UserName: 'Jane Owner',
				PipelineInfo: {
					PipelineId: uid(300),
					PipelineItemId: uid(301),
					StatusId: uid(302),
					PreviousStatusId: uid(303),
					PipelineName: 'Leads',
					StatusName: 'Contacted',
				},
			},
		]);
	});
});

describe('Note → Get Many (GetNotes)', () => {
	it('sends the filters with the first page of Limit results, one item per note', async () => {
		const { json, items } = await runExpectingCall(
			[
				'GetNotes',
				{
					ContactId: CONTACT,
					UserFilter: ['1001', '1002'],
					DateFilterStart: '2025-01-01T00:00:00Z',
					// A bare date is its midnight in the workflow's time zone (n8n's default, New York).
					DateFilterEnd: '2025-01-31T00:00:00-05:00',
					SortDirection: 'Ascending',
					MaxNumberOfResults: 2,
					Page: 1,
				},
				{ HasMoreResults: true, Results: [rawNote(uid(201), 'One'), rawNote(uid(202), 'Two')] },
			],
			{
				resource: 'note',
				operation: 'getAll',
				parameters: {
					limit: 2,
					simplify: false,
					filters: {
						contactId: byId(CONTACT),
						userFilter: ['1001', '1002'],
						dateFilterStart: '2025-01-01T00:00:00Z',
						dateFilterEnd: '2025-01-31',
						sortDirection: 'Ascending',
					},
				},
			},
		);
		expect(json).toEqual([rawNote(uid(201), 'One'), rawNote(uid(202), 'Two')]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Return All pages through 10,000 at a time until HasMoreResults is false', async () => {
		const page1 = expectLacrmCall(
			'GetNotes',
			{ MaxNumberOfResults: 10000, Page: 1 },
			{ HasMoreResults: true, Results: [rawNote(uid(201), 'One'), rawNote(uid(202), 'Two')] },
		);
		const { json } = await runExpectingCall(
			[
				'GetNotes',
				{ MaxNumberOfResults: 10000, Page: 2 },
				{ HasMoreResults: false, Results: [rawNote(uid(203), 'Three')] },
			],
			{ resource: 'note', operation: 'getAll', parameters: { returnAll: true } },
		);
		expect(page1.isDone()).toBe(true);
		expect(json.map((note) => note.NoteId)).toEqual([uid(201), uid(202), uid(203)]);
		// Simplify is on by default
		expect(json[2]).toMatchObject({
			Note: 'Three',
			ContactName: 'John Doe',
			UserName: 'Jane Owner',
			PipelineInfo: null,
		});
	});

	it.each([
		{
			title: 'a date range that ends before it starts',
			filters: { dateFilterStart: '2025-02-01', dateFilterEnd: '2025-01-01' },
			message: /^Invalid "Filters → To Date"/,
		},
		{
			title: 'a user id that is not an id',
			filters: { userFilter: 'Jane' },
			message: /^Invalid "Written By"/,
		},
	])('refuses $title, before any request', async ({ filters, message }) => {
		const error = await runExpectingRefusal({
			resource: 'note',
			operation: 'getAll',
			parameters: { filters },
		});
		expect(error?.message).toMatch(message);
	});
});

describe('Note → Get Many for Contact (GetNotesAttachedToContact)', () => {
	it('sends the ContactId per input item; each note is paired with its item', async () => {
		const other = uid(101);
		const first = expectLacrmCall(
			'GetNotesAttachedToContact',
			{ ContactId: CONTACT, MaxNumberOfResults: 50, Page: 1 },
			{ HasMoreResults: false, Results: [rawNote(uid(201), 'One'), rawNote(uid(202), 'Two')] },
		);
		const { json, items } = await runExpectingCall(
			[
				'GetNotesAttachedToContact',
				{ ContactId: other, MaxNumberOfResults: 50, Page: 1 },
				{ HasMoreResults: false, Results: [{ ...rawNote(uid(203), 'Three'), ContactId: other }] },
			],
			{
				resource: 'note',
				operation: 'getAllForContact',
				input: [{ id: CONTACT }, { id: other }],
				parameters: { contactId: byId('={{ $json.id }}'), simplify: false },
			},
		);
		expect(first.isDone()).toBe(true);
		expect(json.map((note) => note.NoteId)).toEqual([uid(201), uid(202), uid(203)]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});
});
