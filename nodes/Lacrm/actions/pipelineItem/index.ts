import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { deleteMany } from './deleteMany.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForContact } from './getAllForContact.operation';
import { update } from './update.operation';

export const pipelineItemResource: ResourceDefinition = {
	value: 'pipelineItem',
	name: 'Pipeline Item',
	description: 'Leads, deals and other items of a pipeline, attached to contacts',
	defaultOperation: 'create',
	operations: [create, update, remove, deleteMany, get, getAll, getAllForContact],
};
