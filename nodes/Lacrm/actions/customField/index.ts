import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const customFieldResource: ResourceDefinition = {
	value: 'customField',
	name: 'Custom Field',
	description:
		'Definitions of custom fields of contacts, companies, pipelines and forms (settings)',
	defaultOperation: getAll.operation,
	operations: [create, update, remove, get, getAll],
};
