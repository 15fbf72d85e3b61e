import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForContact } from './getAllForContact.operation';

export const emailResource: ResourceDefinition = {
	value: 'email',
	name: 'Email',
	description: 'Emails logged in the history of contacts (Email Logging)',
	defaultOperation: 'create',
	operations: [create, remove, get, getAll, getAllForContact],
};
