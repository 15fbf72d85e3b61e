import { group, VIP } from '../helpers/records';
import { byId, expectLacrmCall, runExpectingCall, runNode, uid } from '../helpers/runNode';

const SALES_TEAM = uid(501);

describe('Group → Create', () => {
	it('with Continue On Fail, outputs an error item for the bad item and creates the good one', async () => {
		const scope = expectLacrmCall(
			'CreateGroup',
			{ Name: 'Partners', Sharing: 'Private' },
			{ GroupId: VIP },
		);
		const { json, items, error } = await runNode({
			resource: 'group',
			operation: 'create',
			parameters: { name: '={{ $json.name }}' },
			input: [{ name: '' }, { name: 'Partners' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([
			{ error: 'Invalid "Name": it is required' },
			{ GroupId: VIP, Name: 'Partners', Sharing: 'Private' },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it("reports LACRM's refusal of a duplicate name as the node error", async () => {
		const scope = expectLacrmCall(
			'CreateGroup',
			{ Name: 'VIP Clients', Sharing: 'Private' },
			{
				ErrorCode: '4178t6namw3vx9s6',
				ErrorDescription: 'There is already a group named VIP Clients',
			},
			{ status: 400 },
		);
		const { error, json } = await runNode({
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients' },
		});
		expect(scope.isDone()).toBe(true);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('There is already a group named VIP Clients');
		expect(json).toEqual([]);
	});
});

describe('Group → Update', () => {
	it('sends EditGroup with only the fields set, and outputs GroupId + updated', async () => {
		const { json } = await runExpectingCall(
			['EditGroup', { GroupId: VIP, Name: 'VIPs', Sharing: 'Teams', TeamIds: [SALES_TEAM] }, {}],
			{
				resource: 'group',
				operation: 'update',
				parameters: {
					groupId: byId(VIP),
					updateFields: { name: 'VIPs', sharing: 'Teams', teamIds: [SALES_TEAM] },
				},
			},
		);
		expect(json).toEqual([{ GroupId: VIP, updated: true }]);
	});

	it('clears the color by sending null', async () => {
		const { json } = await runExpectingCall(['EditGroup', { GroupId: VIP, Color: null }, {}], {
			resource: 'group',
			operation: 'update',
			parameters: { groupId: byId(VIP), fieldsToClear: ['color'] },
		});
		expect(json).toEqual([{ GroupId: VIP, updated: true }]);
	});
});

describe('Group → Get Many', () => {
	it('sends GetGroups with the option and pages through every result with Return All', async () => {
		const groups = Array.from({ length: 3 }, (_, index) => ({
			...group,
			GroupId: uid(610 + index),
			Name: `G${index}`,
		}));
		const page1 = expectLacrmCall(
			'GetGroups',
			{ ReturnNumberOfContacts: true, MaxNumberOfResults: 10000, Page: 1 },
			{ HasMoreResults: true, Results: groups.slice(0, 2) },
		);
		const { json, items } = await runExpectingCall(
			[
				'GetGroups',
				{ ReturnNumberOfContacts: true, MaxNumberOfResults: 10000, Page: 2 },
				{ HasMoreResults: false, Results: groups.slice(2) },
			],
			{
				resource: 'group',
				operation: 'getAll',
				parameters: { returnAll: true, options: { returnNumberOfContacts: true } },
			},
		);
		expect(page1.isDone()).toBe(true);
		expect(json).toEqual(groups);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('asks for one page of the limit size when not returning all', async () => {
		const { json } = await runExpectingCall(
			[
				'GetGroups',
				{ MaxNumberOfResults: 2, Page: 1 },
				{ HasMoreResults: true, Results: [group, group] },
			],
			{
				resource: 'group',
				operation: 'getAll',
				parameters: { returnAll: false, limit: 2 },
			},
		);
		expect(json).toEqual([group, group]);
	});
});
