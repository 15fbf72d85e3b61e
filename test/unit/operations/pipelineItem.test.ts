import { mapper } from '../helpers/resourceMapper';
import { CONTACTED, ITEM, ITEM_PIPELINE, JANE, NEW, WON } from '../helpers/records';
import type { ExpectCallOptions } from '../helpers/runNode';
import { byId, expectLacrmCall, runExpectingCall, runNode, uid } from '../helpers/runNode';

/** The statuses of the item's pipeline (ITEM_PIPELINE), as LACRM lists them (read before an item is written). */
function leadsStatuses(times = 1) {
	return expectLacrmCall(
		'GetPipelineStatuses',
		{ PipelineId: ITEM_PIPELINE },
		[
			{ StatusId: NEW, PipelineId: ITEM_PIPELINE, Name: 'New', IsActive: true, Color: 'Blue' },
			{
				StatusId: CONTACTED,
				PipelineId: ITEM_PIPELINE,
				Name: 'Contacted',
				IsActive: true,
				Color: 'Blue',
			},
			{ StatusId: WON, PipelineId: ITEM_PIPELINE, Name: 'Won', IsActive: false, Color: 'Green' },
		],
		{ times },
	);
}

/** The pipeline item's own fields, the same in LACRM's record and in the simplified item. */
const fields = {
	PipelineItemId: ITEM,
	PipelineId: ITEM_PIPELINE,
	StatusId: CONTACTED,
	ContactId: JANE,
	DateCreated: '2025-01-10T09:00:00-08:00',
	CreatedBy: '1001',
	LastUpdate: '2025-01-12T10:00:00-08:00',
	LastUpdatedBy: '1001',
	NumberOfUpdates: 2,
	LastNote: 'Sent proposal',
};

const item = {
	...fields,
	PipelineMetaData: { Name: 'Leads' },
	StatusMetaData: { Name: 'Contacted' },
	ContactMetaData: { Name: 'Jane Doe', AssignedTo: '1001' },
	'Deal Size': 5000,
};

const simplifiedItem = {
	...fields,
	'Deal Size': 5000,
	PipelineName: 'Leads',
	StatusName: 'Contacted',
	ContactName: 'Jane Doe',
};

describe('Pipeline Item → Create', () => {
	it('sends CreatePipelineItem with contact, pipeline, status, note, automation and custom fields', async () => {
		const statuses = leadsStatuses();
		const sent = {
			'Deal Size': 5000,
			Source: 'Website',
			ContactId: JANE,
			PipelineId: ITEM_PIPELINE,
			StatusId: NEW,
			Note: 'Came in through the form',
			RunStatusAutomation: true,
		};
		const { json, items } = await runExpectingCall(
			['CreatePipelineItem', sent, { PipelineItemId: ITEM }],
			{
				resource: 'pipelineItem',
				operation: 'create',
				parameters: {
					contactId: byId(JANE),
					pipelineId: { __rl: true, mode: 'list', value: ITEM_PIPELINE },
					statusId: byId(NEW),
					additionalFields: { note: 'Came in through the form', runStatusAutomation: true },
					customFields: mapper({ 'Deal Size': 5000, Source: 'Website' }, [
						{ id: 'Deal Size', type: 'number' },
						{
							id: 'Source',
							type: 'options',
							options: [
								{ name: 'Website', value: 'Website' },
								{ name: 'Referral', value: 'Referral' },
							],
						},
					]),
				},
			},
		);
		expect(statuses.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ PipelineItemId: ITEM, ...sent }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses a status of another pipeline before writing, naming both pipelines and the status', async () => {
		const SUPPORT = uid(402);
		const OPEN = uid(421);
		const statuses = expectLacrmCall('GetPipelineStatuses', { PipelineId: SUPPORT }, [
			{ StatusId: OPEN, PipelineId: SUPPORT, Name: 'Open', IsActive: true, Color: 'Blue' },
		]);
		const allStatuses = expectLacrmCall('GetPipelineStatuses', {}, [
			{ StatusId: NEW, PipelineId: ITEM_PIPELINE, Name: 'New', IsActive: true, Color: 'Blue' },
			{ StatusId: OPEN, PipelineId: SUPPORT, Name: 'Open', IsActive: true, Color: 'Blue' },
		]);
		const pipelines = expectLacrmCall('GetPipelines', { IncludeArchivedPipelines: true }, [
			{ PipelineId: ITEM_PIPELINE, Name: 'Sales Leads' },
			{ PipelineId: SUPPORT, Name: 'Support Tickets' },
		]);
		const { error } = await runNode({
			resource: 'pipelineItem',
			operation: 'create',
			parameters: {
				contactId: byId(JANE),
				pipelineId: byId(SUPPORT),
				statusId: { __rl: true, mode: 'list', value: NEW, cachedResultName: 'New' },
			},
		});
		expect(error?.message).toBe(
			'Invalid "Status": "New" is a status of the pipeline "Sales Leads", not of "Support Tickets"',
		);
		expect((error as { description?: string }).description).toBe(
			'Statuses of "Support Tickets": Open. Pick the status again after choosing the pipeline.',
		);
		// Only reads were sent: nock refuses any unexpected request (CreatePipelineItem included).
		expect(statuses.isDone() && allStatuses.isDone() && pipelines.isDone()).toBe(true);
	});

	it("reads a pipeline's statuses once per execution, however many items go to it", async () => {
		const statuses = leadsStatuses(1);
		const creates = expectLacrmCall(
			'CreatePipelineItem',
			{ ContactId: JANE, PipelineId: ITEM_PIPELINE, StatusId: NEW },
			{ PipelineItemId: ITEM },
			{ times: 3 },
		);
		const { json, error } = await runNode({
			resource: 'pipelineItem',
			operation: 'create',
			parameters: { contactId: byId(JANE), pipelineId: byId(ITEM_PIPELINE), statusId: byId(NEW) },
			input: [{}, {}, {}],
		});
		expect(error).toBeUndefined();
		expect(json).toHaveLength(3);
		expect(statuses.isDone() && creates.isDone()).toBe(true);
	});
});

