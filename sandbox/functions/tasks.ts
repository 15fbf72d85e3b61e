import { ApiError, notFound } from '../core/errors';
import { dateOf, formatDateTime, formatNullableDateTime } from '../core/dates';
import type { Store, Task } from '../store';
import type { CallContext, HandlerTable } from './context';
import { blankName, idSet, nonBlank } from './common';
import { contactMeta, userMeta } from './meta';
import { paginate, sortBy } from './paging';
import { attachedToContact, deleteRecord, editRecord, getRecord, recordLookup } from './records';

/** Tasks: date-only to-dos assigned to a user, optionally attached to one contact. */

export function serializeTask(store: Store, t: Task): Record<string, unknown> {
	return {
		TaskId: t.TaskId,
		Name: t.Name,
		DueDate: t.DueDate,
		AssignedTo: t.AssignedTo,
		Description: t.Description,
		ContactId: t.ContactId,
		IsCompleted: t.IsCompleted,
		DateCompleted: formatNullableDateTime(t.DateCompleted),
		CalendarId: t.CalendarId,
		DateCreated: formatDateTime(t.DateCreated),
		AssignedToMetaData: userMeta(store, t.AssignedTo),
		ContactMetaData: contactMeta(store, t.ContactId),
	};
}

const taskOf = recordLookup('task', 'TaskId', (store) => store.tasks);

function checkUser(store: Store, fn: string, userId: string): void {
	if (!store.users.has(userId))
		throw new ApiError(
			`unknown-user:${fn}:AssignedTo`,
			`'AssignedTo': no user with UserId '${userId}' exists in this account.`,
		);
}

function checkCalendar(store: Store, calendarId: string): void {
	if (!store.calendars.has(calendarId)) throw notFound('calendar', 'CalendarId', calendarId);
}

function CreateTask(ctx: CallContext) {
	const { p, store } = ctx;
	const assignedTo = p.str('AssignedTo') ?? ctx.user.UserId;
	checkUser(store, ctx.fn, assignedTo);
	const contactId = p.str('ContactId') ?? null;
	if (contactId) store.contact(contactId);
	const calendarId = p.str('CalendarId') ?? store.primaryCalendarOf(assignedTo).CalendarId;
	checkCalendar(store, calendarId);
	const task: Task = {
		TaskId: store.newId(),
		Name: p.req('Name'),
		DueDate: p.str('DueDate') ?? dateOf(ctx.now),
		AssignedTo: assignedTo,
		Description: p.str('Description') ?? '',
		ContactId: contactId,
		IsCompleted: false,
		DateCompleted: null,
		CalendarId: calendarId,
		DateCreated: ctx.now,
	};
	store.tasks.set(task.TaskId, task);
	return { TaskId: task.TaskId };
}

const EditTask = editRecord(taskOf, (next, { p, store, fn, now }, task) => {
	if (p.has('Name')) next.Name = nonBlank(p.str('Name'), ...blankName(fn, "A task's"));
	if (p.has('DueDate'))
		next.DueDate = nonBlank(
			p.str('DueDate'),
			'blank-due-date:EditTask',
			`A task's 'DueDate' can't be blank.`,
		);
	if (p.has('AssignedTo')) {
		const user = p.str('AssignedTo');
		if (!user) throw new ApiError('blank-assigned-to:EditTask', `'AssignedTo' can't be cleared.`);
		checkUser(store, fn, user);
		next.AssignedTo = user;
	}
	if (p.has('CalendarId')) {
		next.CalendarId = p.str('CalendarId') ?? store.primaryCalendarOf(next.AssignedTo).CalendarId;
		checkCalendar(store, next.CalendarId);
	}
	if (p.has('Description')) next.Description = p.str('Description') ?? '';
	if (p.has('ContactId')) {
		const contactId = p.str('ContactId') ?? null;
		if (contactId) store.contact(contactId);
		next.ContactId = contactId;
	}
	const complete = p.bool('IsComplete');
	if (complete !== undefined && complete !== task.IsCompleted) {
		next.IsCompleted = complete;
		next.DateCompleted = complete ? now : null;
	}
});

/**
 * Tasks due in [StartDate, EndDate]. With ContactId the window and the other filters are ignored
 * and every task of that contact comes back (REFERENCE §12 GetTasks).
 */
function GetTasks(ctx: CallContext) {
	const { p, store } = ctx;
	const contactId = p.str('ContactId');
	const descending = (p.str('SortDirection') ?? 'Ascending') === 'Descending';
	let matches: Task[];
	if (contactId) {
		store.contact(contactId);
		matches = [...store.tasks.values()].filter((t) => t.ContactId === contactId);
	} else {
		const start = p.str('StartDate');
		const end = p.str('EndDate');
		for (const [name, value] of [
			['StartDate', start],
			['EndDate', end],
		] as const) {
			if (!value)
				throw new ApiError(
					`missing-parameter:GetTasks:${name}`,
					`'${name}' parameter is required for GetTasks (unless ContactId is given).`,
				);
		}
		if ((end as string) < (start as string))
			throw new ApiError(
				'bad-window:GetTasks',
				`'EndDate' (${end}) is before 'StartDate' (${start}).`,
			);
		const status = p.str('CompletionStatus') ?? 'Both';
		const users = idSet(p, 'UserFilter');
		matches = [];
		for (const t of store.tasks.values()) {
			if (t.DueDate < (start as string) || t.DueDate > (end as string)) continue;
			if (status === 'Complete' && !t.IsCompleted) continue;
			if (status === 'Incomplete' && t.IsCompleted) continue;
			if (users && !users.has(t.AssignedTo)) continue;
			matches.push(t);
		}
	}
	const page = paginate(
		ctx,
		sortBy(matches, (t) => t.DueDate, descending),
		(t) => serializeTask(store, t),
	);
	// GetTasks' Results is an object keyed by TaskId, not an array (PostHog's and Airbyte's LACRM
	// sources both read it so). TaskIds are 31 digits, never array indexes, so the order holds. An
	// empty page stays [] as PHP's json_encode writes an empty array (a guess, see the README).
	if (page.Results.length === 0) return page;
	return {
		HasMoreResults: page.HasMoreResults,
		Results: Object.fromEntries(
			page.Results.map((task) => [(task as { TaskId: string }).TaskId, task]),
		),
	};
}

const GetTasksAttachedToContact = attachedToContact(
	taskOf,
	(t, contactId) => t.ContactId === contactId,
	serializeTask,
	{ key: (t) => t.DueDate, descending: false },
);

export const taskFunctions: HandlerTable = {
	CreateTask,
	EditTask,
	DeleteTask: deleteRecord(taskOf),
	GetTask: getRecord(taskOf, serializeTask),
	GetTasks,
	GetTasksAttachedToContact,
};
