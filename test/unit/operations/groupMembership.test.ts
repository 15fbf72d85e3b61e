import { byId, expectLacrmCall, runExpectingCall, runNode, uid } from '../helpers/runNode';

const JANE = uid(101);
const BOB = uid(102);
const VIP = uid(301);

describe('Group Membership → Add', () => {
	it('sends CreateGroupMembership with the picked GroupId only', async () => {
		const { json, items } = await runExpectingCall(
			['CreateGroupMembership', { ContactId: JANE, GroupId: VIP }, {}],
			{
				resource: 'groupMembership',
				operation: 'add',
				parameters: {
					contactId: byId(JANE),
					groupBy: 'id',
					groupId: { __rl: true, mode: 'list', value: VIP },
				},
			},
		);
		expect(json).toEqual([{ ContactId: JANE, GroupId: VIP, added: true }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends GroupName only when the group is given by name', async () => {
		const { json } = await runExpectingCall(
			['CreateGroupMembership', { ContactId: JANE, GroupName: 'VIP Clients' }, {}],
			{
				resource: 'groupMembership',
				operation: 'add',
				// A GroupId left over from switching modes must not be sent alongside the name.
				parameters: {
					contactId: byId(JANE),
					groupBy: 'name',
					groupName: 'VIP Clients',
					groupId: byId(VIP),
				},
			},
		);
		expect(json).toEqual([{ ContactId: JANE, GroupName: 'VIP Clients', added: true }]);
	});

	it('one request per input item, each output paired with its item', async () => {
		const first = expectLacrmCall('CreateGroupMembership', { ContactId: JANE, GroupId: VIP }, {});
		const second = expectLacrmCall('CreateGroupMembership', { ContactId: BOB, GroupId: VIP }, {});
		const { json, items, error } = await runNode({
			resource: 'groupMembership',
			operation: 'add',
			parameters: { contactId: byId('={{ $json.id }}'), groupBy: 'id', groupId: byId(VIP) },
			input: [{ id: JANE }, { id: BOB }],
		});
		expect(error).toBeUndefined();
		expect(first.isDone() && second.isDone()).toBe(true);
		expect(json).toEqual([
			{ ContactId: JANE, GroupId: VIP, added: true },
			{ ContactId: BOB, GroupId: VIP, added: true },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others still run', async () => {
		const scope = expectLacrmCall('CreateGroupMembership', { ContactId: BOB, GroupId: VIP }, {});
		const { json, items, error } = await runNode({
			resource: 'groupMembership',
			operation: 'add',
			parameters: { contactId: byId('={{ $json.id }}'), groupBy: 'id', groupId: byId(VIP) },
			input: [{ id: 'x1' }, { id: BOB }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([
			{
				error:
					'Invalid "Contact": "x1" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
			},
			{ ContactId: BOB, GroupId: VIP, added: true },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Group Membership → Remove', () => {
	it('sends DeleteGroupMembership with the GroupId', async () => {
		const { json } = await runExpectingCall(
			['DeleteGroupMembership', { ContactId: JANE, GroupId: VIP }, {}],
			{
				resource: 'groupMembership',
				operation: 'remove',
				parameters: { contactId: byId(JANE), groupId: byId(VIP) },
			},
		);
		expect(json).toEqual([{ ContactId: JANE, GroupId: VIP, removed: true }]);
	});

	it('sends DeleteGroupMembership with the GroupName', async () => {
		const { json } = await runExpectingCall(
			['DeleteGroupMembership', { ContactId: JANE, GroupName: 'VIP Clients' }, {}],
			{
				resource: 'groupMembership',
				operation: 'remove',
				parameters: { contactId: byId(JANE), groupBy: 'name', groupName: 'VIP Clients' },
			},
		);
		expect(json).toEqual([{ ContactId: JANE, GroupName: 'VIP Clients', removed: true }]);
	});
});

describe('Group Membership → Get Many for Contact', () => {
	const membership = { ContactId: JANE, GroupId: VIP, GroupMetaData: { Name: 'VIP Clients' } };

	it('sends GetGroupsAttachedToContact and outputs one simplified item per group', async () => {
		const { json } = await runExpectingCall(
			[
				'GetGroupsAttachedToContact',
				{ ContactId: JANE, MaxNumberOfResults: 50, Page: 1 },
				{
					HasMoreResults: false,
					Results: [
						membership,
						{ ...membership, GroupId: uid(302), GroupMetaData: { Name: 'Newsletter' } },
					],
				},
			],
			{
				resource: 'groupMembership',
				operation: 'getGroupsOfContact',
				parameters: { contactId: byId(JANE) },
			},
		);
		expect(json).toEqual([
			{ ContactId: JANE, GroupId: VIP, GroupName: 'VIP Clients' },
			{ ContactId: JANE, GroupId: uid(302), GroupName: 'Newsletter' },
		]);
	});

	it('returns LACRM records as they are with Simplify off', async () => {
		const { json } = await runExpectingCall(
			[
				'GetGroupsAttachedToContact',
				{ ContactId: JANE, MaxNumberOfResults: 10000, Page: 1 },
				{ HasMoreResults: false, Results: [membership] },
			],
			{
				resource: 'groupMembership',
				operation: 'getGroupsOfContact',
				parameters: { contactId: byId(JANE), returnAll: true, simplify: false },
			},
		);
		expect(json).toEqual([membership]);
	});
});

describe('Group Membership → Get Contacts in Group', () => {
	const member = (contactId: string, name: string) => ({
		ContactId: contactId,
		GroupId: VIP,
		ContactMetaData: { Name: name, AssignedTo: '1001' },
	});

	it('sends GetContactsInGroup by GroupId and pages with Return All', async () => {
		const page1 = expectLacrmCall(
			'GetContactsInGroup',
			{ GroupId: VIP, MaxNumberOfResults: 10000, Page: 1 },
			{ HasMoreResults: true, Results: [member(JANE, 'Jane Doe')] },
		);
		const page2 = expectLacrmCall(
			'GetContactsInGroup',
			{ GroupId: VIP, MaxNumberOfResults: 10000, Page: 2 },
			{ HasMoreResults: false, Results: [member(BOB, 'Bob Roe')] },
		);
		const { json, error } = await runNode({
			resource: 'groupMembership',
			operation: 'getContactsInGroup',
			parameters: { groupBy: 'id', groupId: byId(VIP), returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(page1.isDone() && page2.isDone()).toBe(true);
		expect(json).toEqual([
			{ ContactId: JANE, GroupId: VIP, ContactName: 'Jane Doe', AssignedTo: '1001' },
			{ ContactId: BOB, GroupId: VIP, ContactName: 'Bob Roe', AssignedTo: '1001' },
		]);
	});

	it('sends GetContactsInGroup by GroupName and stops at the limit', async () => {
		const { json } = await runExpectingCall(
			[
				'GetContactsInGroup',
				{ GroupName: 'VIP Clients', MaxNumberOfResults: 1, Page: 1 },
				{ HasMoreResults: true, Results: [member(JANE, 'Jane Doe')] },
			],
			{
				resource: 'groupMembership',
				operation: 'getContactsInGroup',
				parameters: { groupBy: 'name', groupName: 'VIP Clients', limit: 1, simplify: false },
			},
		);
		expect(json).toEqual([member(JANE, 'Jane Doe')]);
	});
});
