/**
 * LACRM reads the offset of every DateTime (an event's offset becomes its time zone). The node
 * sends each DateTime with an explicit offset: one given (or `Z`) is kept; a wall-clock value, as
 * n8n's date picker gives, is read in the WORKFLOW's time zone (Workflow Settings → Timezone).
 *
 * jest.config.js pins the process to Pacific/Auckland, a zone no workflow here uses, so a value
 * read in the process's zone (or sent without an offset) fails with a wrong offset. Requests run
 * through n8n-core's engine; nock asserts the exact bodies LACRM receives.
 */

import { CONTACT, EMAIL, EVENT, NOTE } from './helpers/records';
import { byId, runExpectingCall, runExpectingRefusal, uid } from './helpers/runNode';

/** The offset of `timeZone` on `date` as Intl spells it (`-05:00`), independently of the node. */
function offsetOn(date: string, timeZone: string): string {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
		.formatToParts(new Date(`${date}T12:00:00Z`))
		.find((part) => part.type === 'timeZoneName')?.value;
	return name === 'GMT' ? '+00:00' : (name ?? '').replace('GMT', '');
}

/** Today (yyyy-mm-dd) in `timeZone`, shifted by whole days. */
function dayFromToday(days: number, timeZone: string): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
	const shifted = new Date(`${today}T12:00:00Z`);
	shifted.setUTCDate(shifted.getUTCDate() + days);
	return shifted.toISOString().slice(0, 10);
}

it('runs with the process in Pacific/Auckland, a zone no workflow here uses', () => {
	expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-13 * 60);
	expect(new Date('2026-07-15T12:00:00Z').getTimezoneOffset()).toBe(-12 * 60);
});

describe('Event → Create: a wall-clock start and end are read in the workflow time zone', () => {
	it.each([
		['America/New_York', 'a winter date', '2026-01-15', '-05:00'],
		['America/New_York', 'a summer date', '2026-07-15', '-04:00'],
		['Asia/Kolkata', 'a winter date', '2026-01-15', '+05:30'],
	])('%s, %s (%s): 14:00 arrives as 14:00%s', async (timezone, _when, day, offset) => {
		const sent = {
			Name: 'Demo call',
			StartDate: `${day}T14:00:00${offset}`,
			EndDate: `${day}T15:00:00${offset}`,
		};
		const { json } = await runExpectingCall(['CreateEvent', sent, { EventId: EVENT }], {
			resource: 'event',
			operation: 'create',
			timezone,
			parameters: { name: 'Demo call', startDate: `${day}T14:00:00`, endDate: `${day}T15:00:00` },
		});
		// The output is the new id plus the fields as sent, offsets included.
		expect(json).toEqual([{ EventId: EVENT, ...sent }]);
	});

	it('keeps values given with Z or an offset exactly as given', async () => {
		await runExpectingCall(
			[
				'CreateEvent',
				{
					Name: 'Demo call',
					StartDate: '2026-01-15T14:00:00Z',
					EndDate: '2026-01-15T15:30:00-08:00',
				},
				{ EventId: EVENT },
			],
			{
				resource: 'event',
				operation: 'create',
				timezone: 'Asia/Kolkata',
				parameters: {
					name: 'Demo call',
					startDate: '2026-01-15T14:00:00Z',
					endDate: '2026-01-15T15:30:00-08:00',
				},
			},
		);
	});

	it('sends the recurrence end with the offset of that day', async () => {
		await runExpectingCall(
			[
				'CreateEvent',
				{
					Name: 'Stand-up',
					StartDate: '2026-01-05T09:00:00-05:00',
					EndDate: '2026-01-05T09:15:00-05:00',
					RecurrenceRule: 'FREQ=WEEKLY;BYDAY=MO',
					IsRecurring: true,
					EndRecurrenceRule: '2026-06-29T09:00:00-04:00',
				},
				{ EventId: EVENT },
			],
			{
				resource: 'event',
				operation: 'create',
				timezone: 'America/New_York',
				parameters: {
					name: 'Stand-up',
					startDate: '2026-01-05T09:00:00',
					endDate: '2026-01-05T09:15:00',
					additionalFields: {
						recurrenceRule: 'FREQ=WEEKLY;BYDAY=MO',
						endRecurrenceRule: '2026-06-29T09:00:00',
					},
				},
			},
		);
	});

	it('refuses an end before the start by the instants, not the wall clocks', async () => {
		// 10:00 in New York (15:00 UTC) is after 20:00 in Kolkata (14:30 UTC)…
		await runExpectingCall(
			[
				'CreateEvent',
				{
					Name: 'Call',
					StartDate: '2026-01-15T20:00:00+05:30',
					EndDate: '2026-01-15T10:00:00-05:00',
				},
				{ EventId: EVENT },
			],
			{
				resource: 'event',
				operation: 'create',
				timezone: 'America/New_York',
				parameters: {
					name: 'Call',
					startDate: '2026-01-15T20:00:00+05:30',
					endDate: '2026-01-15T10:00:00',
				},
			},
		);
		// …and 09:00 in New York (14:00 UTC) is before 20:00 in Kolkata (14:30 UTC).
		const refused = await runExpectingRefusal({
			resource: 'event',
			operation: 'create',
			timezone: 'America/New_York',
			parameters: {
				name: 'Call',
				startDate: '2026-01-15T20:00:00+05:30',
				endDate: '2026-01-15T09:00:00',
			},
		});
		expect(refused.message).toBe(
			'Invalid "End": 2026-01-15T09:00:00-05:00 is before the start, 2026-01-15T20:00:00+05:30',
		);
	});

	it('refuses a workflow time zone it does not know, naming the field, before any request', async () => {
		const error = await runExpectingRefusal({
			resource: 'event',
			operation: 'create',
			timezone: 'Mars/Olympus_Mons',
			parameters: {
				name: 'Demo call',
				startDate: '2026-01-15T14:00:00',
				endDate: '2026-01-15T15:00:00',
			},
		});
		expect(error?.message).toBe(
			'Invalid "Start": the workflow\'s time zone "Mars/Olympus_Mons" is not a known time zone',
		);
	});
});

