import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForContact } from './getAllForContact.operation';
import { update } from './update.operation';

export const noteResource: ResourceDefinition = {
	value: 'note',
	name: 'Note',
	description: 'Plain-text notes in the history of a contact or company',
	defaultOperation: 'create',
	operations: [create, update, remove, get, getAll, getAllForContact],
};
