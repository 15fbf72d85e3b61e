import nock from 'nock';

import { pipelineResource } from '../../../nodes/Lacrm/actions/pipeline';
import { byId, expectLacrmCall, LACRM_ORIGIN, runNode, uid } from '../helpers/runNode';

const resources = [pipelineResource];
const LEADS = uid(701);
const SALES_TEAM = uid(501);

const pipeline = {
	PipelineId: LEADS,
	Name: 'Leads',
	Icon: 'dollar_sign',
	DateCreated: '2025-12-22T21:35:09-08:00',
	DateArchived: null,
	Permissions: 'Public',
	SharingTeamIds: [],
	Statuses: [
		{ StatusId: uid(801), Name: 'New', IsActive: true, Color: 'Blue' },
		{ StatusId: uid(802), Name: 'Closed - Won', IsActive: false, Color: 'Green' },
	],
};

function anyCall() {
	return nock(LACRM_ORIGIN).post('/v2/').reply(200, {});
}

describe('Pipeline → Create', () => {
	it('sends CreatePipeline with name, icon and permissions, and outputs the PipelineId', async () => {
		const scope = expectLacrmCall(
			'CreatePipeline',
			{ Name: 'Leads', Icon: 'cart', Permissions: 'Public' },
			{ PipelineId: LEADS },
		);
		const { json, items, error } = await runNode({
			resource: 'pipeline',
			operation: 'create',
			parameters: { name: 'Leads', icon: 'cart' },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{ PipelineId: LEADS, Name: 'Leads', Icon: 'cart', Permissions: 'Public' },
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('passes an icon that is not in the list through (LACRM may have more)', async () => {
		const scope = expectLacrmCall(
			'CreatePipeline',
			{ Name: 'Leads', Icon: 'rocket', Permissions: 'TeamSharing', TeamIds: [SALES_TEAM] },
			{ PipelineId: LEADS },
		);
		const { json, error } = await runNode({
			resource: 'pipeline',
			operation: 'create',
			parameters: {
				name: 'Leads',
				icon: '={{ "rocket" }}',
				permissions: 'TeamSharing',
				teamIds: [SALES_TEAM],
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{
				PipelineId: LEADS,
				Name: 'Leads',
				Icon: 'rocket',
				Permissions: 'TeamSharing',
				TeamIds: [SALES_TEAM],
			},
		]);
	});

	it('refuses an empty icon before sending anything', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'pipeline',
			operation: 'create',
			parameters: { name: 'Leads', icon: '={{ " " }}' },
			resources,
		});
		expect(error?.message).toBe('Invalid "Icon": it is required');
		expect(error?.name).toBe('NodeOperationError');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses team sharing without teams', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'pipeline',
			operation: 'create',
			parameters: { name: 'Leads', icon: 'cart', permissions: 'TeamSharing', teamIds: '={{ "" }}' },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Team Names or IDs": choose at least one team when Permissions is Team Sharing',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Pipeline → Update', () => {
	it('sends EditPipeline with only the fields set, and outputs PipelineId + updated', async () => {
		const scope = expectLacrmCall(
			'EditPipeline',
			{ PipelineId: LEADS, Name: 'Deals', Icon: 'gem' },
			{},
		);
		const { json, error } = await runNode({
			resource: 'pipeline',
			operation: 'update',
			parameters: { pipelineId: byId(LEADS), updateFields: { name: 'Deals', icon: 'gem' } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ PipelineId: LEADS, updated: true }]);
	});

	it('sends new teams for team sharing', async () => {
		const scope = expectLacrmCall(
			'EditPipeline',
			{ PipelineId: LEADS, Permissions: 'TeamSharing', TeamIds: [SALES_TEAM] },
			{},
		);
		const { json, error } = await runNode({
			resource: 'pipeline',
			operation: 'update',
			parameters: {
				pipelineId: byId(LEADS),
				updateFields: { permissions: 'TeamSharing', teamIds: [SALES_TEAM] },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ PipelineId: LEADS, updated: true }]);
	});

	it('refuses an update with nothing to change', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'pipeline',
			operation: 'update',
			parameters: { pipelineId: byId(LEADS), updateFields: {} },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Update Fields": nothing to change: set at least one field',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Pipeline → Delete', () => {
	it('sends DeletePipeline and outputs PipelineId + deleted', async () => {
		const scope = expectLacrmCall('DeletePipeline', { PipelineId: LEADS }, {});
		const { json, error } = await runNode({
			resource: 'pipeline',
			operation: 'delete',
			parameters: { pipelineId: byId(LEADS) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ PipelineId: LEADS, deleted: true }]);
	});
});

describe('Pipeline → Get', () => {
	it('sends GetPipeline and outputs the pipeline with its statuses', async () => {
		const scope = expectLacrmCall('GetPipeline', { PipelineId: LEADS }, pipeline);
		const { json, error } = await runNode({
			resource: 'pipeline',
			operation: 'get',
			parameters: { pipelineId: byId(LEADS) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([pipeline]);
	});
});

describe('Pipeline → Get Many', () => {
	it('sends GetPipelines with the include options and outputs one item per pipeline', async () => {
		const other = { ...pipeline, PipelineId: uid(702), Name: 'Hiring' };
		const scope = expectLacrmCall(
			'GetPipelines',
			{ IncludeArchivedPipelines: true, IncludeCustomFields: true, IncludeHiddenPipelines: false },
			[pipeline, other],
		);
		const { json, error } = await runNode({
			resource: 'pipeline',
			operation: 'getAll',
			parameters: {
				returnAll: true,
				options: {
					includeArchivedPipelines: true,
					includeCustomFields: true,
					includeHiddenPipelines: false,
				},
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([pipeline, other]);
	});

	it('sends no parameters when no option is set', async () => {
		const scope = expectLacrmCall('GetPipelines', {}, [pipeline]);
		const { json, error } = await runNode({ resource: 'pipeline', operation: 'getAll', resources });
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([pipeline]);
	});
});
