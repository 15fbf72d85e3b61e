import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const pipelineResource: ResourceDefinition = {
	value: 'pipeline',
	name: 'Pipeline',
	description: 'Pipeline setup: name, icon, permissions (settings; items are under Pipeline Item)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
