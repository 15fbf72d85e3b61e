import { SALES, team } from '../helpers/records';
import { byId, runExpectingCall, uid } from '../helpers/runNode';

describe('Team → Create', () => {
	it('sends CreateTeam with the name and members, and outputs the TeamId', async () => {
		const sent = { Name: 'Sales', UserIdList: ['1001', '1002'] };
		const { json, items } = await runExpectingCall(['CreateTeam', sent, { TeamId: SALES }], {
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: ['1001', '1002'] } },
		});
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ TeamId: SALES, ...sent }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('accepts member ids from an expression as a list of numbers and strings', async () => {
		const sent = { Name: 'Sales', UserIdList: ['1001', '1002'] };
		const { json } = await runExpectingCall(['CreateTeam', sent, { TeamId: SALES }], {
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: '={{ [1001, "1002"] }}' } },
		});
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ TeamId: SALES, ...sent }]);
	});
});

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
