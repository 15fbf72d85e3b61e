import { ApiError } from './core/errors';
import { isValidDate, normalizeBirthday, parseDateTime } from './core/dates';
import type { FunctionSpec, ParamSpec } from './spec';
import { YEARLESS_DATE } from './spec';

/**
 * ONE validator for all 79 functions, driven by spec/functions.json: presence of required
 * parameters, the parameter's type, and enum membership. Rules that depend on the account's data
 * (does this contact exist? is this a custom field?) belong to the handlers.
 */

type ParamKind =
	| 'uid'
	| 'text'
	| 'number'
	| 'bool'
	| 'enum'
	| 'date'
	| 'yearlessDate'
	| 'datetime'
	| 'uidArray'
	| 'textArray'
	| 'multiText'
	| 'array'
	| 'object'
	| 'arrayOrObject'
	| 'file'
	| 'custom';

interface CompiledParam {
	name: string;
	kind: ParamKind;
	required: boolean;
	enumValues: ReadonlySet<string> | null;
	defaultValue: unknown;
}

export interface CompiledFunction {
	name: string;
	spec: FunctionSpec;
	params: CompiledParam[];
	byName: ReadonlyMap<string, CompiledParam>;
	/** The spec lists a `<Custom field name>` pseudo-parameter: unknown keys are custom fields. */
	acceptsCustomFields: boolean;
}

function kindOf(p: ParamSpec): ParamKind {
	const t = p.type;
	if (t.startsWith('depends')) return 'custom';
	if (t.startsWith('File')) return 'file';
	if (t === 'Uid' || t === 'Uid (UserId)' || t === 'Text (Uid)') return 'uid';
	if (t === 'Enum') return 'enum';
	if (t === 'Text') return p.enum ? 'enum' : 'text';
	if (t === 'Number') return 'number';
	if (t === 'Bool') return 'bool';
	if (t === 'Date') return 'date';
	if (t === YEARLESS_DATE) return 'yearlessDate';
	if (t === 'DateTime') return 'datetime';
	if (t === 'Array of Uids') return 'uidArray';
	if (t === 'Array of Text') return 'textArray';
	if (t.startsWith('Text | Array')) return 'multiText';
	if (t === 'Array/Object') return 'arrayOrObject';
	if (t.startsWith('Array')) return 'array';
	if (t.startsWith('Object')) return 'object';
	throw new Error(`spec/functions.json: parameter type '${t}' of ${p.name} has no validation rule`);
}

export function compileFunction(spec: FunctionSpec): CompiledFunction {
	const params: CompiledParam[] = [];
	let acceptsCustomFields = false;
	for (const p of spec.parameters) {
		const kind = kindOf(p);
		if (kind === 'custom') {
			acceptsCustomFields = true;
			continue;
		}
		params.push({
			name: p.name,
			kind,
			required: p.required,
			enumValues: p.enum ? new Set(p.enum) : null,
			defaultValue: p.default,
		});
	}
	return {
		name: spec.function,
		spec,
		params,
		byName: new Map(params.map((p) => [p.name, p])),
		acceptsCustomFields,
	};
}

function fail(fn: string, param: string, what: string, message: string): never {
	throw new ApiError(`${what}:${fn}:${param}`, message);
}

const UID_RE = /^\d{1,40}$/;

function coerceUid(fn: string, name: string, value: unknown): string {
	if (typeof value === 'string' && UID_RE.test(value.trim())) return value.trim();
	if (typeof value === 'number') {
		// A 31-digit id sent as a JSON number has already lost digits; say so instead of "not found".
		if (Number.isSafeInteger(value) && value >= 0) return String(value);
		fail(
			fn,
			name,
			'uid-number',
			`'${name}' must be sent as a string: ${value} is not an exact integer (Uids are 31-digit numeric strings).`,
		);
	}
	return fail(
		fn,
		name,
		'invalid-uid',
		`'${name}' must be a Uid (a numeric string), got ${JSON.stringify(value)}.`,
	);
}

function coerceText(fn: string, name: string, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fail(fn, name, 'invalid-text', `'${name}' must be text, got ${JSON.stringify(value)}.`);
}

/** Text in a form `valid` accepts (a date, a date-time): else the error says it must be `expected`. */
function checkedText(
	fn: string,
	name: string,
	value: unknown,
	valid: (text: string) => boolean,
	code: string,
	expected: string,
): string {
	const text = coerceText(fn, name, value);
	if (!valid(text))
		fail(fn, name, code, `'${name}' must be ${expected}, got ${JSON.stringify(value)}.`);
	return text;
}

