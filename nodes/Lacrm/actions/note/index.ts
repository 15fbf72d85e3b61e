import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getAllForContact } from './getAllForContact';
import { update } from './update';

export const noteResource: ResourceDefinition = {
	value: 'note',
	name: 'Note',
	description: 'Plain-text notes in the history of a contact or company',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAll, getAllForContact],
};
