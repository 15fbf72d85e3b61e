import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SPEC_OVERRIDES } from './overrides';

export interface ParamSpec {
	name: string;
	type: string;
	required: boolean;
	default: unknown;
	enum: string[] | null;
	description: string;
	src: string;
}

export interface FunctionSpec {
	function: string;
	entity: string;
	kind: 'create' | 'edit' | 'delete' | 'get' | 'list' | 'search';
	description: string;
	parameters: ParamSpec[];
	paginated: boolean;
	confidence: string;
	notes: string;
	response: { description?: string; example?: unknown };
}

/** The type a yearless-date override gives a Date parameter (validated as a birthday). */
export const YEARLESS_DATE = 'Date (yearless allowed)';

/**
 * The catalogue is read from disk (not imported) so TypeScript does not type-check 100 KB of JSON,
 * and so the sandbox depends on nothing outside the repository.
 */
function loadSpec(): FunctionSpec[] {
	const raw = readFileSync(path.join(__dirname, 'functions.json'), 'utf8');
	const list = JSON.parse(raw) as FunctionSpec[];
	for (const fn of list) {
		const override = SPEC_OVERRIDES[fn.function];
		if (!override) continue;
		for (const p of fn.parameters) {
			if (override.notRequired?.includes(p.name)) p.required = false;
			if (override.yearlessDate?.includes(p.name) && p.type === 'Date') p.type = YEARLESS_DATE;
			const extra = override.extraEnum?.[p.name];
			if (extra && p.enum) p.enum = [...p.enum, ...extra.filter((v) => !p.enum?.includes(v))];
		}
	}
	return list;
}

export const FUNCTION_SPECS: readonly FunctionSpec[] = loadSpec();

export const FUNCTION_SPEC_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(
	FUNCTION_SPECS.map((f) => [f.function, f]),
);
