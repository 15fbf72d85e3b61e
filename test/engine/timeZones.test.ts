/**
 * Date-times end to end: a workflow with a time zone in its settings runs the node through
 * n8n-core's engine against the sandbox, and what LACRM stored is read back. The sandbox keeps an
 * event's offset as its time zone (as LACRM does) and reads a value without an offset in the
 * account's zone (America/Chicago), so a wall-clock value sent without the workflow's offset would
 * come back an hour (or 11½ hours) off. jest.config.js pins the process to Pacific/Auckland.
 */
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL } from '../harness/version';
import { byId, lacrm, runLacrm } from './helpers/sandboxNode';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ quiet: true });
});

afterAll(async () => {
	await sandbox.stop();
});

async function createEvent(timezone: string, start: string, end: string) {
	const { json, error } = await runLacrm(sandbox, {
		resource: 'event',
		operation: 'create',
		timezone,
		parameters: { name: `Demo call ${timezone}`, startDate: start, endDate: end },
	});
	expect(error).toBeUndefined();
	return await lacrm(sandbox, 'GetEvent', { EventId: json[0].EventId });
}

describe(`Events keep the workflow's time zone (${ENGINE_LABEL})`, () => {
	it('the process runs in Pacific/Auckland', () => {
		expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-13 * 60);
	});

	it.each([
		['America/New_York', '2026-01-15', '-05:00'],
		['America/New_York', '2026-07-15', '-04:00'],
		['Asia/Kolkata', '2026-01-15', '+05:30'],
	])(
		'an event at 14:00 from a workflow in %s on %s is stored at 14:00%s',
		async (timezone, day, offset) => {
			const event = await createEvent(timezone, `${day}T14:00:00`, `${day}T15:00:00`);
			expect(event.StartDate).toBe(`${day}T14:00:00${offset}`);
			expect(event.EndDate).toBe(`${day}T15:00:00${offset}`);
		},
	);

	it('an event given in UTC (Z) stays at that instant, in UTC', async () => {
		const event = await createEvent(
			'America/New_York',
			'2026-01-15T14:00:00Z',
			'2026-01-15T15:00:00Z',
		);
		expect(event.StartDate).toBe('2026-01-15T14:00:00+00:00');
		expect(event.EndDate).toBe('2026-01-15T15:00:00+00:00');
	});

	it('moving an event with Update keeps the new offset', async () => {
		const event = await createEvent(
			'America/New_York',
			'2026-01-15T14:00:00',
			'2026-01-15T15:00:00',
		);
		const { error } = await runLacrm(sandbox, {
			resource: 'event',
			operation: 'update',
			timezone: 'Asia/Kolkata',
			parameters: {
				eventId: event.EventId as string,
				updateFields: { startDate: '2026-02-01T10:00:00', endDate: '2026-02-01T11:00:00' },
			},
		});
		expect(error).toBeUndefined();
		const moved = await lacrm(sandbox, 'GetEvent', { EventId: event.EventId });
		expect(moved.StartDate).toBe('2026-02-01T10:00:00+05:30');
		expect(moved.EndDate).toBe('2026-02-01T11:00:00+05:30');
	});

	it("a note's history date is the workflow's wall-clock time (LACRM answers in the account's zone)", async () => {
		const { ContactId } = await lacrm(sandbox, 'CreateContact', {
			IsCompany: false,
			AssignedTo: '100001',
			Name: 'Time Zone Tester',
		});
		const { json, error } = await runLacrm(sandbox, {
			resource: 'note',
			operation: 'create',
			timezone: 'Asia/Kolkata',
			parameters: {
				contactId: byId(ContactId as string),
				note: 'Met at the fair',
				additionalFields: { dateDisplayedInHistory: '2026-01-15T09:00:00' },
			},
		});
		expect(error).toBeUndefined();
		const note = await lacrm(sandbox, 'GetNote', { NoteId: json[0].NoteId });
		// 09:00 in Kolkata is 03:30 UTC, 21:30 the day before in Chicago.
		expect(note.DateDisplayedInHistory).toBe('2026-01-14T21:30:00-06:00');
	});
});
