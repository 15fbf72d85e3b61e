import type { ResourceDefinition } from '../operation';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getAllById } from './getAllById';
import { getTimeline } from './getTimeline';
import type { RecordKind } from './kind';
import { COMPANY, CONTACT } from './kind';
import { update } from './update';
import { upsert } from './upsert';

function recordResource(kind: RecordKind, name: string, description: string): ResourceDefinition {
	return {
		value: kind.resource,
		name,
		description,
		defaultOperation: 'create',
		operations: [create, update, upsert, remove, get, getAll, getAllById, getTimeline].map(
			(operation) => operation(kind),
		),
	};
}

export const contactResource = recordResource(CONTACT, 'Contact', 'People in your CRM');
export const companyResource = recordResource(
	COMPANY,
	'Company',
	'Companies (LACRM stores them as contacts with IsCompany)',
);
