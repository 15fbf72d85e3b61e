import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const teamResource: ResourceDefinition = {
	value: 'team',
	name: 'Team',
	description: 'Teams of users, for sharing groups and pipelines',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
