import { startSandbox, type Sandbox } from '../index';
import { expectLacrmError, type Body, callOk, eventParams } from './helpers';

/** Pipelines and their items, tasks, events, groups, emails and notes: the documented behaviours. */

let sandbox: Sandbox;
const ADMIN = '100001';
const SAM = '100002';

const ok = (fn: string, params: object = {}) => callOk(sandbox, fn, params);

let sales: Body;
let support: Body;
let contactId: string;
const status = (pipeline: Body, name: string): string =>
	pipeline.Statuses.find((s: Body) => s.Name === name).StatusId;
/** A Sales Leads item of the test contact in the status named. */
const salesItem = async (statusName: string, more: object = {}) =>
	await ok('CreatePipelineItem', {
		ContactId: contactId,
		PipelineId: sales.PipelineId,
		StatusId: status(sales, statusName),
		...more,
	});

beforeAll(async () => {
	sandbox = await startSandbox();
	const pipelines = await ok('GetPipelines');
	sales = pipelines.find((p: Body) => p.Name === 'Sales Leads');
	support = pipelines.find((p: Body) => p.Name === 'Support Tickets');
	contactId = (
		await ok('CreateContact', { IsCompany: false, AssignedTo: SAM, Name: 'Pipeline Person' })
	).ContactId;
});

afterAll(() => sandbox.stop());

