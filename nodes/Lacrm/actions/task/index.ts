import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForContact } from './getAllForContact.operation';
import { update } from './update.operation';

export const taskResource: ResourceDefinition = {
	value: 'task',
	name: 'Task',
	description: 'Date-only to-dos, optionally attached to a contact',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAll, getAllForContact],
};
