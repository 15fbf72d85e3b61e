import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { getAll } from './getAll';
import { update } from './update';

export const pipelineStatusResource: ResourceDefinition = {
	value: 'pipelineStatus',
	name: 'Pipeline Status',
	description: 'The open and closed steps of a pipeline (settings)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, getAll],
};