describe('Pipeline Item → Update', () => {
	it('sends EditPipelineItem with the new status, note and custom field — never the picker-only pipeline', async () => {
		const item = expectLacrmCall(
			'GetPipelineItem',
			{ PipelineItemId: ITEM },
			{ PipelineItemId: ITEM, PipelineId: ITEM_PIPELINE, StatusId: NEW },
		);
		const statuses = leadsStatuses();
		const { json } = await runExpectingCall(
			[
				'EditPipelineItem',
				{
					'Deal Size': 7500,
					PipelineItemId: ITEM,
					StatusId: WON,
					Note: 'Signed',
					RunStatusAutomation: false,
				},
				{},
			],
			{
				resource: 'pipelineItem',
				operation: 'update',
				parameters: {
					pipelineId: byId(ITEM_PIPELINE),
					pipelineItemId: { __rl: true, mode: 'list', value: ITEM },
					updateFields: { statusId: byId(WON), note: 'Signed', runStatusAutomation: false },
					customFields: mapper({ 'Deal Size': 7500 }, [{ id: 'Deal Size', type: 'number' }]),
				},
			},
		);
		expect(item.isDone() && statuses.isDone()).toBe(true);
		expect(json).toEqual([{ PipelineItemId: ITEM, updated: true }]);
	});

	it('clears the listed custom fields by sending them as null', async () => {
		const { json } = await runExpectingCall(
			['EditPipelineItem', { PipelineItemId: ITEM, 'Deal Size': null, 'Close Date': null }, {}],
			{
				resource: 'pipelineItem',
				operation: 'update',
				parameters: { pipelineItemId: byId(ITEM), customFieldsToClear: 'Deal Size, Close Date' },
			},
		);
		expect(json).toEqual([{ PipelineItemId: ITEM, updated: true }]);
	});
});

