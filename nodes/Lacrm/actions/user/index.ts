import type { ResourceDefinition } from '../../helpers/operation';
import { getAll } from './getAll.operation';
import { getCurrent } from './getCurrent.operation';

export const userResource: ResourceDefinition = {
	value: 'user',
	name: 'User',
	description: 'Users of the LACRM account',
	defaultOperation: getCurrent.operation,
	operations: [getCurrent, getAll],
};
