import { LEADS, pipeline } from '../helpers/records';
import { byId, runExpectingCall, uid } from '../helpers/runNode';

const SALES_TEAM = uid(501);

describe('Pipeline → Update', () => {
	it('sends EditPipeline with only the fields set, and outputs PipelineId + updated', async () => {
		const { json } = await runExpectingCall(
			['EditPipeline', { PipelineId: LEADS, Name: 'Deals', Icon: 'gem' }, {}],
			{
				resource: 'pipeline',
				operation: 'update',
				parameters: { pipelineId: byId(LEADS), updateFields: { name: 'Deals', icon: 'gem' } },
			},
		);
		expect(json).toEqual([{ PipelineId: LEADS, updated: true }]);
	});

	it('sends new teams for team sharing', async () => {
		const { json } = await runExpectingCall(
			[
				'EditPipeline',
				{ PipelineId: LEADS, Permissions: 'TeamSharing', TeamIds: [SALES_TEAM] },
				{},
			],
			{
				resource: 'pipeline',
				operation: 'update',
				parameters: {
					pipelineId: byId(LEADS),
					updateFields: { permissions: 'TeamSharing', teamIds: [SALES_TEAM] },
				},
			},
		);
		expect(json).toEqual([{ PipelineId: LEADS, updated: true }]);
	});
});

describe('Pipeline → Get Many', () => {
	it('sends GetPipelines with the include options and outputs one item per pipeline', async () => {
		const other = { ...pipeline, PipelineId: uid(702), Name: 'Hiring' };
		const { json } = await runExpectingCall(
			[
				'GetPipelines',
				{
					IncludeArchivedPipelines: true,
					IncludeCustomFields: true,
					IncludeHiddenPipelines: false,
				},
				[pipeline, other],
			],
			{
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
			},
		);
		expect(json).toEqual([pipeline, other]);
	});

	it('sends no parameters when no option is set', async () => {
		const { json } = await runExpectingCall(['GetPipelines', {}, [pipeline]], {
			resource: 'pipeline',
			operation: 'getAll',
		});
		expect(json).toEqual([pipeline]);
	});
});
