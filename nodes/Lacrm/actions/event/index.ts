import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getAllForContact } from './getAllForContact';
import { update } from './update';

export const eventResource: ResourceDefinition = {
	value: 'event',
	name: 'Event',
	description: 'Calendar events with contacts and users as attendees',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAll, getAllForContact],
};
