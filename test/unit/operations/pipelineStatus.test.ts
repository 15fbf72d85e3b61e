import type { INodeProperties } from 'n8n-workflow';

import { Lacrm } from '../../../nodes/Lacrm/Lacrm.node';

import { byId, runExpectingCall, runExpectingRefusal, uid } from '../helpers/runNode';

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

describe('Pipeline Status → Create', () => {
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

	it.each([
		{ title: 'a named color (LACRM takes hex codes)', color: 'LimeGreen' },
		{ title: 'a malformed hex color', color: '#48658' },
	])('refuses $title before sending anything', async ({ color }) => {
		const error = await runExpectingRefusal({
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: {
				pipelineId: byId(LEADS),
				name: 'Won',
				additionalFields: { color: `={{ "${color}" }}` },
			},
		});
		expect(error?.message).toBe(`Invalid "Color": "${color}" is not a hex color like #486581`);
		expect(error?.name).toBe('NodeOperationError');
	});

	it('sends a hex color given in an expression', async () => {
		await runExpectingCall(
			[
				'CreatePipelineStatus',
				{ PipelineId: LEADS, Name: 'Won', IsActive: true, Color: '#486581' },
				{ StatusId: PROPOSAL },
			],
			{
				resource: 'pipelineStatus',
				operation: 'create',
				parameters: {
					pipelineId: byId(LEADS),
					name: 'Won',
					additionalFields: { color: '={{ "#486581" }}' },
				},
			},
		);
	});
});

describe('Pipeline Status → Update', () => {
	it('sends EditPipelineStatus with the required name and the fields set, and outputs StatusId + updated', async () => {
		const { json } = await runExpectingCall(
			[
				'EditPipelineStatus',
				{ StatusId: PROPOSAL, Name: 'Proposal', IsActive: false, Color: '#b22222' },
				{},
			],
			{
				resource: 'pipelineStatus',
				operation: 'update',
				parameters: {
					statusId: byId(PROPOSAL),
					name: 'Proposal',
					updateFields: { isActive: 'closed', color: '#b22222' },
				},
			},
		);
		expect(json).toEqual([{ StatusId: PROPOSAL, updated: true }]);
	});

	it('clears the color by sending null', async () => {
		const { json } = await runExpectingCall(
			['EditPipelineStatus', { StatusId: PROPOSAL, Name: 'Proposal', Color: null }, {}],
			{
				resource: 'pipelineStatus',
				operation: 'update',
				parameters: { statusId: byId(PROPOSAL), name: 'Proposal', fieldsToClear: ['color'] },
			},
		);
		expect(json).toEqual([{ StatusId: PROPOSAL, updated: true }]);
	});
});

describe('Pipeline Status → Get Many', () => {
	it('sends GetPipelineStatuses for one pipeline and outputs one item per status', async () => {
		const { json, items } = await runExpectingCall(
			['GetPipelineStatuses', { PipelineId: LEADS }, statuses],
			{
				resource: 'pipelineStatus',
				operation: 'getAll',
				parameters: { returnAll: true, filters: { pipelineId: byId(LEADS) } },
			},
		);
		expect(json).toEqual(statuses);
		expect(items).toHaveLength(2);
	});

	it("sends no pipeline to list every pipeline's statuses", async () => {
		const { json } = await runExpectingCall(['GetPipelineStatuses', {}, statuses], {
			resource: 'pipelineStatus',
			operation: 'getAll',
			parameters: { returnAll: true },
		});
		expect(json).toEqual(statuses);
	});
});
