import type { ResourceDefinition } from '../../helpers/operation';
import { getAll } from './getAll.operation';

export const calendarResource: ResourceDefinition = {
	value: 'calendar',
	name: 'Calendar',
	description: 'Calendars of the account (tasks and events live on them)',
	defaultOperation: getAll.operation,
	operations: [getAll],
};
