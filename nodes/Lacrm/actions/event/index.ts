import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForContact } from './getAllForContact.operation';
import { update } from './update.operation';

export const eventResource: ResourceDefinition = {
	value: 'event',
	name: 'Event',
	description: 'Calendar events with contacts and users as attendees',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAll, getAllForContact],
};