describe('pipeline items', () => {
	it("a missing required pipeline field fails with LACRM's text", async () => {
		const res = await sandbox.call('CreatePipelineItem', {
			ContactId: contactId,
			PipelineId: sales.PipelineId,
			StatusId: status(sales, 'New'),
		});
		expectLacrmError(res, 400);
		expect(res.body.ErrorDescription).toBe("'Hunter' field is required for CreatePipelineItem");
	});

	it('pipeline custom fields are validated by type and unknown keys are refused', async () => {
		const base = {
			ContactId: contactId,
			PipelineId: sales.PipelineId,
			StatusId: status(sales, 'New'),
			Hunter: 'Matt',
		};
		expectLacrmError(
			await sandbox.call('CreatePipelineItem', { ...base, Priority: 'Urgent' }),
			400,
			/not an option of 'Priority'/,
		);
		expectLacrmError(
			await sandbox.call('CreatePipelineItem', { ...base, Products: 'Product A' }),
			400,
			/Checkbox/,
		);
		expectLacrmError(
			await sandbox.call('CreatePipelineItem', { ...base, 'Deal Value': 'a lot' }),
			400,
			/number/,
		);
		expectLacrmError(
			await sandbox.call('CreatePipelineItem', { ...base, 'Expected Close': 'soon' }),
			400,
			/yyyy-mm-dd/,
		);
		expectLacrmError(
			await sandbox.call('CreatePipelineItem', { ...base, Severity: 'Low' }),
			400,
			/'Severity'/,
		); // a field of the other pipeline
		const item = await ok('CreatePipelineItem', {
			...base,
			Products: ['Product A', 'Support Plan'],
			'Deal Value': '2500.50',
			'Expected Close': '2030-06-30',
		});
		expect(await ok('GetPipelineItem', { PipelineItemId: item.PipelineItemId })).toMatchObject({
			Hunter: 'Matt',
			Products: ['Product A', 'Support Plan'],
			'Deal Value': 2500.5,
			'Expected Close': '2030-06-30',
			Priority: null,
		});
	});

	it('the status must belong to the pipeline', async () => {
		expectLacrmError(
			await sandbox.call('CreatePipelineItem', {
				ContactId: contactId,
				PipelineId: sales.PipelineId,
				StatusId: status(support, 'Open'),
				Hunter: 'M',
			}),
			400,
			/does not belong/,
		);
	});

	it('edits: omitted custom fields unchanged, null clears, a required field cannot be cleared', async () => {
		const { PipelineItemId } = await salesItem('New', {
			Hunter: 'Ann',
			Priority: 'Low',
			'Deal Value': 10,
		});
		await ok('EditPipelineItem', { PipelineItemId, Priority: null });
		expect(await ok('GetPipelineItem', { PipelineItemId })).toMatchObject({
			Hunter: 'Ann',
			Priority: null,
			'Deal Value': 10,
		});
		expectLacrmError(
			await sandbox.call('EditPipelineItem', { PipelineItemId, Hunter: null }),
			400,
			/'Hunter' field is required for EditPipelineItem/,
		);
		expectLacrmError(
			await sandbox.call('EditPipelineItem', { PipelineItemId, Nonsense: 1 }),
			400,
			/'Nonsense'/,
		);
	});

	it('a status update leaves a history note with PipelineInfo', async () => {
		const { PipelineItemId } = await salesItem('New', { Hunter: 'X' });
		await ok('EditPipelineItem', {
			PipelineItemId,
			StatusId: status(sales, 'Contacted'),
			Note: 'Phoned them',
		});
		const notes = await ok('GetNotesAttachedToContact', { ContactId: contactId });
		const note = notes.Results.find((n: Body) => n.Note === 'Phoned them');
		expect(note.PipelineInfo).toMatchObject({
			PipelineItemId,
			StatusId: status(sales, 'Contacted'),
			PreviousStatusId: status(sales, 'New'),
			StatusMetaData: { Name: 'Contacted' },
		});
	});

	it('GetPipelineItems: an empty StatusFilter means active statuses only; closed ones must be asked for', async () => {
		const won = await salesItem('Won', { Hunter: 'W' });
		const active = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			MaxNumberOfResults: 10000,
		});
		const activeIds = new Set(
			sales.Statuses.filter((s: Body) => s.IsActive).map((s: Body) => s.StatusId),
		);
		expect(active.Results.length).toBeGreaterThan(0);
		expect(active.Results.every((i: Body) => activeIds.has(i.StatusId))).toBe(true);
		expect(active.Results.map((i: Body) => i.PipelineItemId)).not.toContain(won.PipelineItemId);
		const closed = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			StatusFilter: [status(sales, 'Won')],
		});
		expect(closed.Results.map((i: Body) => i.PipelineItemId)).toContain(won.PipelineItemId);
	});

	it('GetPipelineItems SortBy Status follows the pipeline order; UserFilter is the contact owner', async () => {
		const all = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			StatusFilter: sales.Statuses.map((s: Body) => s.StatusId),
			MaxNumberOfResults: 10000,
		});
		const order = sales.Statuses.map((s: Body) => s.StatusId);
		const positions = all.Results.map((i: Body) => order.indexOf(i.StatusId));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		const desc = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			SortBy: 'DateCreated',
			SortDirection: 'Descending',
			MaxNumberOfResults: 10000,
		});
		const created = desc.Results.map((i: Body) => Date.parse(i.DateCreated));
		expect(created).toEqual([...created].sort((a, b) => b - a));
		const sams = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			UserFilter: [SAM],
			MaxNumberOfResults: 10000,
		});
		expect(sams.Results.every((i: Body) => i.ContactMetaData.AssignedTo === SAM)).toBe(true);
	});

	it('GetPipelineItems AdvancedFilters over custom fields; unknown names are a 400', async () => {
		const high = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			AdvancedFilters: [{ Name: 'Priority', Operation: 'IsExactly', Value: 'High' }],
		});
		expect(high.Results.length).toBeGreaterThan(0);
		expect(high.Results.every((i: Body) => i.Priority === 'High')).toBe(true);
		const big = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			AdvancedFilters: [{ Name: 'Deal Value', Operation: 'IsGreaterThan', Value: 10000 }],
		});
		expect(big.Results.every((i: Body) => i['Deal Value'] > 10000)).toBe(true);
		const anyOf = await ok('GetPipelineItems', {
			PipelineId: sales.PipelineId,
			AdvancedFilters: [{ Name: 'Priority', Operation: 'IsAnyOf', Value: ['Low', 'Medium'] }],
		});
		expect(anyOf.Results.every((i: Body) => ['Low', 'Medium'].includes(i.Priority))).toBe(true);
		expectLacrmError(
			await sandbox.call('GetPipelineItems', {
				PipelineId: sales.PipelineId,
				AdvancedFilters: [{ Name: 'Severity', Operation: 'IsExactly', Value: 'Low' }],
			}),
			400,
			/not a filter/,
		);
	});

	it('DeletePipelineItems: at most 5000 ids, all from the given pipeline', async () => {
		const tooMany = Array.from({ length: 5001 }, (_, i) => '9' + String(i + 1).padStart(30, '0'));
		expectLacrmError(
			await sandbox.call('DeletePipelineItems', {
				PipelineId: sales.PipelineId,
				PipelineItemIds: tooMany,
			}),
			400,
			/at most 5000/,
		);
		const mine = await salesItem('New', { Hunter: 'D' });
		const other = await ok('CreatePipelineItem', {
			ContactId: contactId,
			PipelineId: support.PipelineId,
			StatusId: status(support, 'Open'),
		});
		expectLacrmError(
			await sandbox.call('DeletePipelineItems', {
				PipelineId: sales.PipelineId,
				PipelineItemIds: [mine.PipelineItemId, other.PipelineItemId],
			}),
			400,
			/not in pipeline/,
		);
		// Nothing was deleted by the failed call.
		await ok('GetPipelineItem', { PipelineItemId: mine.PipelineItemId });
		expect(
			await ok('DeletePipelineItems', {
				PipelineId: sales.PipelineId,
				PipelineItemIds: [mine.PipelineItemId],
			}),
		).toEqual({ NumberProcessed: 1, NumberSkipped: 0 });
	});

	it('GetPipelineItemsAttachedToContact groups items by pipeline', async () => {
		const groups = await ok('GetPipelineItemsAttachedToContact', { ContactId: contactId });
		expect(groups.map((g: Body) => g.PipelineId).sort()).toEqual(
			[sales.PipelineId, support.PipelineId].sort(),
		);
		for (const g of groups)
			expect(
				g.PipelineItems.every(
					(i: Body) => i.PipelineId === g.PipelineId && i.ContactId === contactId,
				),
			).toBe(true);
	});

	it('a status with items cannot be deleted; archived pipelines only with IncludeArchivedPipelines', async () => {
		expectLacrmError(
			await sandbox.call('DeletePipelineStatus', { StatusId: status(sales, 'New') }),
			400,
			/still has/,
		);
		const visible = await ok('GetPipelines');
		expect(visible.map((p: Body) => p.Name)).not.toContain('Old Deals');
		const withFields = await ok('GetPipelines', { IncludeCustomFields: true });
		expect(
			withFields
				.find((p: Body) => p.Name === 'Sales Leads')
				.CustomFields.find((f: Body) => f.Name === 'Hunter').IsRequired,
		).toBe(true);
	});
});

