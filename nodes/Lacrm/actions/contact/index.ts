import type { ResourceDefinition } from '../../helpers/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllById } from './getAllById.operation';
import { getTimeline } from './getTimeline.operation';
import type { RecordKind } from './recordKind';
import { COMPANY, CONTACT } from './recordKind';
import { update } from './update.operation';
import { upsert } from './upsert.operation';

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