describe('Event → Get Many: the default range', () => {
	it('the default window runs from midnight in the workflow time zone', async () => {
		const zone = 'Asia/Kolkata';
		const start = dayFromToday(-30, zone);
		const end = dayFromToday(365, zone);
		await runExpectingCall(
			[
				'GetEvents',
				{
					StartDate: `${start}T00:00:00${offsetOn(start, zone)}`,
					EndDate: `${end}T00:00:00${offsetOn(end, zone)}`,
					MaxNumberOfResults: 50,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [] },
			],
			{ resource: 'event', operation: 'getAll', timezone: zone },
		);
	});
});

/** What Get Many sends besides its filters, and LACRM's answer to it. */
const FIRST_PAGE = { MaxNumberOfResults: 50, Page: 1 };
const NO_RESULTS = { HasMoreResults: false, Results: [] };

const emailLogParameters = {
	contactIds: CONTACT,
	from: { entries: { address: 'jane@example.com' } },
	to: { entries: [{ address: 'john@example.com' }] },
	body: 'Thanks',
};

describe('Every other DateTime parameter: a value picked without an offset gets the workflow offset', () => {
	it.each([
		{
			name: 'Event → Update moves a time skipped by the spring-forward change to the hour after, with the summer offset',
			resource: 'event',
			operation: 'update',
			timezone: 'America/New_York',
			parameters: {
				eventId: EVENT,
				updateFields: { startDate: '2026-03-08T02:30:00', endDate: '2026-03-08T04:00:00' },
			},
			fn: 'EditEvent',
			body: {
				EventId: EVENT,
				StartDate: '2026-03-08T03:30:00-04:00',
				EndDate: '2026-03-08T04:00:00-04:00',
			},
			answer: '',
		},
		{
			name: 'Event → Get Many: From and To picked without an offset are in the workflow time zone',
			resource: 'event',
			operation: 'getAll',
			timezone: 'America/New_York',
			parameters: {
				filters: { startDate: '2026-01-01T00:00:00', endDate: '2026-07-31T23:59:59' },
			},
			fn: 'GetEvents',
			body: {
				StartDate: '2026-01-01T00:00:00-05:00',
				EndDate: '2026-07-31T23:59:59-04:00',
				...FIRST_PAGE,
			},
			answer: NO_RESULTS,
		},
		{
			name: 'Note → Create sends Date Shown in History with the workflow offset',
			resource: 'note',
			operation: 'create',
			timezone: 'Asia/Kolkata',
			parameters: {
				contactId: byId(CONTACT),
				note: 'Met at the fair',
				additionalFields: { dateDisplayedInHistory: '2026-01-15T09:00:00' },
			},
			fn: 'CreateNote',
			body: {
				ContactId: CONTACT,
				Note: 'Met at the fair',
				DateDisplayedInHistory: '2026-01-15T09:00:00+05:30',
			},
			answer: { NoteId: NOTE },
		},
		{
			name: 'Note → Update sends the new history date with the workflow offset',
			resource: 'note',
			operation: 'update',
			timezone: 'America/New_York',
			parameters: { noteId: NOTE, updateFields: { dateDisplayedInHistory: '2026-07-01T08:15:00' } },
			fn: 'EditNote',
			body: { NoteId: NOTE, DateDisplayedInHistory: '2026-07-01T08:15:00-04:00' },
			answer: '',
		},
		{
			name: 'Note → Get Many sends From/To Date with offsets; a bare date is its midnight',
			resource: 'note',
			operation: 'getAll',
			timezone: 'America/New_York',
			parameters: {
				filters: { dateFilterStart: '2026-01-01', dateFilterEnd: '2026-07-01T18:00:00' },
			},
			fn: 'GetNotes',
			body: {
				DateFilterStart: '2026-01-01T00:00:00-05:00',
				DateFilterEnd: '2026-07-01T18:00:00-04:00',
				...FIRST_PAGE,
			},
			answer: NO_RESULTS,
		},
		{
			name: 'Email → Log sends Date Sent with the workflow offset',
			resource: 'email',
			operation: 'create',
			timezone: 'America/New_York',
			parameters: { ...emailLogParameters, additionalFields: { date: '2026-07-15T10:30:00' } },
			fn: 'CreateEmail',
			body: {
				ContactIds: [CONTACT],
				From: { Address: 'jane@example.com' },
				To: [{ Address: 'john@example.com' }],
				Body: 'Thanks',
				Date: '2026-07-15T10:30:00-04:00',
			},
			answer: { EmailId: EMAIL },
		},
		{
			name: 'Email → Get Many sends From/To Date with offsets',
			resource: 'email',
			operation: 'getAll',
			timezone: 'Asia/Kolkata',
			parameters: {
				filters: { dateFilterStart: '2026-01-01T00:00:00', dateFilterEnd: '2026-01-31T23:59:59' },
			},
			fn: 'GetEmails',
			body: {
				DateFilterStart: '2026-01-01T00:00:00+05:30',
				DateFilterEnd: '2026-01-31T23:59:59+05:30',
				...FIRST_PAGE,
			},
			answer: NO_RESULTS,
		},
	])('$name', async ({ resource, operation, timezone, parameters, fn, body, answer }) => {
		await runExpectingCall([fn, body, answer], { resource, operation, timezone, parameters });
	});
});

describe('Plain dates stay plain dates', () => {
	it('Task → Create sends the due date as yyyy-mm-dd, with no time or offset', async () => {
		await runExpectingCall(
			['CreateTask', { Name: 'Call back', DueDate: '2026-01-15' }, { TaskId: uid(300) }],
			{
				resource: 'task',
				operation: 'create',
				timezone: 'Asia/Kolkata',
				parameters: { name: 'Call back', additionalFields: { dueDate: '2026-01-15T14:00:00' } },
			},
		);
	});
});