/** GetTasks' Results is keyed by TaskId (REFERENCE.md Corrections); the tasks, in order. */
function tasksOf(page: Body): Body[] {
	expect(Array.isArray(page.Results)).toBe(false);
	for (const [id, task] of Object.entries(page.Results)) expect((task as Body).TaskId).toBe(id);
	return Object.values(page.Results);
}

describe('tasks', () => {
	it('GetTasks needs StartDate and EndDate unless ContactId is given', async () => {
		expectLacrmError(await sandbox.call('GetTasks', { StartDate: '2030-01-01' }), 400, /'EndDate'/);
		expectLacrmError(
			await sandbox.call('GetTasks', { StartDate: '2030-01-01', EndDate: '01/31/2030' }),
			400,
			/yyyy-mm-dd/,
		);
		const c = (
			await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Task Owner' })
		).ContactId;
		await ok('CreateTask', { Name: 'far past', DueDate: '2001-01-01', ContactId: c });
		const done = await ok('CreateTask', {
			Name: 'far future',
			DueDate: '2099-01-01',
			ContactId: c,
		});
		await ok('EditTask', { TaskId: done.TaskId, IsComplete: true });
		const all = await ok('GetTasks', { ContactId: c, CompletionStatus: 'Incomplete' });
		expect(
			tasksOf(all)
				.map((t: Body) => t.Name)
				.sort(),
		).toEqual(['far future', 'far past']);
	});

	it('GetTasks window, CompletionStatus, UserFilter and SortDirection', async () => {
		await ok('CreateTask', { Name: 'w1', DueDate: '2040-02-01' });
		await ok('CreateTask', { Name: 'w2', DueDate: '2040-02-10', AssignedTo: SAM });
		const w3 = await ok('CreateTask', { Name: 'w3', DueDate: '2040-02-20' });
		await ok('CreateTask', { Name: 'outside', DueDate: '2040-03-01' });
		await ok('EditTask', { TaskId: w3.TaskId, IsComplete: true });
		const window = { StartDate: '2040-02-01', EndDate: '2040-02-29' };
		expect(tasksOf(await ok('GetTasks', window)).map((t: Body) => t.Name)).toEqual([
			'w1',
			'w2',
			'w3',
		]);
		expect(
			tasksOf(await ok('GetTasks', { ...window, SortDirection: 'Descending' })).map(
				(t: Body) => t.Name,
			),
		).toEqual(['w3', 'w2', 'w1']);
		expect(
			tasksOf(await ok('GetTasks', { ...window, CompletionStatus: 'Complete' })).map(
				(t: Body) => t.Name,
			),
		).toEqual(['w3']);
		expect(
			tasksOf(await ok('GetTasks', { ...window, CompletionStatus: 'Incomplete' })).map(
				(t: Body) => t.Name,
			),
		).toEqual(['w1', 'w2']);
		expect(
			tasksOf(await ok('GetTasks', { ...window, UserFilter: [SAM] })).map((t: Body) => t.Name),
		).toEqual(['w2']);
	});

	it('GetTasks pages a keyed Results on HasMoreResults; past the end an empty []', async () => {
		for (const day of ['01', '02', '03', '04', '05'])
			await ok('CreateTask', { Name: `p${day}`, DueDate: `2042-05-${day}` });
		const window = { StartDate: '2042-05-01', EndDate: '2042-05-31', MaxNumberOfResults: 2 };
		const pages = [1, 2, 3].map(async (Page) => await ok('GetTasks', { ...window, Page }));
		const [one, two, three] = await Promise.all(pages);
		expect(one.HasMoreResults).toBe(true);
		expect(tasksOf(one).map((t: Body) => t.Name)).toEqual(['p01', 'p02']);
		expect(two.HasMoreResults).toBe(true);
		expect(tasksOf(two).map((t: Body) => t.Name)).toEqual(['p03', 'p04']);
		expect(three.HasMoreResults).toBe(false);
		expect(tasksOf(three).map((t: Body) => t.Name)).toEqual(['p05']);
		expect(await ok('GetTasks', { ...window, Page: 4 })).toEqual({
			HasMoreResults: false,
			Results: [],
		});
	});

	it('the demo account has tasks due around today', async () => {
		const today = new Date(sandbox.clock.now()).toISOString().slice(0, 10);
		const start = new Date(sandbox.clock.now() - 5 * 86_400_000).toISOString().slice(0, 10);
		const end = new Date(sandbox.clock.now() + 10 * 86_400_000).toISOString().slice(0, 10);
		const res = await ok('GetTasks', { StartDate: start, EndDate: end });
		expect(tasksOf(res).length).toBeGreaterThanOrEqual(10);
		expect(today).toMatch(/^\d{4}/);
	});
});

