import { SALES, team } from '../helpers/records';
import { byId, runExpectingCall, uid } from '../helpers/runNode';

describe('Team → Update', () => {
	it('sends EditTeam with the new name and members, and outputs TeamId + updated', async () => {
		const { json } = await runExpectingCall(
			['EditTeam', { TeamId: SALES, Name: 'Sales EU', UserIdList: ['1003'] }, {}],
			{
				resource: 'team',
				operation: 'update',
				parameters: {
					teamId: byId(SALES),
					updateFields: { name: 'Sales EU', userIdList: ['1003'] },
				},
			},
		);
		expect(json).toEqual([{ TeamId: SALES, updated: true }]);
	});

	it('sends an explicit empty member list for Remove All Members', async () => {
		const { json } = await runExpectingCall(['EditTeam', { TeamId: SALES, UserIdList: [] }, {}], {
			resource: 'team',
			operation: 'update',
			parameters: { teamId: byId(SALES), updateFields: { removeAllMembers: true } },
		});
		expect(json).toEqual([{ TeamId: SALES, updated: true }]);
	});
});

describe('Team → Get Many', () => {
	it('sends GetTeams and outputs one item per team', async () => {
		const other = { ...team, TeamId: uid(502), Name: 'Support', UserIds: [] };
		const { json } = await runExpectingCall(['GetTeams', {}, [team, other]], {
			resource: 'team',
			operation: 'getAll',
			parameters: { returnAll: true },
		});
		expect(json).toEqual([team, other]);
	});
});
