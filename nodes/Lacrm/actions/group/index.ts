import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const groupResource: ResourceDefinition = {
	value: 'group',
	name: 'Group',
	description:
		'Groups that label contacts and companies (settings; membership is its own resource)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
