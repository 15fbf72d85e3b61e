import { runExpectingCall } from '../helpers/runNode';

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
		const { json, items } = await runExpectingCall(['GetUser', {}, jane], {
			resource: 'user',
			operation: 'getCurrent',
		});
		expect(json).toEqual([jane]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('User → Get Many', () => {
	it("sends GetUsers and outputs one item per user from LACRM's bare array", async () => {
		const { json, items } = await runExpectingCall(['GetUsers', {}, [jane, bob]], {
			resource: 'user',
			operation: 'getAll',
			parameters: { returnAll: true },
		});
		expect(json).toEqual([jane, bob]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('stops at the limit', async () => {
		const { json } = await runExpectingCall(['GetUsers', {}, [jane, bob]], {
			resource: 'user',
			operation: 'getAll',
			parameters: { returnAll: false, limit: 1 },
		});
		expect(json).toEqual([jane]);
	});
});
