import { runExpectingCall, uid } from '../helpers/runNode';

const calendars = [
	{
		CalendarId: uid(901),
		Name: 'Jane Owner',
		UserId: '1001',
		IsPrimary: true,
		Visibility: 'Public',
	},
	{
		CalendarId: uid(902),
		Name: 'Team Events',
		UserId: '1001',
		IsPrimary: false,
		Visibility: 'Private',
	},
];

describe('Calendar → Get Many', () => {
	it('sends GetCalendars without parameters and outputs one item per calendar', async () => {
		const { json, items } = await runExpectingCall(['GetCalendars', {}, calendars], {
			resource: 'calendar',
			operation: 'getAll',
			parameters: { returnAll: true },
		});
		expect(json).toEqual(calendars);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('returns the first calendars up to the limit (default 50)', async () => {
		const { json } = await runExpectingCall(['GetCalendars', {}, calendars], {
			resource: 'calendar',
			operation: 'getAll',
			parameters: { limit: 1 },
		});
		expect(json).toEqual([calendars[0]]);
	});

	it('runs once per input item, each output paired with its item', async () => {
		const { json, items } = await runExpectingCall(
			['GetCalendars', {}, [calendars[0]], { times: 2 }],
			{
				resource: 'calendar',
				operation: 'getAll',
				parameters: { returnAll: true },
				input: [{ a: 1 }, { a: 2 }],
			},
		);
		expect(json).toEqual([calendars[0], calendars[0]]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
