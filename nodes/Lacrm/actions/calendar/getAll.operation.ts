import { defineOperation } from '../../helpers/operation';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many calendars',
	description:
		"List the calendars the credential's user can see (every user has a primary calendar). Returns each calendar's CalendarId, which tasks and events take, and its owner's UserId.",
	fn: 'GetCalendars',
	list: true,
});
