import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getAllForContact } from './getAllForContact';

export const emailResource: ResourceDefinition = {
	value: 'email',
	name: 'Email',
	description: 'Emails logged in the history of contacts (Email Logging)',
	defaultOperation: 'create',
	operations: [create, remove, get, getAll, getAllForContact],
};