describe('Pipeline Item → Delete Many', () => {
	const ids = (count: number, from = 0) =>
		Array.from({ length: count }, (_, index) => uid(600000 + from + index));
	/** One DeletePipelineItems call for these ids of the ITEM_PIPELINE pipeline, answered with `reply`. */
	const batch = (itemIds: string[], reply: object, options?: ExpectCallOptions) =>
		expectLacrmCall(
			'DeletePipelineItems',
			{ PipelineId: ITEM_PIPELINE, PipelineItemIds: itemIds },
			reply,
			options,
		);
	/** Deletes the ids of the input item's `ids` from the ITEM_PIPELINE pipeline. */
	const deleteMany = async (itemIds: string[]) =>
		await runNode({
			resource: 'pipelineItem',
			operation: 'deleteMany',
			parameters: { pipelineId: byId(ITEM_PIPELINE), pipelineItemIds: '={{ $json.ids }}' },
			input: [{ ids: itemIds }],
		});

	it('sends DeletePipelineItems once for up to 5,000 ids', async () => {
		const { json } = await runExpectingCall(
			[
				'DeletePipelineItems',
				{ PipelineId: ITEM_PIPELINE, PipelineItemIds: [uid(601), uid(602)] },
				{ NumberProcessed: 1, NumberSkipped: 1 },
			],
			{
				resource: 'pipelineItem',
				operation: 'deleteMany',
				parameters: {
					pipelineId: byId(ITEM_PIPELINE),
					pipelineItemIds: `${uid(601)}, ${uid(602)}`,
				},
			},
		);
		expect(json).toEqual([{ PipelineId: ITEM_PIPELINE, NumberProcessed: 1, NumberSkipped: 1 }]);
	});

	it('splits 10,001 ids into calls of 5,000, 5,000 and 1 and adds up the counts', async () => {
		const all = ids(10001);
		const first = batch(all.slice(0, 5000), { NumberProcessed: 5000, NumberSkipped: 0 });
		const second = batch(all.slice(5000, 10000), { NumberProcessed: 4998, NumberSkipped: 2 });
		const third = batch(all.slice(10000), { NumberProcessed: 1, NumberSkipped: 0 });
		const { json, error } = await deleteMany(all);
		expect(error).toBeUndefined();
		expect(first.isDone() && second.isDone() && third.isDone()).toBe(true);
		expect(json).toEqual([{ PipelineId: ITEM_PIPELINE, NumberProcessed: 9999, NumberSkipped: 2 }]);
	});

	it('says which ids were already deleted when a later batch fails', async () => {
		const all = ids(5001);
		const first = batch(all.slice(0, 5000), { NumberProcessed: 5000, NumberSkipped: 0 });
		const second = batch(
			all.slice(5000),
			{ ErrorCode: 'abc123def456ghi7', ErrorDescription: 'Pipeline item not in pipeline' },
			{ status: 400 },
		);
		const { error } = await deleteMany(all);
		expect(first.isDone() && second.isDone()).toBe(true);
		expect(error?.message).toBe('Pipeline item not in pipeline');
		expect(error?.description).toContain(
			'The first 5000 IDs were already sent in earlier requests (5000 deleted, 0 skipped); the failed request held IDs 5001–5001.',
		);
	});
});

describe('Pipeline Item → Get', () => {
	it('sends GetPipelineItem and flattens names, keeping custom fields', async () => {
		const { json } = await runExpectingCall(['GetPipelineItem', { PipelineItemId: ITEM }, item], {
			resource: 'pipelineItem',
			operation: 'get',
			parameters: { pipelineId: byId(ITEM_PIPELINE), pipelineItemId: byId(ITEM) },
		});
		expect(json).toEqual([simplifiedItem]);
	});

	it('returns the raw record with Simplify off', async () => {
		const { json } = await runExpectingCall(['GetPipelineItem', { PipelineItemId: ITEM }, item], {
			resource: 'pipelineItem',
			operation: 'get',
			parameters: { pipelineItemId: byId(ITEM), simplify: false },
		});
		expect(json).toEqual([item]);
	});
});

