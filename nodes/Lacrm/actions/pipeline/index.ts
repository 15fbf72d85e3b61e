import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const pipelineResource: ResourceDefinition = {
	value: 'pipeline',
	name: 'Pipeline',
	description: 'Pipeline setup: name, icon, permissions (settings; items are under Pipeline Item)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
