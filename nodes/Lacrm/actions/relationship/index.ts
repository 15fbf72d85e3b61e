import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAllForContact } from './getAllForContact';
import { update } from './update';

export const relationshipResource: ResourceDefinition = {
	value: 'relationship',
	name: 'Relationship',
	description: 'Links between two contacts or companies, with a note',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAllForContact],
};