describe('Pipeline Item → Get Many', () => {
	it('sends GetPipelineItems with the filters and the limit as page size', async () => {
		const { json } = await runExpectingCall(
			[
				'GetPipelineItems',
				{
					PipelineId: ITEM_PIPELINE,
					StatusFilter: [NEW, CONTACTED],
					UserFilter: ['1001'],
					SortBy: 'LastUpdate',
					SortDirection: 'Descending',
					AdvancedFilters: [{ Name: 'Deal Size', Operation: 'IsGreaterThan', Value: '1000' }],
					MaxNumberOfResults: 10,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [item] },
			],
			{
				resource: 'pipelineItem',
				operation: 'getAll',
				parameters: {
					pipelineId: byId(ITEM_PIPELINE),
					limit: 10,
					filters: {
						statusFilter: [NEW, CONTACTED],
						userFilter: ['1001'],
						sortBy: 'LastUpdate',
						sortDirection: 'Descending',
						advancedFilters: {
							entries: [{ name: 'Deal Size', filterOperation: 'IsGreaterThan', value: '1000' }],
						},
					},
				},
			},
		);
		expect(json).toEqual([simplifiedItem]);
	});

	it('with Include Closed, lists every status of the pipeline (GetPipelineStatuses) as the status filter', async () => {
		const statuses = expectLacrmCall('GetPipelineStatuses', { PipelineId: ITEM_PIPELINE }, [
			{ StatusId: NEW, PipelineId: ITEM_PIPELINE, Name: 'New', IsActive: true, Color: '' },
			{ StatusId: WON, PipelineId: ITEM_PIPELINE, Name: 'Won', IsActive: false, Color: '' },
		]);
		const page1 = expectLacrmCall(
			'GetPipelineItems',
			{ PipelineId: ITEM_PIPELINE, StatusFilter: [NEW, WON], MaxNumberOfResults: 10000, Page: 1 },
			{ HasMoreResults: true, Results: [item] },
		);
		const page2 = expectLacrmCall(
			'GetPipelineItems',
			{ PipelineId: ITEM_PIPELINE, StatusFilter: [NEW, WON], MaxNumberOfResults: 10000, Page: 2 },
			{ HasMoreResults: false, Results: [{ ...item, PipelineItemId: uid(502), StatusId: WON }] },
		);
		const { json, error } = await runNode({
			resource: 'pipelineItem',
			operation: 'getAll',
			parameters: {
				pipelineId: byId(ITEM_PIPELINE),
				returnAll: true,
				simplify: false,
				filters: { includeClosed: true },
			},
		});
		expect(error).toBeUndefined();
		expect(statuses.isDone() && page1.isDone() && page2.isDone()).toBe(true);
		expect(json.map((entry) => entry.PipelineItemId)).toEqual([ITEM, uid(502)]);
	});

	it('an explicit status list wins over Include Closed (no GetPipelineStatuses call)', async () => {
		const { json } = await runExpectingCall(
			[
				'GetPipelineItems',
				{ PipelineId: ITEM_PIPELINE, StatusFilter: [WON], MaxNumberOfResults: 50, Page: 1 },
				{ HasMoreResults: false, Results: [] },
			],
			{
				resource: 'pipelineItem',
				operation: 'getAll',
				parameters: {
					pipelineId: byId(ITEM_PIPELINE),
					filters: { includeClosed: true, statusFilter: [WON] },
				},
			},
		);
		expect(json).toEqual([]);
	});
});

describe('Pipeline Item → Get Many for Contact', () => {
	const other = {
		...item,
		PipelineItemId: uid(502),
		PipelineId: uid(402),
		PipelineMetaData: { Name: 'Projects' },
	};
	const third = { ...item, PipelineItemId: uid(503) };
	const answer = [
		{ PipelineId: ITEM_PIPELINE, PipelineItems: [item, third] },
		{ PipelineId: uid(402), PipelineItems: [other] },
	];

	it('sends GetPipelineItemsAttachedToContact and outputs one item per pipeline item, across pipelines', async () => {
		const { json, items } = await runExpectingCall(
			['GetPipelineItemsAttachedToContact', { ContactId: JANE }, answer],
			{
				resource: 'pipelineItem',
				operation: 'getAllForContact',
				parameters: { contactId: byId(JANE), returnAll: true },
			},
		);
		expect(json).toEqual([
			simplifiedItem,
			{ ...simplifiedItem, PipelineItemId: uid(503) },
			{
				...simplifiedItem,
				PipelineItemId: uid(502),
				PipelineId: uid(402),
				PipelineName: 'Projects',
			},
		]);
		expect(items.every((entry) => (entry.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('applies the limit to pipeline items, not to pipelines', async () => {
		const { json } = await runExpectingCall(
			['GetPipelineItemsAttachedToContact', { ContactId: JANE }, answer],
			{
				resource: 'pipelineItem',
				operation: 'getAllForContact',
				parameters: { contactId: byId(JANE), limit: 2, simplify: false },
			},
		);
		expect(json).toEqual([item, third]);
	});
});
