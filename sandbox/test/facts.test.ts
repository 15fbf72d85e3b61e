import { startSandbox, type Sandbox } from '../index';
import { expectLacrmError, type Body, callOk, person, eventParams } from './helpers';

/**
 * Facts about the real LACRM found after the sandbox was first written (issue 9, REFERENCE.md's
 * Corrections table): hex status colours, no company birthday, yearless birthdays, custom-field
 * options in both shapes seen in the wild, the HasAttachedItem filters, event offsets.
 */

let sandbox: Sandbox;
const ADMIN = '100001';

const ok = (fn: string, params: object = {}) => callOk(sandbox, fn, params);

async function pipelineNamed(name: string): Promise<Body> {
	const pipelines: Body[] = await ok('GetPipelines');
	return pipelines.find((pipeline) => pipeline.Name === name);
}

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(() => sandbox.stop());

describe('pipeline status colours are hex codes', () => {
	it('seeded statuses have hex colours', async () => {
		const statuses: Body[] = await ok('GetPipelineStatuses');
		expect(statuses.length).toBeGreaterThan(0);
		for (const status of statuses) expect(status.Color).toMatch(/^#[0-9a-f]{6}$/i);
	});

	it('takes a hex colour on create and edit and returns it', async () => {
		const { PipelineId } = await pipelineNamed('Sales Leads');
		const { StatusId } = await ok('CreatePipelineStatus', {
			PipelineId,
			Name: 'Hex Colour',
			Color: '#486581',
		});
		await ok('EditPipelineStatus', { StatusId, Name: 'Hex Colour', Color: '#3EBD93' });
		const statuses: Body[] = await ok('GetPipelineStatuses', { PipelineId });
		expect(statuses.find((status) => status.StatusId === StatusId)?.Color).toBe('#3EBD93');
	});

	it('refuses a named colour', async () => {
		const { PipelineId } = await pipelineNamed('Sales Leads');
		expectLacrmError(
			await sandbox.call('CreatePipelineStatus', {
				PipelineId,
				Name: 'Named Colour',
				Color: 'Blue',
			}),
			400,
			/'Color' must be a hex color code like #486581, got 'Blue'/,
		);
		const statuses: Body[] = await ok('GetPipelineStatuses', { PipelineId });
		expect(statuses.map((status) => status.Name)).not.toContain('Named Colour');
	});
});

describe('birthdays: people only, with or without a year', () => {
	it.each([
		['1990-07-25', '1990-07-25'],
		['0000-07-25', '0000-07-25'],
		['0000-7-5', '0000-07-05'],
		['7-25', '0000-07-25'],
		['2-29', '0000-02-29'],
	])('a contact created with Birthday %s has %s', async (given, stored) => {
		const { ContactId } = await ok(
			'CreateContact',
			person(`Birthday ${given}`, { Birthday: given }),
		);
		expect((await ok('GetContact', { ContactId })).Birthday).toBe(stored);
	});

	it('EditContact takes the yearless forms too', async () => {
		const { ContactId } = await ok('CreateContact', person('Edited Birthday'));
		await ok('EditContact', { ContactId, Birthday: '12-3' });
		expect((await ok('GetContact', { ContactId })).Birthday).toBe('0000-12-03');
	});

	it.each(['2-30', '13-1', '0000-00-10', '07/25'])('refuses %s', async (given) => {
		expectLacrmError(
			await sandbox.call('CreateContact', person('Bad Birthday', { Birthday: given })),
			400,
			/'Birthday' must be a date formatted yyyy-mm-dd \(without a year: 0000-mm-dd or m-d\)/,
		);
	});

	it('a task due date is still yyyy-mm-dd only', async () => {
		expectLacrmError(
			await sandbox.call('CreateTask', { Name: 'Yearless', DueDate: '7-25' }),
			400,
			/'DueDate' must be a date formatted yyyy-mm-dd/,
		);
	});

	it('refuses a birthday for a company, on create and on edit', async () => {
		expectLacrmError(
			await sandbox.call('CreateContact', {
				IsCompany: true,
				AssignedTo: ADMIN,
				Name: 'Birthday Corp',
				Birthday: '1999-04-01',
			}),
			400,
			/Companies have no 'Birthday'/,
		);
		const { ContactId } = await ok('CreateContact', {
			IsCompany: true,
			AssignedTo: ADMIN,
			Name: 'Birthday Corp',
		});
		expectLacrmError(
			await sandbox.call('EditContact', { ContactId, Birthday: '2000-01-01' }),
			400,
			/Companies have no 'Birthday'/,
		);
		await ok('EditContact', { ContactId, Birthday: null });
		expect((await ok('GetContact', { ContactId })).Birthday).toBeNull();
	});

	it('a person who becomes a company loses the birthday', async () => {
		const { ContactId } = await ok(
			'CreateContact',
			person('Soon A Company', { Birthday: '1980-05-05' }),
		);
		await ok('EditContact', { ContactId, IsCompany: true, Name: 'Soon A Company Ltd' });
		expect((await ok('GetContact', { ContactId })).Birthday).toBeNull();
	});
});

describe('HasAttachedItem / HasNoAttachedItem filters on contacts', () => {
	async function contactNamed(name: string): Promise<string> {
		const { ContactId } = await ok('CreateContact', person(name));
		return ContactId;
	}

	async function matching(filters: object[]): Promise<string[]> {
		const { Results } = await ok('GetContacts', {
			SearchTerms: 'Attachtest',
			AdvancedFilters: filters,
		});
		return Results.map((contact: Body) => contact.ContactId).sort();
	}

	it('Cal and Pipeline find contacts with (or without) tasks, events and pipeline items', async () => {
		const withTask = await contactNamed('Tasky Attachtest');
		const withItem = await contactNamed('Piper Attachtest');
		const bare = await contactNamed('Bare Attachtest');
		await ok('CreateTask', { Name: 'Call back', DueDate: '2026-01-15', ContactId: withTask });
		const support = await pipelineNamed('Support Tickets');
		const statuses: Body[] = await ok('GetPipelineStatuses', { PipelineId: support.PipelineId });
		await ok('CreatePipelineItem', {
			ContactId: withItem,
			PipelineId: support.PipelineId,
			StatusId: statuses.find((status) => status.IsActive).StatusId,
		});

		expect(
			await matching([
				{ Name: 'Cal', Operation: 'HasAttachedItem', Value: { Type: 'Task', Status: 'Pending' } },
			]),
		).toEqual([withTask]);
		expect(
			await matching([{ Name: 'Pipeline', Operation: 'HasAttachedItem', Value: null }]),
		).toEqual([withItem]);
		expect(
			await matching([
				{ Name: 'Pipeline', Operation: 'HasNoAttachedItem', Value: { Status: 'Active' } },
				{ Name: 'Cal', Operation: 'HasNoAttachedItem', Value: null },
			]),
		).toEqual([bare]);
	});
});

describe('custom-field Options come in both shapes seen in the wild', () => {
	it('some fields list plain names, others {OptionId, Name}; values are written by name either way', async () => {
		const { Results: companyFields } = await ok('GetCustomFields', { RecordType: 'Company' });
		const size = companyFields.find((field: Body) => field.Name === 'Company Size');
		const tier = companyFields.find((field: Body) => field.Name === 'Account Tier');
		expect(size.Options).toEqual(['1-10', '11-50', '51-200', '201+']);
		expect(tier.Options).toEqual([
			{ OptionId: expect.stringMatching(/^\d{31}$/), Name: 'Bronze' },
			{ OptionId: expect.stringMatching(/^\d{31}$/), Name: 'Silver' },
			{ OptionId: expect.stringMatching(/^\d{31}$/), Name: 'Gold' },
		]);
		expect((await ok('GetCustomField', { CustomFieldId: size.CustomFieldId })).Options).toEqual(
			size.Options,
		);
		const { ContactId } = await ok('CreateContact', {
			IsCompany: true,
			AssignedTo: ADMIN,
			Name: 'Both Shapes Inc',
			'Company Size': '51-200',
			'Account Tier': 'Gold',
		});
		expect(await ok('GetContact', { ContactId })).toMatchObject({
			'Company Size': '51-200',
			'Account Tier': 'Gold',
		});
	});
});

describe("an event keeps the offset it is given as its time zone (LACRM's Events page)", () => {
	it('the StartDate offset is kept on create and on edit; other times are shown in it', async () => {
		const { EventId } = await ok(
			'CreateEvent',
			eventParams('Kolkata call', '2026-01-15T14:00:00+05:30', '2026-01-15T04:30:00-05:00', {
				EndRecurrenceRule: '2026-06-30T14:00:00Z',
			}),
		);
		expect(await ok('GetEvent', { EventId })).toMatchObject({
			StartDate: '2026-01-15T14:00:00+05:30',
			EndDate: '2026-01-15T15:00:00+05:30',
			EndRecurrenceDate: '2026-06-30T19:30:00+05:30',
		});
		await ok('EditEvent', {
			EventId,
			StartDate: '2026-07-15T14:00:00-04:00',
			EndDate: '2026-07-15T15:00:00-04:00',
		});
		expect(await ok('GetEvent', { EventId })).toMatchObject({
			StartDate: '2026-07-15T14:00:00-04:00',
			EndDate: '2026-07-15T15:00:00-04:00',
		});
	});

	it("a time without an offset is read in the account's zone (America/Chicago)", async () => {
		const { EventId } = await ok(
			'CreateEvent',
			eventParams('Wall clock', '2026-01-15T14:00:00', '2026-07-15T14:00:00'),
		);
		expect(await ok('GetEvent', { EventId })).toMatchObject({
			StartDate: '2026-01-15T14:00:00-06:00',
			EndDate: '2026-07-15T13:00:00-06:00',
		});
	});
});
