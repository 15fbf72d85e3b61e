import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const pipelineStatusResource: ResourceDefinition = {
	value: 'pipelineStatus',
	name: 'Pipeline Status',
	description: 'The open and closed steps of a pipeline (settings)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, getAll],
};
