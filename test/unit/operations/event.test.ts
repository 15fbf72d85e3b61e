/**
 * Event resource: the exact request LACRM receives for each of its six functions, the items n8n
 * outputs, the default date window of Get Many (relative to today in the workflow's time zone),
 * and input that is refused before any request.
 */
import { getGlobalState } from 'n8n-workflow';

import { CALENDAR, CONTACT, EVENT, rawEvent } from '../helpers/records';
import { byId, runExpectingCall, runExpectingRefusal, uid } from '../helpers/runNode';

/** Today (yyyy-mm-dd) in the workflow's time zone, shifted by whole days — computed independently of the node. */
function dayFromToday(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', {
		timeZone: getGlobalState().defaultTimezone,
	}).format(new Date());
	const shifted = new Date(`${today}T12:00:00Z`);
	shifted.setUTCDate(shifted.getUTCDate() + days);
	return shifted.toISOString().slice(0, 10);
}

/** Midnight of that day in the workflow's time zone, with its offset as Intl spells it. */
function midnightOf(date: string): string {
	const offset = new Intl.DateTimeFormat('en-US', {
		timeZone: getGlobalState().defaultTimezone,
		timeZoneName: 'longOffset',
	})
		.formatToParts(new Date(`${date}T12:00:00Z`))
		.find((part) => part.type === 'timeZoneName')?.value;
	return `${date}T00:00:00${offset === 'GMT' ? '+00:00' : offset?.replace('GMT', '')}`;
}

describe('Event → Update (EditEvent)', () => {
	it('sends only the fields set, attendees as a whole new list, and outputs updated: true', async () => {
		const { json } = await runExpectingCall(
			[
				'EditEvent',
				{
					EventId: EVENT,
					Name: 'Demo call (moved)',
					StartDate: '2025-01-16T14:00:00-05:00',
					EndDate: '2025-01-16T15:00:00-05:00',
					Attendees: [{ IsUser: false, AttendeeId: CONTACT, AttendanceStatus: 'NotAttending' }],
				},
				{},
			],
			{
				resource: 'event',
				operation: 'update',
				parameters: {
					eventId: EVENT,
					updateFields: {
						name: 'Demo call (moved)',
						startDate: '2025-01-16T14:00:00-05:00',
						endDate: '2025-01-16T15:00:00-05:00',
						attendees: { entries: [{ kind: 'contact', id: CONTACT, status: 'NotAttending' }] },
					},
				},
			},
		);
		expect(json).toEqual([{ EventId: EVENT, updated: true }]);
	});

	it('clears the location by sending null', async () => {
		const { json } = await runExpectingCall(
			['EditEvent', { EventId: EVENT, IsAllDay: true, Location: null }, {}],
			{
				resource: 'event',
				operation: 'update',
				parameters: {
					eventId: EVENT,
					updateFields: { isAllDay: true },
					fieldsToClear: ['location'],
				},
			},
		);
		expect(json).toEqual([{ EventId: EVENT, updated: true }]);
	});
});

describe('Event → Get (GetEvent)', () => {
	it('outputs the event with contact, user and calendar names (simplified)', async () => {
		const { json } = await runExpectingCall(
			['GetEvent', { EventId: EVENT }, rawEvent(EVENT, 'Demo call')],
			{ resource: 'event', operation: 'get', parameters: { eventId: EVENT } },
		);
		const {
			ContactMetaData: _c,
			UserMetaData: _u,
			CalendarMetaData: _cal,
			...plain
		} = rawEvent(EVENT, 'Demo call');
		expect(json).toEqual([
			{ ...plain, ContactNames: ['John Doe'], UserNames: ['Jane Owner'], CalendarName: 'Work' },
		]);
	});
});

describe('Event → Get Many (GetEvents)', () => {
	it('without dates, asks for events from 30 days ago to 365 days from today', async () => {
		const { json, items } = await runExpectingCall(
			[
				'GetEvents',
				{
					StartDate: midnightOf(dayFromToday(-30)),
					EndDate: midnightOf(dayFromToday(365)),
					MaxNumberOfResults: 50,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [rawEvent(uid(601), 'One'), rawEvent(uid(602), 'Two')] },
			],
			{ resource: 'event', operation: 'getAll', parameters: { simplify: false } },
		);
		expect(json).toEqual([rawEvent(uid(601), 'One'), rawEvent(uid(602), 'Two')]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('sends every filter set; dates given replace the defaults', async () => {
		const { json } = await runExpectingCall(
			[
				'GetEvents',
				{
					StartDate: '2025-01-01T00:00:00-05:00',
					EndDate: '2025-01-31T23:59:59-05:00',
					UserFilter: ['1001', '1002'],
					CalendarFilter: [CALENDAR],
					SortDirection: 'Descending',
					MaxNumberOfResults: 10000,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [rawEvent(uid(601), 'One')] },
			],
			{
				resource: 'event',
				operation: 'getAll',
				parameters: {
					returnAll: true,
					filters: {
						startDate: '2025-01-01T00:00:00-05:00',
						endDate: '2025-01-31T23:59:59-05:00',
						userFilter: ['1001', '1002'],
						calendarFilter: [CALENDAR],
						sortDirection: 'Descending',
					},
				},
			},
		);
		expect(json).toEqual([
			expect.objectContaining({
				EventId: uid(601),
				CalendarName: 'Work',
				ContactNames: ['John Doe'],
			}),
		]);
	});

	it('with a contact filter sends the ContactId with the default window', async () => {
		const { json } = await runExpectingCall(
			[
				'GetEvents',
				{
					StartDate: midnightOf(dayFromToday(-30)),
					EndDate: midnightOf(dayFromToday(365)),
					ContactId: CONTACT,
					MaxNumberOfResults: 50,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [] },
			],
			{
				resource: 'event',
				operation: 'getAll',
				parameters: { filters: { contactId: byId(CONTACT) } },
			},
		);
		expect(json).toEqual([]);
	});

	it('refuses a range that ends before it starts, before any request', async () => {
		const error = await runExpectingRefusal({
			resource: 'event',
			operation: 'getAll',
			parameters: { filters: { startDate: dayFromToday(400) } },
		});
		expect(error?.message).toMatch(/^Invalid "Filters → To"/);
	});
});
