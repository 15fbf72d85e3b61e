import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const groupResource: ResourceDefinition = {
	value: 'group',
	name: 'Group',
	description:
		'Groups that label contacts and companies (settings; membership is its own resource)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
