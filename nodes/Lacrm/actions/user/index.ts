import type { ResourceDefinition } from '../operation';
import { getAll } from './getAll';
import { getCurrent } from './getCurrent';

export const userResource: ResourceDefinition = {
	value: 'user',
	name: 'User',
	description: 'Users of the LACRM account',
	defaultOperation: getCurrent.operation,
	operations: [getCurrent, getAll],
};
