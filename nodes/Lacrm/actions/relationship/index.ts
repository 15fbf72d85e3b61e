import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAllForContact } from './getAllForContact.operation';
import { update } from './update.operation';

export const relationshipResource: ResourceDefinition = {
	value: 'relationship',
	name: 'Relationship',
	description: 'Links between two contacts or companies, with a note',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAllForContact],
};
