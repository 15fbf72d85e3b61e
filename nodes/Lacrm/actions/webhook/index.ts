import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';

export const webhookResource: ResourceDefinition = {
	value: 'webhook',
	name: 'Webhook',
	description:
		'Webhook subscriptions (for n8n workflows, the Less Annoying CRM Trigger node manages them)',
	defaultOperation: getAll.operation,
	operations: [create, remove, get, getAll],
};
