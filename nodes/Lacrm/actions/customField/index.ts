import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const customFieldResource: ResourceDefinition = {
	value: 'customField',
	name: 'Custom Field',
	description:
		'Definitions of custom fields of contacts, companies, pipelines and forms (settings)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
