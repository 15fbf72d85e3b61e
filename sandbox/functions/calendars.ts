import type { CallContext, HandlerTable } from './context';

/** Calendars (settings): each user has one primary calendar; the demo account adds a shared one. */

function GetCalendars(ctx: CallContext) {
	return [...ctx.store.calendars.values()].map((c) => ({ ...c }));
}

export const calendarFunctions: HandlerTable = { GetCalendars };
