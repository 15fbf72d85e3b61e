import nock from 'nock';

import { teamResource } from '../../../nodes/Lacrm/actions/team';
import { byId, expectLacrmCall, LACRM_ORIGIN, runNode, uid } from '../helpers/runNode';

const resources = [teamResource];
const SALES = uid(501);

const team = {
	TeamId: SALES,
	Name: 'Sales',
	DateCreated: '2025-12-22T21:35:09-08:00',
	UserIds: ['1001', '1002'],
};

/** Answers any LACRM call, so a test can prove that none was made. */
function anyCall() {
	return nock(LACRM_ORIGIN).post('/v2/').reply(200, {});
}

describe('Team → Create', () => {
	it('sends CreateTeam with the name and members, and outputs the TeamId', async () => {
		const scope = expectLacrmCall(
			'CreateTeam',
			{ Name: 'Sales', UserIdList: ['1001', '1002'] },
			{ TeamId: SALES },
		);
		const { json, items, error } = await runNode({
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: ['1001', '1002'] } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ TeamId: SALES, Name: 'Sales', UserIdList: ['1001', '1002'] }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('accepts member ids from an expression as a list of numbers and strings', async () => {
		const scope = expectLacrmCall(
			'CreateTeam',
			{ Name: 'Sales', UserIdList: ['1001', '1002'] },
			{ TeamId: SALES },
		);
		const { json, error } = await runNode({
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: '={{ [1001, "1002"] }}' } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ TeamId: SALES, Name: 'Sales', UserIdList: ['1001', '1002'] }]);
	});

	it('refuses a name that an expression left empty, before sending anything', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'team',
			operation: 'create',
			parameters: { name: '={{ $json.team }}' },
			input: [{ team: '' }],
			resources,
		});
		expect(error?.message).toBe('Invalid "Name": it is required');
		expect(error?.name).toBe('NodeOperationError');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses a member id that is not a LACRM id', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: ['jane'] } },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Member Names or IDs": "jane" is not a LACRM user ID (digits only)',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Team → Update', () => {
	it('sends EditTeam with the new name and members, and outputs TeamId + updated', async () => {
		const scope = expectLacrmCall(
			'EditTeam',
			{ TeamId: SALES, Name: 'Sales EU', UserIdList: ['1003'] },
			{},
		);
		const { json, error } = await runNode({
			resource: 'team',
			operation: 'update',
			parameters: { teamId: byId(SALES), updateFields: { name: 'Sales EU', userIdList: ['1003'] } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ TeamId: SALES, updated: true }]);
	});

	it('sends an explicit empty member list for Remove All Members', async () => {
		const scope = expectLacrmCall('EditTeam', { TeamId: SALES, UserIdList: [] }, {});
		const { json, error } = await runNode({
			resource: 'team',
			operation: 'update',
			parameters: { teamId: byId(SALES), updateFields: { removeAllMembers: true } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ TeamId: SALES, updated: true }]);
	});

	it('refuses Remove All Members together with a member list', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'team',
			operation: 'update',
			parameters: {
				teamId: byId(SALES),
				updateFields: { removeAllMembers: true, userIdList: ['1001'] },
			},
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Remove All Members": it cannot be combined with a member list; choose one',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses an update with nothing to change', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'team',
			operation: 'update',
			parameters: { teamId: byId(SALES), updateFields: { removeAllMembers: false } },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Update Fields": nothing to change: set a name, members, or Remove All Members',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Team → Delete', () => {
	it('sends DeleteTeam and outputs TeamId + deleted', async () => {
		const scope = expectLacrmCall('DeleteTeam', { TeamId: SALES }, {});
		const { json, error } = await runNode({
			resource: 'team',
			operation: 'delete',
			parameters: { teamId: byId(SALES) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ TeamId: SALES, deleted: true }]);
	});
});

describe('Team → Get', () => {
	it('sends GetTeam and outputs the team', async () => {
		const scope = expectLacrmCall('GetTeam', { TeamId: SALES }, team);
		const { json, error } = await runNode({
			resource: 'team',
			operation: 'get',
			parameters: { teamId: byId(SALES) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([team]);
	});

	it('refuses a malformed TeamId from an expression before sending anything', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'team',
			operation: 'get',
			parameters: { teamId: byId('={{ $json.team }}') },
			input: [{ team: 'sales' }],
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Team": "sales" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Team → Get Many', () => {
	it('sends GetTeams and outputs one item per team', async () => {
		const other = { ...team, TeamId: uid(502), Name: 'Support', UserIds: [] };
		const scope = expectLacrmCall('GetTeams', {}, [team, other]);
		const { json, error } = await runNode({
			resource: 'team',
			operation: 'getAll',
			parameters: { returnAll: true },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([team, other]);
	});
});
