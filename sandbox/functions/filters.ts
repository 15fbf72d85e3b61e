import { ApiError } from '../core/errors';
import { dateOf, isValidDate, parseDateTime } from '../core/dates';

/**
 * AdvancedFilters (`[{Name, Operation, Value}]`, combined with AND) for GetContacts and
 * GetPipelineItems. LACRM's filter names are account-specific and only partly documented
 * (REFERENCE §9), so names are matched loosely — case, spaces and underscores are ignored, so
 * "First name", "FirstName" and "first_name" are the same filter — and each function supplies
 * its own resolver. Unknown names and operations are a 400, as §9 recommends.
 */

export type FilterField<R> =
	/** Text-like values; a record may have several (emails, checkbox options). */
	| { kind: 'text'; values(record: R): string[]; options?: boolean }
	/** A calendar date (`yyyy-mm-dd`) or null. */
	| { kind: 'date'; value(record: R): string | null; nullable: boolean }
	| { kind: 'number'; value(record: R): number | null }
	| { kind: 'uid'; value(record: R): string | null }
	/** Anything else (Group, Cal, Pipeline): the field builds its own predicate. */
	| {
			kind: 'special';
			operations: readonly string[];
			build(operation: string, value: unknown, fn: string): (record: R) => boolean;
	  };

export type FilterResolver<R> = (normalizedName: string) => FilterField<R> | undefined;

const TEXT_OPS = ['Contains', 'DoesNotContain', 'IsExactly', 'IsNot', 'IsEmpty', 'IsNotEmpty'];
const OPTION_OPS = [...TEXT_OPS, 'IsAnyOf', 'IsNoneOf'];
const DATE_OPS = ['IsExactly', 'IsBefore', 'IsAfter', 'IsBetween'];
const NULLABLE_DATE_OPS = [...DATE_OPS, 'IsEmpty', 'IsNotEmpty'];
const NUMBER_OPS = [
	'IsExactly',
	'IsGreaterThan',
	'IsLessThan',
	'IsBetween',
	'IsEmpty',
	'IsNotEmpty',
];
const UID_OPS = ['IsExactly', 'IsNot'];

