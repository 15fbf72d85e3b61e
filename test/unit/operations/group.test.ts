import { group, VIP } from '../helpers/records';
import {
	byId,
	expectLacrmCall,
	runExpectingCall,
	runExpectingRefusal,
	runNode,
	uid,
} from '../helpers/runNode';

const SALES_TEAM = uid(501);
const SUPPORT_TEAM = uid(502);

describe('Group → Create', () => {
	it('sends CreateGroup with name, sharing and color, and outputs the GroupId', async () => {
		const { json, items } = await runExpectingCall(
			[
				'CreateGroup',
				{ Name: 'VIP Clients', Sharing: 'Public', Color: 'LightBlue' },
				{ GroupId: VIP },
			],
			{
				resource: 'group',
				operation: 'create',
				parameters: {
					name: 'VIP Clients',
					sharing: 'Public',
					additionalFields: { color: 'LightBlue' },
				},
			},
		);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{ GroupId: VIP, Name: 'VIP Clients', Sharing: 'Public', Color: 'LightBlue' },
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it("sends LACRM's default sharing (Private) when none is chosen", async () => {
		const { json } = await runExpectingCall(
			['CreateGroup', { Name: 'VIP Clients', Sharing: 'Private' }, { GroupId: VIP }],
			{
				resource: 'group',
				operation: 'create',
				parameters: { name: 'VIP Clients' },
			},
		);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ GroupId: VIP, Name: 'VIP Clients', Sharing: 'Private' }]);
	});

	it('sends the teams when sharing with teams', async () => {
		const { json } = await runExpectingCall(
			[
				'CreateGroup',
				{ Name: 'VIP Clients', Sharing: 'Teams', TeamIds: [SALES_TEAM, SUPPORT_TEAM] },
				{ GroupId: VIP },
			],
			{
				resource: 'group',
				operation: 'create',
				parameters: { name: 'VIP Clients', sharing: 'Teams', teamIds: [SALES_TEAM, SUPPORT_TEAM] },
			},
		);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{ GroupId: VIP, Name: 'VIP Clients', Sharing: 'Teams', TeamIds: [SALES_TEAM, SUPPORT_TEAM] },
		]);
	});

	it('refuses sharing with teams without teams, before sending anything', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', sharing: 'Teams', teamIds: '={{ [] }}' },
		});
		expect(error?.message).toBe(
			'Invalid "Team Names or IDs": choose at least one team when Sharing is Teams',
		);
		expect(error?.name).toBe('NodeOperationError');
	});

	it('refuses a team id that is not a LACRM id', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', sharing: 'Teams', teamIds: '={{ ["sales"] }}' },
		});
		expect(error?.message).toBe(
			'Invalid "Team Names or IDs": "sales" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
		);
	});

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

	it('refuses a color LACRM does not have', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', additionalFields: { color: '={{ "Brown" }}' } },
		});
		expect(error?.message).toMatch(/^Invalid "Color": "Brown" is not one of Blue, Cyan, Gray/);
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

	it('refuses a color that is both set and cleared', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'update',
			parameters: { groupId: byId(VIP), updateFields: { color: 'Red' }, fieldsToClear: ['color'] },
		});
		expect(error?.message).toBe(
			'Invalid "Fields to Clear": "Color" is both set and cleared; choose one',
		);
	});

	it('refuses teams with a sharing other than Teams', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'update',
			parameters: {
				groupId: byId(VIP),
				updateFields: { sharing: 'Public', teamIds: [SALES_TEAM] },
			},
		});
		expect(error?.message).toBe(
			'Invalid "Team Names or IDs": teams only apply when Sharing is Teams',
		);
	});

	it('refuses an update with nothing to change', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'update',
			parameters: { groupId: byId(VIP) },
		});
		expect(error?.message).toBe(
			'Invalid "Update Fields": nothing to change: set a field or a field to clear',
		);
	});
});

describe('Group → Get', () => {
	it('refuses a GroupId that arrives as a number', async () => {
		const error = await runExpectingRefusal({
			resource: 'group',
			operation: 'get',
			parameters: { groupId: byId('={{ 12345 }}') },
		});
		expect(error?.message).toBe(
			'Invalid "Group": 12345 arrived as a number, which cannot hold a LACRM ID exactly',
		);
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