function checkEnum(fn: string, p: CompiledParam, value: string): string {
	if (p.enumValues && !p.enumValues.has(value)) {
		fail(
			fn,
			p.name,
			'invalid-enum',
			`'${value}' is not a valid value for '${p.name}'. Valid values: ${[...p.enumValues].join(', ')}.`,
		);
	}
	return value;
}

function coerce(fn: string, p: CompiledParam, value: unknown): unknown {
	const name = p.name;
	switch (p.kind) {
		case 'uid':
			return coerceUid(fn, name, value);
		case 'text':
			return coerceText(fn, name, value);
		case 'enum':
			return checkEnum(fn, p, coerceText(fn, name, value));
		case 'number': {
			const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			if (typeof n !== 'number' || !Number.isFinite(n))
				fail(
					fn,
					name,
					'invalid-number',
					`'${name}' must be a number, got ${JSON.stringify(value)}.`,
				);
			return n;
		}
		case 'bool':
			// PHP-style leniency for the forms a query string or a loose client produces.
			if (typeof value === 'boolean') return value;
			if (value === 1 || value === '1' || value === 'true') return true;
			if (value === 0 || value === '0' || value === 'false') return false;
			return fail(
				fn,
				name,
				'invalid-bool',
				`'${name}' must be true or false, got ${JSON.stringify(value)}.`,
			);
		case 'date':
			return checkedText(
				fn,
				name,
				value,
				isValidDate,
				'invalid-date',
				'a date formatted yyyy-mm-dd',
			);
		case 'yearlessDate': {
			const date = normalizeBirthday(coerceText(fn, name, value));
			if (date === null)
				fail(
					fn,
					name,
					'invalid-date',
					`'${name}' must be a date formatted yyyy-mm-dd (without a year: 0000-mm-dd or m-d), got ${JSON.stringify(value)}.`,
				);
			return date;
		}
		case 'datetime':
			return checkedText(
				fn,
				name,
				value,
				(text) => Boolean(parseDateTime(text)),
				'invalid-datetime',
				'a date and time (ISO 8601, e.g. 2025-01-15T14:00:00-06:00)',
			);
		case 'uidArray':
			if (!Array.isArray(value))
				fail(fn, name, 'invalid-array', `'${name}' must be an array of Uids.`);
			return value.map((v) => coerceUid(fn, name, v));
		case 'textArray':
			if (!Array.isArray(value)) fail(fn, name, 'invalid-array', `'${name}' must be an array.`);
			return value.map((v) => checkEnum(fn, p, coerceText(fn, name, v)));
		case 'multiText':
			if (typeof value === 'string') return value;
			if (
				Array.isArray(value) &&
				value.every(
					(v) =>
						typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v)),
				)
			) {
				return value;
			}
			return fail(
				fn,
				name,
				'invalid-multi',
				`'${name}' must be a string, an array of strings or an array of {Text, Type} objects.`,
			);
		case 'array':
			if (!Array.isArray(value)) fail(fn, name, 'invalid-array', `'${name}' must be an array.`);
			return value;
		case 'object':
			if (typeof value !== 'object' || value === null || Array.isArray(value))
				fail(fn, name, 'invalid-object', `'${name}' must be an object.`);
			return value;
		case 'arrayOrObject':
			if (typeof value !== 'object' || value === null)
				fail(fn, name, 'invalid-object', `'${name}' must be an array or an object.`);
			return value;
		default:
			return value;
	}
}

export interface ValidatedParameters {
	/** Known parameters, coerced. Absent stays absent; explicit null stays null (edits: "clear"). */
	params: Record<string, unknown>;
	/** Keys the spec does not list (custom fields, for the functions that take them). */
	extras: Record<string, unknown>;
}

function isMissing(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

export function validateParameters(
	fn: CompiledFunction,
	raw: Record<string, unknown>,
): ValidatedParameters {
	const params: Record<string, unknown> = {};
	const extras: Record<string, unknown> = {};
	const isEdit = fn.spec.kind === 'edit';
	for (const p of fn.params) {
		const value = raw[p.name];
		if (p.kind === 'file') continue; // the multipart part, checked by CreateFile itself
		if (p.required && isMissing(value)) {
			fail(
				fn.name,
				p.name,
				'missing-parameter',
				`'${p.name}' parameter is required for ${fn.name}.`,
			);
		}
		if (value === undefined || (value === null && !isEdit)) {
			if (!isEdit && p.defaultValue !== null && p.defaultValue !== undefined)
				params[p.name] = p.defaultValue;
			continue;
		}
		params[p.name] = value === null ? null : coerce(fn.name, p, value);
	}
	for (const key of Object.keys(raw)) {
		if (!fn.byName.has(key)) extras[key] = raw[key];
	}
	return { params, extras };
}
