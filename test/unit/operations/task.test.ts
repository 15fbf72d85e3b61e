/**
 * Task resource: the exact request LACRM receives for each of its six functions, the items n8n
 * outputs, the default due-date window of Get Many (relative to today in the workflow's time
 * zone), and input that is refused before any request.
 */
import { getGlobalState, setGlobalState } from 'n8n-workflow';

import { addDays, todayIn } from '../../../nodes/Lacrm/helpers/dateWindow';
import { CONTACT, rawTask, TASK } from '../helpers/records';
import {
	byId,
	expectLacrmCall,
	runExpectingCall,
	runExpectingRefusal,
	uid,
} from '../helpers/runNode';

/** Today (yyyy-mm-dd) where the workflow runs, shifted by whole days — computed here independently of the node. */
function dayFromToday(days: number, timeZone = getGlobalState().defaultTimezone): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
	const shifted = new Date(`${today}T12:00:00Z`);
	shifted.setUTCDate(shifted.getUTCDate() + days);
	return shifted.toISOString().slice(0, 10);
}

describe('Task → Update (EditTask)', () => {
	it('marks a task complete (Completed → IsComplete) and outputs updated: true', async () => {
		const { json } = await runExpectingCall(['EditTask', { TaskId: TASK, IsComplete: true }, {}], {
			resource: 'task',
			operation: 'update',
			parameters: { taskId: TASK, updateFields: { isComplete: true } },
		});
		expect(json).toEqual([{ TaskId: TASK, updated: true }]);
	});

	it('re-opens a task with Completed off, together with other changes', async () => {
		const { json } = await runExpectingCall(
			[
				'EditTask',
				{
					TaskId: TASK,
					Name: 'Send the revised proposal',
					IsComplete: false,
					DueDate: '2025-03-01',
					AssignedTo: '1003',
				},
				{},
			],
			{
				resource: 'task',
				operation: 'update',
				parameters: {
					taskId: TASK,
					updateFields: {
						name: 'Send the revised proposal',
						isComplete: false,
						dueDate: '2025-03-01',
						assignedTo: byId('1003'),
					},
				},
			},
		);
		expect(json).toEqual([{ TaskId: TASK, updated: true }]);
	});

	it('clears the description and detaches the contact by sending null', async () => {
		const { json } = await runExpectingCall(
			['EditTask', { TaskId: TASK, Description: null, ContactId: null }, {}],
			{
				resource: 'task',
				operation: 'update',
				parameters: { taskId: TASK, updateFields: {}, fieldsToClear: ['description', 'contactId'] },
			},
		);
		expect(json).toEqual([{ TaskId: TASK, updated: true }]);
	});
});

describe('Task → Get (GetTask)', () => {
	it('outputs the task with assignee and contact names (simplified)', async () => {
		const { json } = await runExpectingCall(
			['GetTask', { TaskId: TASK }, rawTask(TASK, 'Follow up')],
			{ resource: 'task', operation: 'get', parameters: { taskId: TASK } },
		);
		const {
			AssignedToMetaData: _assignee,
			ContactMetaData: _contact,
			...plain
		} = rawTask(TASK, 'Follow up');
		expect(json).toEqual([{ ...plain, AssignedToName: 'Jane Owner', ContactName: 'John Doe' }]);
	});
});

