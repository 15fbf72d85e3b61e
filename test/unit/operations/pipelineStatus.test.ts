import nock from 'nock';
import type { INodeProperties } from 'n8n-workflow';

import { Lacrm } from '../../../nodes/Lacrm/Lacrm.node';

import { pipelineStatusResource } from '../../../nodes/Lacrm/actions/pipelineStatus';
import { byId, expectLacrmCall, LACRM_ORIGIN, runNode, uid } from '../helpers/runNode';

const resources = [pipelineStatusResource];
const LEADS = uid(701);
const PROPOSAL = uid(803);

const statuses = [
	{
		StatusId: uid(801),
		PipelineId: LEADS,
		Name: 'New',
		IsActive: true,
		Color: '',
		DateCreated: '2025-12-22T21:35:09-08:00',
	},
	{
		StatusId: PROPOSAL,
		PipelineId: LEADS,
		Name: 'Won',
		IsActive: false,
		Color: '#486581',
		DateCreated: '2025-12-22T21:35:09-08:00',
	},
];

function anyCall() {
	return nock(LACRM_ORIGIN).post('/v2/').reply(200, {});
}

describe('Pipeline Status → Create', () => {
	it('sends CreatePipelineStatus as an open status by default, and outputs the StatusId', async () => {
		const scope = expectLacrmCall(
			'CreatePipelineStatus',
			{ PipelineId: LEADS, Name: 'Proposal Sent', IsActive: true },
			{ StatusId: PROPOSAL },
		);
		const { json, items, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: { pipelineId: byId(LEADS), name: 'Proposal Sent' },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{ StatusId: PROPOSAL, PipelineId: LEADS, Name: 'Proposal Sent', IsActive: true },
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('offers a color picker for the color', () => {
		const color = new Lacrm().description.properties
			.filter(
				(property) => property.name === 'additionalFields' || property.name === 'updateFields',
			)
			.filter((property) => property.displayOptions?.show?.resource?.includes('pipelineStatus'))
			.flatMap((property) => (property.options ?? []) as INodeProperties[])
			.filter((option) => option.name === 'color');
		expect(color.map((option) => option.type)).toEqual(['color', 'color']);
	});

	it('sends a closed status with the hex color picked', async () => {
		const scope = expectLacrmCall(
			'CreatePipelineStatus',
			{ PipelineId: LEADS, Name: 'Won', IsActive: false, Color: '#32CD32' },
			{ StatusId: PROPOSAL },
		);
		const { json, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: {
				pipelineId: byId(LEADS),
				name: 'Won',
				isActive: 'closed',
				additionalFields: { color: '#32CD32' },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{ StatusId: PROPOSAL, PipelineId: LEADS, Name: 'Won', IsActive: false, Color: '#32CD32' },
		]);
	});

	it.each([
		{ title: 'a named color (LACRM takes hex codes)', color: 'LimeGreen' },
		{ title: 'a malformed hex color', color: '#48658' },
	])('refuses $title before sending anything', async ({ color }) => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: {
				pipelineId: byId(LEADS),
				name: 'Won',
				additionalFields: { color: `={{ "${color}" }}` },
			},
			resources,
		});
		expect(error?.message).toBe(`Invalid "Color": "${color}" is not a hex color like #486581`);
		expect(error?.name).toBe('NodeOperationError');
		expect(scope.isDone()).toBe(false);
	});

	it('sends a hex color given in an expression', async () => {
		const scope = expectLacrmCall(
			'CreatePipelineStatus',
			{ PipelineId: LEADS, Name: 'Won', IsActive: true, Color: '#486581' },
			{ StatusId: PROPOSAL },
		);
		const { error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: {
				pipelineId: byId(LEADS),
				name: 'Won',
				additionalFields: { color: '={{ "#486581" }}' },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a missing pipeline', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: { pipelineId: byId('={{ $json.pipeline }}'), name: 'Won' },
			input: [{ pipeline: '' }],
			resources,
		});
		expect(error?.message).toBe('Invalid "Pipeline": it is required');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Pipeline Status → Update', () => {
	it('sends EditPipelineStatus with the required name and the fields set, and outputs StatusId + updated', async () => {
		const scope = expectLacrmCall(
			'EditPipelineStatus',
			{ StatusId: PROPOSAL, Name: 'Proposal', IsActive: false, Color: '#b22222' },
			{},
		);
		const { json, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'update',
			parameters: {
				statusId: byId(PROPOSAL),
				name: 'Proposal',
				updateFields: { isActive: 'closed', color: '#b22222' },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ StatusId: PROPOSAL, updated: true }]);
	});

	it('clears the color by sending null', async () => {
		const scope = expectLacrmCall(
			'EditPipelineStatus',
			{ StatusId: PROPOSAL, Name: 'Proposal', Color: null },
			{},
		);
		const { json, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'update',
			parameters: { statusId: byId(PROPOSAL), name: 'Proposal', fieldsToClear: ['color'] },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ StatusId: PROPOSAL, updated: true }]);
	});

	it('refuses an update without the name LACRM requires', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'update',
			parameters: {
				statusId: byId(PROPOSAL),
				name: '={{ $json.name }}',
				updateFields: { color: '#b22222' },
			},
			input: [{}],
			resources,
		});
		expect(error?.message).toBe('Invalid "Name": it is required');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Pipeline Status → Delete', () => {
	it('sends DeletePipelineStatus and outputs StatusId + deleted', async () => {
		const scope = expectLacrmCall('DeletePipelineStatus', { StatusId: PROPOSAL }, {});
		const { json, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'delete',
			parameters: { statusId: byId(PROPOSAL) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ StatusId: PROPOSAL, deleted: true }]);
	});
});

describe('Pipeline Status → Get Many', () => {
	it('sends GetPipelineStatuses for one pipeline and outputs one item per status', async () => {
		const scope = expectLacrmCall('GetPipelineStatuses', { PipelineId: LEADS }, statuses);
		const { json, items, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'getAll',
			parameters: { returnAll: true, filters: { pipelineId: byId(LEADS) } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual(statuses);
		expect(items).toHaveLength(2);
	});

	it("sends no pipeline to list every pipeline's statuses", async () => {
		const scope = expectLacrmCall('GetPipelineStatuses', {}, statuses);
		const { json, error } = await runNode({
			resource: 'pipelineStatus',
			operation: 'getAll',
			parameters: { returnAll: true },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual(statuses);
	});
});
