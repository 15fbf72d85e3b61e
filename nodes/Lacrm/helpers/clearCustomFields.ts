/**
 * "Custom Fields to Clear" for contact and company updates: the mapper sends only values, and an
 * empty mapped value means "leave it", so blanking a custom field is said here (sent as null).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from './operation';

const CUSTOM_FIELDS_TO_CLEAR = 'customFieldsToClear';

export function customFieldsToClearList(target: 'contact' | 'company'): INodeProperties {
	return {
		displayName: 'Custom Fields to Clear',
		name: CUSTOM_FIELDS_TO_CLEAR,
		type: 'multiOptions',
		default: [],
		typeOptions: {
			loadOptionsMethod:
				target === 'contact' ? 'getContactCustomFieldNames' : 'getCompanyCustomFieldNames',
		},
		description:
			'Custom fields to blank in LACRM (sent as null). Choose from the list, or specify names using an <a href="https://docs.n8n.io/code/expressions/">expression</a> (a list or text separated by commas).',
	};
}

/** Adds the custom fields listed to clear to `parameters` as null; refuses one that is also set. */
export function addCustomFieldsToClear(input: ItemInput, parameters: IDataObject): void {
	const raw = input.value<unknown>(CUSTOM_FIELDS_TO_CLEAR, []);
	const names = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
		.map((name) => String(name).trim())
		.filter(Boolean);
	for (const name of names) {
		if (parameters[name] !== undefined) {
			throw input.error('Custom Fields to Clear', `"${name}" is both set and cleared; choose one`);
		}
		parameters[name] = null;
	}
}
