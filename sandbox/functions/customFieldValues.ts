import { ApiError } from '../core/errors';
import { isValidDate } from '../core/dates';
import type { CustomField, CustomValues, Store } from '../store';
import type { FilterField } from './filters';

/**
 * Custom-field values travel as extra top-level parameters keyed by the field's display name
 * (REFERENCE §8). Stored by CustomFieldId; option fields store OptionIds so renaming an option or
 * a field keeps existing values.
 */

const DISPLAY_ONLY = new Set(['Section', 'SectionHeader', 'TextBlock']);
const NOT_WRITABLE = new Set(['Section', 'SectionHeader', 'TextBlock', 'Signature']);

export function isDisplayOnly(field: CustomField): boolean {
	return DISPLAY_ONLY.has(field.Type);
}

export function findFieldByName(
	fields: readonly CustomField[],
	key: string,
): CustomField | undefined {
	const exact = fields.find((f) => f.Name === key);
	if (exact) return exact;
	const lower = key.toLowerCase();
	return fields.find((f) => f.Name.toLowerCase() === lower);
}

function badValue(fn: string, field: CustomField, message: string): never {
	throw new ApiError(`custom-field-value:${fn}:${field.Type}`, message);
}

function optionIdFor(fn: string, field: CustomField, value: unknown): string {
	if (typeof value !== 'string')
		badValue(
			fn,
			field,
			`'${field.Name}' takes the text of one of its options, got ${JSON.stringify(value)}.`,
		);
	const option = field.Options.find((o) => o.Name === value);
	if (!option) {
		badValue(
			fn,
			field,
			`'${value}' is not an option of '${field.Name}'. Options: ${field.Options.map((o) => o.Name).join(', ')}.`,
		);
	}
	return option.OptionId;
}

function toStoredValue(store: Store, fn: string, field: CustomField, value: unknown): unknown {
	switch (field.Type) {
		case 'Text':
		case 'TextArea':
			if (typeof value === 'string') return value;
			if (typeof value === 'number' || typeof value === 'boolean') return String(value);
			return badValue(fn, field, `'${field.Name}' must be text, got ${JSON.stringify(value)}.`);
		case 'Number':
		case 'Currency': {
			const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			if (typeof n !== 'number' || !Number.isFinite(n))
				badValue(fn, field, `'${field.Name}' must be a number, got ${JSON.stringify(value)}.`);
			return n;
		}
		case 'Date':
			if (typeof value !== 'string' || !isValidDate(value)) {
				badValue(
					fn,
					field,
					`'${field.Name}' must be a date formatted yyyy-mm-dd, got ${JSON.stringify(value)}.`,
				);
			}
			return value;
		case 'Dropdown':
		case 'RadioList':
			return optionIdFor(fn, field, value);
		case 'Checkbox': {
			if (!Array.isArray(value))
				badValue(
					fn,
					field,
					`'${field.Name}' is a Checkbox field: send an array of option texts, got ${JSON.stringify(value)}.`,
				);
			return [...new Set(value.map((v) => optionIdFor(fn, field, v)))];
		}
		case 'ContactLink':
		case 'FileLink': {
			const [exists, what] =
				field.Type === 'ContactLink'
					? [store.contacts.has(String(value)), 'ContactId of an existing contact']
					: [store.files.has(String(value)), 'FileId of an existing file'];
			if (typeof value !== 'string' || !exists)
				badValue(fn, field, `'${field.Name}' must be the ${what}, got ${JSON.stringify(value)}.`);
			return value;
		}
		default:
			return badValue(
				fn,
				field,
				`'${field.Name}' is a ${field.Type} field and can't be set through the API.`,
			);
	}
}

function isBlank(value: unknown): boolean {
	return (
		value === null ||
		value === undefined ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	);
}

export interface CustomInput {
	store: Store;
	fn: string;
	fields: readonly CustomField[];
	input: Record<string, unknown>;
	existing: CustomValues | null;
	creating: boolean;
	/** "contact", "company", "pipeline item" — used in the unknown-field message. */
	recordLabel: string;
}