export function normalizeFilterName(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function operationsOf<R>(field: FilterField<R>): readonly string[] {
	switch (field.kind) {
		case 'text':
			return field.options ? OPTION_OPS : TEXT_OPS;
		case 'date':
			return field.nullable ? NULLABLE_DATE_OPS : DATE_OPS;
		case 'number':
			return NUMBER_OPS;
		case 'uid':
			return UID_OPS;
		case 'special':
			return field.operations;
	}
}

function badValue(fn: string, name: string, operation: string, expected: string): never {
	throw new ApiError(
		`filter-value:${fn}`,
		`AdvancedFilters: '${name}' ${operation} needs ${expected} as its Value.`,
	);
}

/** IsBetween values: `[from, to]`, or an object with StartDate/EndDate (or Start/End, From/To, Min/Max). */
function rangeOf(value: unknown): [unknown, unknown] | null {
	if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
	if (value && typeof value === 'object') {
		const v = value as Record<string, unknown>;
		for (const [a, b] of [
			['StartDate', 'EndDate'],
			['Start', 'End'],
			['From', 'To'],
			['Min', 'Max'],
		]) {
			if (a in v && b in v) return [v[a], v[b]];
		}
	}
	return null;
}

function toDay(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	if (isValidDate(value)) return value;
	const parsed = parseDateTime(value);
	return parsed ? dateOf(parsed.ms) : null;
}

function toNumber(value: unknown): number | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function textPredicate<R>(
	field: Extract<FilterField<R>, { kind: 'text' }>,
	op: string,
	value: unknown,
	fn: string,
	name: string,
) {
	const valuesOf = (r: R) => field.values(r).filter((v) => v !== '');
	if (op === 'IsEmpty') return (r: R) => valuesOf(r).length === 0;
	if (op === 'IsNotEmpty') return (r: R) => valuesOf(r).length > 0;
	if (op === 'IsAnyOf' || op === 'IsNoneOf') {
		if (!Array.isArray(value)) badValue(fn, name, op, 'an array of texts');
		const wanted = new Set(value.map((v) => String(v).toLowerCase()));
		const any = (r: R) => valuesOf(r).some((v) => wanted.has(v.toLowerCase()));
		return op === 'IsAnyOf' ? any : (r: R) => !any(r);
	}
	if (typeof value !== 'string' && typeof value !== 'number') badValue(fn, name, op, 'a text');
	const needle = String(value).toLowerCase();
	switch (op) {
		case 'Contains':
			return (r: R) => valuesOf(r).some((v) => v.toLowerCase().includes(needle));
		case 'DoesNotContain':
			return (r: R) => !valuesOf(r).some((v) => v.toLowerCase().includes(needle));
		case 'IsExactly':
			return (r: R) => valuesOf(r).some((v) => v.toLowerCase() === needle);
		default: // IsNot
			return (r: R) => !valuesOf(r).some((v) => v.toLowerCase() === needle);
	}
}

/**
 * Date and number filters: empty or not, IsBetween a range, and one comparison each way (`below`
 * and `above` name them: IsBefore/IsAfter, IsLessThan/IsGreaterThan), against values `parse` reads.
 */
function orderedPredicate<R, V extends string | number>(
	valueOf: (record: R) => V | null,
	op: string,
	value: unknown,
	parse: (value: unknown) => V | null,
	words: { one: string; two: string; below: string; above: string },
	fail: (operation: string, expected: string) => never,
) {
	if (op === 'IsEmpty') return (r: R) => valueOf(r) === null;
	if (op === 'IsNotEmpty') return (r: R) => valueOf(r) !== null;
	if (op === 'IsBetween') {
		const range = rangeOf(value);
		const from = range && parse(range[0]);
		const to = range && parse(range[1]);
		if (from === null || to === null) return fail(op, words.two);
		return (r: R) => {
			const v = valueOf(r);
			return v !== null && v >= from && v <= to;
		};
	}
	const target = parse(value);
	if (target === null) return fail(op, words.one);
	if (op === words.below)
		return (r: R) => {
			const v = valueOf(r);
			return v !== null && v < target;
		};
	if (op === words.above)
		return (r: R) => {
			const v = valueOf(r);
			return v !== null && v > target;
		};
	return (r: R) => valueOf(r) === target; // IsExactly
}

const DATE_WORDS = {
	one: 'a date (yyyy-mm-dd)',
	two: 'two dates ([from, to] or {StartDate, EndDate})',
	below: 'IsBefore',
	above: 'IsAfter',
};
const NUMBER_WORDS = {
	one: 'a number',
	two: 'two numbers ([min, max])',
	below: 'IsLessThan',
	above: 'IsGreaterThan',
};

/** Turn AdvancedFilters into one predicate; throws a 400 for anything it does not understand. */
export function compileFilters<R>(
	fn: string,
	filters: unknown,
	resolve: FilterResolver<R>,
): ((record: R) => boolean) | null {
	if (filters === undefined || filters === null) return null;
	if (!Array.isArray(filters))
		throw new ApiError(
			`filter-shape:${fn}`,
			`'AdvancedFilters' must be an array of {Name, Operation, Value} objects.`,
		);
	const predicates: Array<(record: R) => boolean> = [];
	for (const f of filters) {
		if (!f || typeof f !== 'object' || Array.isArray(f)) {
			throw new ApiError(
				`filter-shape:${fn}`,
				`'AdvancedFilters' must be an array of {Name, Operation, Value} objects.`,
			);
		}
		const { Name: name, Operation: op, Value: value = null } = f as Record<string, unknown>;
		if (typeof name !== 'string' || name.trim() === '')
			throw new ApiError(
				`filter-name-missing:${fn}`,
				`AdvancedFilters: every filter needs a Name.`,
			);
		if (typeof op !== 'string' || op.trim() === '')
			throw new ApiError(
				`filter-operation-missing:${fn}`,
				`AdvancedFilters: the filter '${name}' needs an Operation.`,
			);
		const field = resolve(normalizeFilterName(name));
		if (!field)
			throw new ApiError(
				`filter-unknown-name:${fn}`,
				`AdvancedFilters: '${name}' is not a filter available for ${fn}.`,
			);
		const ops = operationsOf(field);
		if (!ops.includes(op)) {
			throw new ApiError(
				`filter-unknown-operation:${fn}`,
				`AdvancedFilters: '${op}' is not a valid Operation for '${name}'. Valid operations: ${ops.join(', ')}.`,
			);
		}
		switch (field.kind) {
			case 'text':
				predicates.push(textPredicate(field, op, value, fn, name));
				break;
			case 'date':
				predicates.push(
					orderedPredicate(field.value, op, value, toDay, DATE_WORDS, (o, e) =>
						badValue(fn, name, o, e),
					),
				);
				break;
			case 'number':
				predicates.push(
					orderedPredicate(field.value, op, value, toNumber, NUMBER_WORDS, (o, e) =>
						badValue(fn, name, o, e),
					),
				);
				break;
			case 'uid': {
				if (typeof value !== 'string') badValue(fn, name, op, 'a Uid');
				predicates.push(
					op === 'IsExactly'
						? (r: R) => field.value(r) === value
						: (r: R) => field.value(r) !== value,
				);
				break;
			}
			case 'special':
				predicates.push(field.build(op, value, fn));
				break;
		}
	}
	if (predicates.length === 0) return null;
	return (record: R) => predicates.every((p) => p(record));
}
