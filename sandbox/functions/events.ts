import { ApiError, notFound } from '../core/errors';
import { formatDateTime, parseDateTime } from '../core/dates';
import type { Attendee, CalendarEvent, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { blankName, idSet, instantOf, nonBlank, windowOf } from './common';
import { contactMeta, userMeta } from './meta';
import { sortedPage } from './paging';
import { attachedToContact, getRecord, recordLookup } from './records';

/**
 * Calendar events with Attendees (users and contacts). The UTC offset written on StartDate becomes
 * the event's time zone, so an event created at 14:00-05:00 comes back at 14:00-05:00.
 * Recurring events are stored with their rule but not expanded into occurrences.
 */

export function serializeEvent(store: Store, e: CalendarEvent): Record<string, unknown> {
	const contactIds = e.Attendees.filter((a) => !a.IsUser).map((a) => a.AttendeeId);
	const userIds = e.Attendees.filter((a) => a.IsUser).map((a) => a.AttendeeId);
	return {
		EventId: e.EventId,
		Name: e.Name,
		StartDate: formatDateTime(e.StartDate, e.OffsetMinutes),
		EndDate: formatDateTime(e.EndDate, e.OffsetMinutes),
		Location: e.Location,
		Description: e.Description,
		IsAllDay: e.IsAllDay,
		IsRecurring: e.IsRecurring,
		RecurrenceEventId: null,
		RecurrenceRule: e.RecurrenceRule,
		EndRecurrenceDate:
			e.EndRecurrenceDate === null ? null : formatDateTime(e.EndRecurrenceDate, e.OffsetMinutes),
		SeriesNumber: 0,
		DateCreated: formatDateTime(e.DateCreated),
		DateUpdated: formatDateTime(e.DateUpdated),
		ContactIds: contactIds,
		UserIds: userIds,
		Attendees: e.Attendees.map((a) => ({ ...a })),
		CalendarId: e.CalendarId,
		ContactMetaData: contactIds.map((id) => contactMeta(store, id)).filter((m) => m !== null),
		UserMetaData: userIds.map((id) => userMeta(store, id)).filter((m) => m !== null),
		CalendarMetaData: { Name: store.calendars.get(e.CalendarId)?.Name ?? '' },
	};
}

const eventOf = recordLookup('event', 'EventId', (store) => store.events);

/**
 * Attendees: [{IsUser, AttendeeId, AttendanceStatus}]. The AttendanceStatus list in the docs is
 * truncated (REFERENCE §16.11), so any text is accepted; blank means IsAttending.
 */
function parseAttendees(store: Store, fn: string, value: unknown): Attendee[] {
	if (!Array.isArray(value))
		throw new ApiError(
			`invalid-attendees:${fn}`,
			`'Attendees' must be an array of {IsUser, AttendeeId, AttendanceStatus} objects.`,
		);
	const seen = new Set<string>();
	const out: Attendee[] = [];
	for (const item of value) {
		if (!item || typeof item !== 'object')
			throw new ApiError(
				`invalid-attendees:${fn}`,
				`'Attendees' must be an array of {IsUser, AttendeeId, AttendanceStatus} objects.`,
			);
		const a = item as Record<string, unknown>;
		const isUser = a.IsUser === true || a.IsUser === 'true' || a.IsUser === 1;
		const id = typeof a.AttendeeId === 'number' ? String(a.AttendeeId) : a.AttendeeId;
		if (typeof id !== 'string' || id === '')
			throw new ApiError(`invalid-attendees:${fn}`, `Each attendee needs an AttendeeId.`);
		if (isUser && !store.users.has(id))
			throw new ApiError(
				`unknown-user:${fn}:Attendees`,
				`Attendees: no user with UserId '${id}' exists in this account.`,
			);
		if (!isUser) store.contact(id, 'AttendeeId');
		const status =
			typeof a.AttendanceStatus === 'string' && a.AttendanceStatus !== ''
				? a.AttendanceStatus
				: 'IsAttending';
		const key = `${isUser}:${id}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ IsUser: isUser, AttendeeId: id, AttendanceStatus: status });
	}
	return out;
}

function CreateEvent(ctx: CallContext) {
	const { p, store } = ctx;
	const start = parseDateTime(p.req('StartDate'));
	const end = instantOf(p.req('EndDate'));
	if (!start)
		throw new ApiError(
			'invalid-datetime:CreateEvent:StartDate',
			`'StartDate' is not a date and time.`,
		);
	if (end < start.ms)
		throw new ApiError('bad-window:CreateEvent', `'EndDate' is before 'StartDate'.`);
	const attendees =
		p.has('Attendees') && !p.isNull('Attendees')
			? parseAttendees(store, ctx.fn, p.raw('Attendees'))
			: [];
	// The event lands on the caller's calendar, so the caller attends unless other users were named.
	if (!attendees.some((a) => a.IsUser))
		attendees.unshift({
			IsUser: true,
			AttendeeId: ctx.user.UserId,
			AttendanceStatus: 'IsAttending',
		});
	const calendarId = p.str('CalendarId') ?? store.primaryCalendarOf(ctx.user.UserId).CalendarId;
	if (!store.calendars.has(calendarId)) throw notFound('calendar', 'CalendarId', calendarId);
	const endRecurrence = p.str('EndRecurrenceRule');
	const event: CalendarEvent = {
		EventId: store.newId(),
		Name: p.req('Name'),
		StartDate: start.ms,
		EndDate: end,
		OffsetMinutes: start.offsetMinutes,
		IsAllDay: p.bool('IsAllDay') ?? false,
		Location: p.str('Location') ?? '',
		Description: p.str('Description') ?? '',
		CalendarId: calendarId,
		Attendees: attendees,
		IsRecurring: p.bool('IsRecurring') ?? false,
		RecurrenceRule: p.str('RecurrenceRule') ?? '',
		EndRecurrenceDate: endRecurrence ? instantOf(endRecurrence) : null,
		DateCreated: ctx.now,
		DateUpdated: ctx.now,
		CreatedBy: ctx.user.UserId,
	};
	store.events.set(event.EventId, event);
	ctx.emit('Event.Create', { Event: serializeEvent(store, event) });
	return { EventId: event.EventId };
}

function EditEvent(ctx: CallContext) {
	const { p, store } = ctx;
	const event = eventOf(store, p.req('EventId'));
	const next = { ...event };
	if (p.has('Name')) next.Name = nonBlank(p.str('Name'), ...blankName(ctx.fn, "An event's"));
	if (p.has('StartDate')) {
		const start = parseDateTime(p.str('StartDate') ?? '');
		if (!start) throw new ApiError('blank-start:EditEvent', `'StartDate' can't be blank.`);
		next.StartDate = start.ms;
		next.OffsetMinutes = start.offsetMinutes;
	}
	if (p.has('EndDate')) {
		const end = p.str('EndDate');
		if (!end) throw new ApiError('blank-end:EditEvent', `'EndDate' can't be blank.`);
		next.EndDate = instantOf(end);
	}
	if (next.EndDate < next.StartDate)
		throw new ApiError('bad-window:EditEvent', `'EndDate' is before 'StartDate'.`);
	if (p.has('IsAllDay')) next.IsAllDay = p.bool('IsAllDay') ?? false;
	if (p.has('Location')) next.Location = p.str('Location') ?? '';
	if (p.has('Description')) next.Description = p.str('Description') ?? '';
	if (p.has('CalendarId')) {
		next.CalendarId = p.str('CalendarId') ?? store.primaryCalendarOf(ctx.user.UserId).CalendarId;
		if (!store.calendars.has(next.CalendarId))
			throw notFound('calendar', 'CalendarId', next.CalendarId);
	}
	if (p.has('Attendees'))
		next.Attendees = p.isNull('Attendees') ? [] : parseAttendees(store, ctx.fn, p.raw('Attendees'));
	if (p.has('IsRecurring')) next.IsRecurring = p.bool('IsRecurring') ?? false;
	if (p.has('RecurrenceRule')) next.RecurrenceRule = p.str('RecurrenceRule') ?? '';
	if (p.has('EndRecurrenceRule')) {
		const until = p.str('EndRecurrenceRule');
		next.EndRecurrenceDate = until ? instantOf(until) : null;
	}
	next.DateUpdated = ctx.now;
	Object.assign(event, next);
	ctx.emit('Event.Update', { Event: serializeEvent(store, event) });
	return NOTHING;
}

function DeleteEvent(ctx: CallContext) {
	const event = eventOf(ctx.store, ctx.p.req('EventId'));
	ctx.store.events.delete(event.EventId);
	ctx.emit('Event.Delete', { EventId: event.EventId });
	return NOTHING;
}

const attends = (e: CalendarEvent, isUser: boolean, id: string): boolean =>
	e.Attendees.some((a) => a.IsUser === isUser && a.AttendeeId === id);

/** Events overlapping [StartDate, EndDate]; ContactId overrides the other filters. */
function GetEvents(ctx: CallContext) {
	const { p, store } = ctx;
	const contactId = p.str('ContactId');
	let matches: CalendarEvent[];
	if (contactId) {
		store.contact(contactId);
		matches = [...store.events.values()].filter((e) => attends(e, false, contactId));
	} else {
		const { from, to } = windowOf(p, 'StartDate', 'EndDate');
		if (to < from) throw new ApiError('bad-window:GetEvents', `'EndDate' is before 'StartDate'.`);
		const users = idSet(p, 'UserFilter');
		const calendars = idSet(p, 'CalendarFilter');
		matches = [];
		for (const e of store.events.values()) {
			if (e.EndDate < from || e.StartDate > to) continue;
			if (calendars && !calendars.has(e.CalendarId)) continue;
			if (users && !e.Attendees.some((a) => a.IsUser && users.has(a.AttendeeId))) continue;
			matches.push(e);
		}
	}
	return sortedPage(ctx, matches, (e) => e.StartDate, 'Ascending', serializeEvent);
}

const GetEventsAttachedToContact = attachedToContact(
	eventOf,
	(e, contactId) => attends(e, false, contactId),
	serializeEvent,
	{ key: (e) => e.StartDate, descending: false },
);

export const eventFunctions: HandlerTable = {
	CreateEvent,
	EditEvent,
	DeleteEvent,
	GetEvent: getRecord(eventOf, serializeEvent),
	GetEvents,
	GetEventsAttachedToContact,
};