/**
 * Validate every custom-field key before anything is written (a 400 must leave the record as it
 * was), then apply: omitted = unchanged, null = cleared. Required fields are enforced on create and
 * cannot be cleared on edit, with LACRM's wording: `'Hunter' field is required for CreatePipelineItem`.
 */
export function applyCustomFieldInput(args: CustomInput): CustomValues | null {
	const { store, fn, fields, input, existing, creating, recordLabel } = args;
	const next: CustomValues = { ...(existing ?? {}) };
	const touched = new Set<string>();
	for (const [key, value] of Object.entries(input)) {
		const field = findFieldByName(fields, key);
		if (!field) {
			throw new ApiError(
				`unknown-field:${fn}`,
				`Unknown field '${key}' for ${fn}: it is neither a parameter of ${fn} nor a custom field of this ${recordLabel}.`,
			);
		}
		if (NOT_WRITABLE.has(field.Type)) {
			throw new ApiError(
				`custom-field-readonly:${fn}`,
				`'${field.Name}' is a ${field.Type} field and can't be set through the API.`,
			);
		}
		touched.add(field.CustomFieldId);
		if (isBlank(value)) delete next[field.CustomFieldId];
		else next[field.CustomFieldId] = toStoredValue(store, fn, field, value);
	}
	for (const field of fields) {
		if (!field.IsRequired || NOT_WRITABLE.has(field.Type)) continue;
		if (isBlank(next[field.CustomFieldId]) && (creating || touched.has(field.CustomFieldId))) {
			throw new ApiError(`required-field:${fn}`, `'${field.Name}' field is required for ${fn}`);
		}
	}
	return Object.keys(next).length > 0 ? next : null;
}

/** The wire value of one stored custom-field value. */
export function renderCustomValue(field: CustomField, stored: unknown): unknown {
	if (stored === undefined || stored === null) return null;
	switch (field.Type) {
		case 'Dropdown':
		case 'RadioList':
			return field.Options.find((o) => o.OptionId === stored)?.Name ?? null;
		case 'Checkbox':
			return (stored as string[])
				.map((id) => field.Options.find((o) => o.OptionId === id)?.Name)
				.filter((n): n is string => n !== undefined);
		default:
			return stored;
	}
}

/** Add every writable custom field of the record type to `out`, keyed by name (null when unset). */
export function renderCustomFields(
	fields: readonly CustomField[],
	values: CustomValues | null,
	out: Record<string, unknown>,
): void {
	for (const field of fields) {
		if (isDisplayOnly(field)) continue;
		out[field.Name] = renderCustomValue(field, values?.[field.CustomFieldId]);
	}
}

/** An AdvancedFilters field for a custom field, typed by the field's Type. */
export function customFieldFilter<R>(
	field: CustomField,
	valuesOf: (record: R) => CustomValues | null,
): FilterField<R> | undefined {
	const stored = (r: R): unknown => valuesOf(r)?.[field.CustomFieldId];
	switch (field.Type) {
		case 'Text':
		case 'TextArea':
			return {
				kind: 'text',
				values: (r) => (typeof stored(r) === 'string' ? [stored(r) as string] : []),
			};
		case 'Dropdown':
		case 'RadioList':
		case 'Checkbox':
			return {
				kind: 'text',
				options: true,
				values: (r) => {
					const v = renderCustomValue(field, stored(r));
					return v === null ? [] : Array.isArray(v) ? (v as string[]) : [v as string];
				},
			};
		case 'Number':
		case 'Currency':
			return {
				kind: 'number',
				value: (r) => (typeof stored(r) === 'number' ? (stored(r) as number) : null),
			};
		case 'Date':
			return {
				kind: 'date',
				nullable: true,
				value: (r) => (typeof stored(r) === 'string' ? (stored(r) as string) : null),
			};
		case 'ContactLink':
		case 'FileLink':
			return {
				kind: 'uid',
				value: (r) => (typeof stored(r) === 'string' ? (stored(r) as string) : null),
			};
		default:
			return undefined;
	}
}
