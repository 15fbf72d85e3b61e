import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const teamResource: ResourceDefinition = {
	value: 'team',
	name: 'Team',
	description: 'Teams of users, for sharing groups and pipelines',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
