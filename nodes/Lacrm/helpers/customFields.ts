/**
 * Custom fields through n8n's resource mapper: fields loaded live from LACRM (per record type, or
 * per pipeline), required ones marked, options listed — and written back keyed by display name,
 * which is how LACRM takes them.
 */
import type { IDataObject, INodeProperties, ResourceMapperField } from 'n8n-workflow';

import type { ItemInput } from './operation';
import { readDate } from './fieldBuilders';

export type CustomFieldTarget = 'contact' | 'company' | 'pipeline';

/**
 * A mapper field as the node describes it: n8n keeps the whole entry in the saved schema, so the
 * LACRM type travels with it and tells a number or a checkbox list typed in as text apart.
 */
export interface LacrmMapperField extends ResourceMapperField {
	lacrmType?: string;
}

const METHODS: Record<CustomFieldTarget, { create: string; update: string }> = {
	contact: { create: 'getContactCustomFields', update: 'getContactCustomFieldsForUpdate' },
	company: { create: 'getCompanyCustomFields', update: 'getCompanyCustomFieldsForUpdate' },
	pipeline: { create: 'getPipelineCustomFields', update: 'getPipelineCustomFieldsForUpdate' },
};

export const CUSTOM_FIELDS_PARAMETER = 'customFields';

export function customFieldsProperty(
	target: CustomFieldTarget,
	purpose: 'create' | 'update',
): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: CUSTOM_FIELDS_PARAMETER,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description:
			target === 'pipeline'
				? 'Custom fields of the chosen pipeline, by display name. Required ones must be filled to create an item.'
				: `Custom ${target} fields of your LACRM account, by display name`,
		typeOptions: {
			loadOptionsDependsOn: target === 'pipeline' ? ['pipelineId.value'] : [],
			resourceMapper: {
				resourceMapperMethod: METHODS[target][purpose],
				mode: 'add',
				valuesLabel: 'Custom Fields',
				fieldWords: { singular: 'custom field', plural: 'custom fields' },
				addAllFields: purpose === 'create',
				multiKeyMatch: false,
				supportAutoMap: true,
				// Shown whenever the list is empty, also when loading failed: the notice below says which.
				noFieldsError: `No custom ${target === 'pipeline' ? 'pipeline' : target} fields to fill in`,
			},
		},
	};
}

interface MapperValue {
	mappingMode?: string;
	value?: IDataObject | null;
	schema?: ResourceMapperField[];
}

function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Reads the mapped custom fields of item i as `{ "<display name>": value }`, checked against the schema. */
export function readCustomFieldValues(input: ItemInput): IDataObject {
	const mapper = input.value<MapperValue | null>(CUSTOM_FIELDS_PARAMETER, null);
	if (!mapper) return {};
	const schema = mapper.schema ?? [];
	const source: IDataObject =
		mapper.mappingMode === 'autoMapInputData'
			? (input.exec.getInputData()[input.itemIndex]?.json ?? {})
			: (mapper.value ?? {});
	const values: IDataObject = {};
	for (const field of schema) {
		if (field.removed || field.display === false) continue;
		const raw = source[field.id];
		if (isBlank(raw)) continue;
		values[field.id] = convert(raw, field, input) as IDataObject[string];
	}
	return values;
}

/** The type to read a value as: numbers and checkbox lists arrive as text (see resourceMapping.ts). */
function readAs(field: LacrmMapperField): string | undefined {
	if (field.lacrmType === 'Number' || field.lacrmType === 'Currency') return 'number';
	if (field.lacrmType === 'Checkbox') return 'array';
	return field.type;
}

/**
 * The option texts a value may take. A schema saved while options were read wrongly may hold
 * options without a value; those say nothing about what is allowed, so they are skipped.
 */
function allowedOptions(field: ResourceMapperField): string[] {
	return (field.options ?? [])
		.map((option) => option?.value)
		.filter((value) => typeof value === 'string' || typeof value === 'number')
		.map(String);
}

function convert(raw: unknown, field: LacrmMapperField, input: ItemInput): unknown {
	const label = `Custom Fields → ${field.id}`;
	switch (readAs(field)) {
		case 'number': {
			const value = Number(raw);
			if (!Number.isFinite(value))
				throw input.error(label, `expected a number, got "${String(raw)}"`);
			return value;
		}
		case 'dateTime':
			return readDate(raw, input, label);
		case 'boolean':
			return raw === true || raw === 'true';
		case 'options': {
			const value = String(raw);
			const allowed = allowedOptions(field);
			if (allowed.length > 0 && !allowed.includes(value)) {
				throw input.error(label, `"${value}" is not one of its options: ${allowed.join(', ')}`);
			}
			return value;
		}
		case 'array': {
			// Checkbox fields: a list of option texts. Accept a list, JSON, or "a, b".
			let list: unknown = raw;
			if (typeof raw === 'string') {
				const text = raw.trim();
				list = text.startsWith('[') ? safeJson(text) : text.split(',').map((part) => part.trim());
			}
			if (!Array.isArray(list))
				throw input.error(label, 'expected a list of options, e.g. ["A", "B"] or A, B');
			const allowed = allowedOptions(field);
			for (const entry of list) {
				if (allowed.length > 0 && !allowed.includes(String(entry))) {
					throw input.error(
						label,
						`"${String(entry)}" is not one of its options: ${allowed.join(', ')}`,
					);
				}
			}
			return list.map(String);
		}
		default:
			return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
