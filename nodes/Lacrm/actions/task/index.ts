import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getAllForContact } from './getAllForContact';
import { update } from './update';

export const taskResource: ResourceDefinition = {
	value: 'task',
	name: 'Task',
	description: 'Date-only to-dos, optionally attached to a contact',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAll, getAllForContact],
};