describe('events', () => {
	it('the StartDate offset is the event time zone; GetEvents is a window', async () => {
		const { EventId } = await ok(
			'CreateEvent',
			eventParams('Tokyo call', '2041-04-01T09:00:00+09:00', '2041-04-01T10:00:00+09:00'),
		);
		const e = await ok('GetEvent', { EventId });
		expect(e.StartDate).toBe('2041-04-01T09:00:00+09:00');
		expect(e.EndDate).toBe('2041-04-01T10:00:00+09:00');
		const inWindow = await ok('GetEvents', {
			StartDate: '2041-03-31T23:00:00Z',
			EndDate: '2041-04-01T00:30:00Z',
		});
		expect(inWindow.Results.map((x: Body) => x.EventId)).toContain(EventId);
		const outside = await ok('GetEvents', { StartDate: '2041-04-02', EndDate: '2041-04-03' });
		expect(outside.Results.map((x: Body) => x.EventId)).not.toContain(EventId);
	});

	it('attendees must exist; EndDate may not precede StartDate', async () => {
		expectLacrmError(
			await sandbox.call(
				'CreateEvent',
				eventParams('x', '2041-01-01T10:00:00Z', '2041-01-01T09:00:00Z'),
			),
			400,
			/before/,
		);
		expectLacrmError(
			await sandbox.call(
				'CreateEvent',
				eventParams('x', '2041-01-01T10:00:00Z', '2041-01-01T11:00:00Z', {
					Attendees: [{ IsUser: true, AttendeeId: '999999' }],
				}),
			),
			400,
			/999999/,
		);
	});

	it('GetEvents UserFilter / ContactId', async () => {
		const c = (
			await ok('CreateContact', { IsCompany: false, AssignedTo: ADMIN, Name: 'Event Guest' })
		).ContactId;
		const { EventId } = await ok(
			'CreateEvent',
			eventParams('Sam meeting', '2042-01-01T10:00:00-06:00', '2042-01-01T11:00:00-06:00', {
				Attendees: [
					{ IsUser: true, AttendeeId: SAM, AttendanceStatus: 'IsAttending' },
					{ IsUser: false, AttendeeId: c, AttendanceStatus: 'Maybe' },
				],
			}),
		);
		const window = { StartDate: '2042-01-01', EndDate: '2042-01-01' };
		expect(
			(await ok('GetEvents', { ...window, UserFilter: [SAM] })).Results.map((e: Body) => e.EventId),
		).toEqual([EventId]);
		expect((await ok('GetEvents', { ...window, UserFilter: [ADMIN] })).Results).toEqual([]);
		expect((await ok('GetEvents', { ContactId: c })).Results.map((e: Body) => e.EventId)).toEqual([
			EventId,
		]);
	});
});