describe('Task → Get Many (GetTasks)', () => {
	it('without dates, asks for tasks due from 30 days ago to 365 days from today', async () => {
		const { json, items } = await runExpectingCall(
			[
				'GetTasks',
				{
					StartDate: dayFromToday(-30),
					EndDate: dayFromToday(365),
					MaxNumberOfResults: 50,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [rawTask(uid(401), 'One'), rawTask(uid(402), 'Two')] },
			],
			{ resource: 'task', operation: 'getAll', parameters: { simplify: false } },
		);
		expect(json).toEqual([rawTask(uid(401), 'One'), rawTask(uid(402), 'Two')]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('"today" is the day in the workflow\'s time zone', async () => {
		const saved = getGlobalState();
		// UTC+14: for ten hours a day it is already tomorrow there
		setGlobalState({ ...saved, defaultTimezone: 'Pacific/Kiritimati' });
		try {
			const { json } = await runExpectingCall(
				[
					'GetTasks',
					{
						StartDate: dayFromToday(-30, 'Pacific/Kiritimati'),
						EndDate: dayFromToday(365, 'Pacific/Kiritimati'),
						MaxNumberOfResults: 50,
						Page: 1,
					},
					{ HasMoreResults: false, Results: [] },
				],
				{ resource: 'task', operation: 'getAll', parameters: {} },
			);
			expect(json).toEqual([]);
		} finally {
			setGlobalState(saved);
		}
	});

	it('sends every filter set; dates given replace the defaults', async () => {
		const { json } = await runExpectingCall(
			[
				'GetTasks',
				{
					StartDate: '2025-01-01',
					EndDate: '2025-03-31',
					CompletionStatus: 'Incomplete',
					UserFilter: ['1001'],
					SortDirection: 'Descending',
					MaxNumberOfResults: 10,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [rawTask(uid(401), 'One')] },
			],
			{
				resource: 'task',
				operation: 'getAll',
				parameters: {
					limit: 10,
					filters: {
						startDate: '2025-01-01',
						endDate: '2025-03-31',
						completionStatus: 'Incomplete',
						userFilter: ['1001'],
						sortDirection: 'Descending',
					},
				},
			},
		);
		expect(json).toEqual([
			expect.objectContaining({
				TaskId: uid(401),
				AssignedToName: 'Jane Owner',
				ContactName: 'John Doe',
			}),
		]);
	});

	it('a start date alone keeps the default end', async () => {
		const start = dayFromToday(-100);
		await runExpectingCall(
			[
				'GetTasks',
				{ StartDate: start, EndDate: dayFromToday(365), MaxNumberOfResults: 10000, Page: 1 },
				{ HasMoreResults: false, Results: [] },
			],
			{
				resource: 'task',
				operation: 'getAll',
				parameters: { returnAll: true, filters: { startDate: start } },
			},
		);
	});

	it('with a contact filter still sends the (required) date window along with the ContactId', async () => {
		const { json } = await runExpectingCall(
			[
				'GetTasks',
				{
					StartDate: dayFromToday(-30),
					EndDate: dayFromToday(365),
					ContactId: CONTACT,
					MaxNumberOfResults: 50,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [rawTask(uid(401), 'Old task')] },
			],
			{
				resource: 'task',
				operation: 'getAll',
				parameters: { simplify: false, filters: { contactId: byId(CONTACT) } },
			},
		);
		expect(json).toEqual([rawTask(uid(401), 'Old task')]);
	});

	it.each([
		{
			title: 'an end date before the (default) start',
			// Today is read when the test runs, as the node reads it.
			filters: () => ({ endDate: dayFromToday(-31) }),
			message: /^Invalid "Filters → Due To"/,
		},
		{
			title: 'a start date that is not a date',
			filters: () => ({ startDate: '01/02/2025' }),
			message: /^Invalid "Due From"/,
		},
	])('refuses $title, before any request', async ({ filters, message }) => {
		const error = await runExpectingRefusal({
			resource: 'task',
			operation: 'getAll',
			parameters: { filters: filters() },
		});
		expect(error?.message).toMatch(message);
	});
});

describe('Task → Get Many over the list shape LACRM really sends', () => {
	// GetTasks answers {HasMoreResults, Results} with Results keyed by TaskId (PostHog's and
	// Airbyte's LACRM sources read it so; REFERENCE.md Corrections).
	const keyed = (...tasks: Array<ReturnType<typeof rawTask>>) =>
		Object.fromEntries(tasks.map((task) => [task.TaskId, task]));

	it('outputs every task of a keyed Results as its own item, asking for page 2 while HasMoreResults', async () => {
		const window = { StartDate: dayFromToday(-30), EndDate: dayFromToday(365) };
		const page1 = expectLacrmCall(
			'GetTasks',
			{ ...window, MaxNumberOfResults: 10000, Page: 1 },
			{ HasMoreResults: true, Results: keyed(rawTask(uid(401), 'One'), rawTask(uid(402), 'Two')) },
		);
		const { json, items } = await runExpectingCall(
			[
				'GetTasks',
				{ ...window, MaxNumberOfResults: 10000, Page: 2 },
				{ HasMoreResults: false, Results: keyed(rawTask(uid(403), 'Three')) },
			],
			{ resource: 'task', operation: 'getAll', parameters: { returnAll: true, simplify: false } },
		);
		expect(page1.isDone()).toBe(true);
		expect(json).toEqual([
			rawTask(uid(401), 'One'),
			rawTask(uid(402), 'Two'),
			rawTask(uid(403), 'Three'),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('Simplify works on each keyed task, and the limit counts tasks, not pages', async () => {
		const { json } = await runExpectingCall(
			[
				'GetTasksAttachedToContact',
				{ ContactId: CONTACT, MaxNumberOfResults: 2, Page: 1 },
				{
					HasMoreResults: true,
					Results: keyed(rawTask(uid(401), 'One'), rawTask(uid(402), 'Two')),
				},
			],
			{
				resource: 'task',
				operation: 'getAllForContact',
				parameters: { contactId: byId(CONTACT), limit: 2 },
			},
		);
		expect(json).toEqual([
			expect.objectContaining({ TaskId: uid(401), AssignedToName: 'Jane Owner' }),
			expect.objectContaining({ TaskId: uid(402), ContactName: 'John Doe' }),
		]);
	});
});

describe('the default window', () => {
	it('takes today in the given time zone', () => {
		const moment = new Date('2025-01-01T03:00:00Z');
		expect(todayIn('UTC', moment)).toBe('2025-01-01');
		expect(todayIn('America/Los_Angeles', moment)).toBe('2024-12-31');
		expect(todayIn('Not/AZone', moment)).toBe('2025-01-01');
	});

	it('adds days across months, years and leap days', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-01-15', -30)).toBe('2024-12-16');
		expect(addDays('2025-01-15', 365)).toBe('2026-01-15');
	});
});
