import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { deleteMany } from './deleteMany';
import { get } from './get';
import { getAll } from './getAll';
import { getAllForContact } from './getAllForContact';
import { update } from './update';

export const pipelineItemResource: ResourceDefinition = {
	value: 'pipelineItem',
	name: 'Pipeline Item',
	description: 'Leads, deals and other items of a pipeline, attached to contacts',
	defaultOperation: 'create',
	operations: [create, update, remove, deleteMany, get, getAll, getAllForContact],
};