describe('groups and memberships', () => {
	it('group names are unique', async () => {
		await ok('CreateGroup', { Name: 'Only Once' });
		expectLacrmError(
			await sandbox.call('CreateGroup', { Name: 'only once' }),
			400,
			/already exists/,
		);
	});

	it('memberships take GroupId or GroupName, never both, never neither', async () => {
		const groups = await ok('GetGroups');
		const g = groups.Results[1];
		expectLacrmError(
			await sandbox.call('CreateGroupMembership', {
				ContactId: contactId,
				GroupId: g.GroupId,
				GroupName: g.Name,
			}),
			400,
			/not both/,
		);
		expectLacrmError(
			await sandbox.call('CreateGroupMembership', { ContactId: contactId }),
			400,
			/'GroupId' or 'GroupName'/,
		);
		expectLacrmError(
			await sandbox.call('CreateGroupMembership', {
				ContactId: contactId,
				GroupName: 'No Such Group',
			}),
			400,
			/No group named/,
		);
		await ok('CreateGroupMembership', { ContactId: contactId, GroupName: g.Name });
		const inGroup = await ok('GetContactsInGroup', {
			GroupName: g.Name,
			MaxNumberOfResults: 10000,
		});
		expect(inGroup.Results.map((m: Body) => m.ContactId)).toContain(contactId);
		expectLacrmError(await sandbox.call('GetContactsInGroup', {}), 400);
	});

	it('Sharing=Teams needs TeamIds', async () => {
		expectLacrmError(
			await sandbox.call('CreateGroup', { Name: 'Team Group', Sharing: 'Teams' }),
			400,
			/TeamIds/,
		);
	});
});

describe('emails, notes, teams, relationships', () => {
	it('CreateEmail needs Address in From/To', async () => {
		expectLacrmError(
			await sandbox.call('CreateEmail', {
				ContactIds: [contactId],
				From: { Name: 'No address' },
				To: [{ Address: 'a@b.c' }],
				Body: 'b',
				Date: '2030-01-01T00:00:00Z',
			}),
			400,
			/Address/,
		);
	});

	it('GetEmails with GetContactsAtCompanyEmails includes the people of a company', async () => {
		const person = await ok('GetContact', {
			ContactId: (
				await ok('CreateContact', {
					IsCompany: false,
					AssignedTo: ADMIN,
					Name: 'Mail Person',
					'Company Name': 'Mail Co',
				})
			).ContactId,
		});
		const { EmailId } = await ok('CreateEmail', {
			ContactIds: [person.ContactId],
			From: { Address: 'x@y.z' },
			To: [{ Address: 'p@q.r' }],
			Body: 'b',
			Date: '2030-01-01T00:00:00Z',
		});
		expect((await ok('GetEmails', { ContactId: person.CompanyId })).Results).toEqual([]);
		const withPeople = await ok('GetEmails', {
			ContactId: person.CompanyId,
			GetContactsAtCompanyEmails: true,
		});
		expect(withPeople.Results.map((m: Body) => m.EmailId)).toEqual([EmailId]);
	});

	it('GetNotes DateFilter window and UserFilter', async () => {
		await ok('CreateNote', {
			ContactId: contactId,
			Note: 'dated',
			DateDisplayedInHistory: '2035-05-05T12:00:00Z',
		});
		const res = await ok('GetNotes', {
			DateFilterStart: '2035-05-05',
			DateFilterEnd: '2035-05-05',
		});
		expect(res.Results.map((n: Body) => n.Note)).toEqual(['dated']);
		expect(
			(
				await ok('GetNotes', {
					DateFilterStart: '2035-05-05',
					DateFilterEnd: '2035-05-05',
					UserFilter: [SAM],
				})
			).Results,
		).toEqual([]);
	});

	it('DeleteTeam is for admins only', async () => {
		const { TeamId } = await ok('CreateTeam', { Name: 'Admins Only' });
		expectLacrmError(
			await sandbox.call('DeleteTeam', { TeamId }, { apiKey: sandbox.apiKeyFor(SAM) }),
			400,
			/administrators/,
		);
		await ok('DeleteTeam', { TeamId });
	});

	it('a contact cannot be related to itself', async () => {
		expectLacrmError(
			await sandbox.call('CreateRelationship', { ContactId1: contactId, ContactId2: contactId }),
			400,
			/itself/,
		);
	});
});
