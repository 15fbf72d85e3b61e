import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

export const webhookResource: ResourceDefinition = {
	value: 'webhook',
	name: 'Webhook',
	description:
		'Webhook subscriptions (for n8n workflows, the Less Annoying CRM Trigger node manages them)',
	defaultOperation: getAll.operation,
	operations: [create, remove, get, getAll],
};
