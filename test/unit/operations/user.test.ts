import { userResource } from '../../../nodes/Lacrm/actions/user';
import { expectLacrmCall, runNode } from '../helpers/runNode';

const resources = [userResource];

const jane = {
	UserId: '1001',
	FirstName: 'Jane',
	LastName: 'Owner',
	Timezone: 'America/Chicago',
	Email: 'jane@example.com',
};
const bob = { UserId: '1002', FirstName: 'Bob', LastName: 'Seller', Timezone: 'America/New_York' };

describe('User → Get Current', () => {
	it('sends GetUser without parameters and outputs the user of the credential', async () => {
		const scope = expectLacrmCall('GetUser', {}, jane);
		const { json, items, error } = await runNode({
			resource: 'user',
			operation: 'getCurrent',
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([jane]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('User → Get Many', () => {
	it("sends GetUsers and outputs one item per user from LACRM's bare array", async () => {
		const scope = expectLacrmCall('GetUsers', {}, [jane, bob]);
		const { json, items, error } = await runNode({
			resource: 'user',
			operation: 'getAll',
			parameters: { returnAll: true },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([jane, bob]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('stops at the limit', async () => {
		const scope = expectLacrmCall('GetUsers', {}, [jane, bob]);
		const { json, error } = await runNode({
			resource: 'user',
			operation: 'getAll',
			parameters: { returnAll: false, limit: 1 },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([jane]);
	});
});
