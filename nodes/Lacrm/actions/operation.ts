/**
 * What an n8n operation is in this node: its fields, "parameters of item i", and "LACRM call →
 * output items". The router owns everything around that (item loop, concurrency, errors,
 * continueOnFail, pairedItem), so an operation file holds nothing else.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { LacrmClient } from '../transport/client';
import type { LacrmFunctionName, ParametersOf, ResultOf } from '../transport/functions';
import { isListFunction, LACRM_FUNCTIONS } from '../transport/functions';
import type { Field, ReadContext, UnsentField } from '../helpers/fieldBuilders';
import { fieldError } from '../helpers/fieldBuilders';

/** Everything an operation needs to know about one input item, read and validated up front. */
export interface PreparedItem {
	/** LACRM parameters, ready to send. */
	parameters: IDataObject;
	/** List operations: how many results (undefined = all). */
	limit?: number;
	/** Read operations: flatten LACRM's nested shapes. */
	simplify?: boolean;
	/** Create operations: output only the new id (Options → Return Only ID). */
	idOnly?: boolean;
	/** Anything else the operation read (binary property names, options…). */
	extra: IDataObject;
}

export type OperationOutput = IDataObject | IDataObject[] | INodeExecutionData[];

export interface RunContext {
	exec: IExecuteFunctions;
	client: LacrmClient;
	itemIndex: number;
}

/** One input item handed to a batched operation: its index in the input and its parameters. */
export interface BatchItem {
	itemIndex: number;
	prepared: PreparedItem;
}

export interface BatchContext {
	exec: IExecuteFunctions;
	client: LacrmClient;
}

/** What a batched operation gives back for one item: its output, or that item's own error. */
export type BatchOutcome = OperationOutput | Error;

/** A field of an operation calling `F`: it fills one of F's parameters, or none. */
export type FieldOf<F extends LacrmFunctionName> = Field<ParameterName<F>> | UnsentField;

/** The LACRM parameters of `F`, by name: what an operation's fields may fill (any function's, for a union). */
export type ParameterName<F extends LacrmFunctionName> = F extends LacrmFunctionName
	? keyof ParametersOf<F> & string
	: never;

/**
 * `F` is the LACRM function the operation calls: its fields may only fill that function's
 * parameters and its `output` only reads that function's result (state it once with
 * `defineOperation`). The default, every function, is what the router handles them as.
 */
export interface OperationDefinition<F extends LacrmFunctionName = LacrmFunctionName> {
	/** The Operation dropdown's value, e.g. "create". */
	operation: string;
	/** The Operation dropdown's label, e.g. "Create". */
	name: string;
	/** The action label n8n shows in the nodes panel and to AI agents, e.g. "Create a contact". */
	action: string;
	/** What it does and which ids it needs or gives — AI agents choose operations by this. */
	description: string;
	/** The LACRM function this operation calls. */
	fn: F;
	/** Other LACRM functions it may call (upsert, timeline…); used by docs and coverage tests. */
	alsoCalls?: LacrmFunctionName[];
	/** Top-level fields, in display order. */
	fields?: Array<FieldOf<F>>;
	/** Optional fields, grouped in a collection. */
	optional?: {
		name: 'additionalFields' | 'updateFields' | 'filters';
		displayName: string;
		fields: Array<FieldOf<F>>;
	};
	/**
	 * Keys of optional fields shown at the top of the form, above the optional collection (node
	 * version 2 on; version 1 keeps them in the collection, where saved workflows have them).
	 */
	promoted?: Array<ParameterName<F>>;
	/**
	 * LACRM parameters that shape a list rather than filter it (sorting): under Options from node
	 * version 2 on; version 1 keeps them in the optional collection, where saved workflows have them.
	 */
	optionFields?: Array<FieldOf<F>>;
	/** Edit operations: offer "Fields to Clear" for optional fields LACRM may blank (sent as null). */
	clearable?: boolean;
	/** List operations: add Return All / Limit. */
	list?: boolean;
	/** Read operations: add a Simplify toggle using this function. */
	simplify?: (record: IDataObject) => IDataObject;
	/** Parameters always sent, whatever the user entered (e.g. IsCompany for the Company resource). */
	fixed?: Partial<ParametersOf<F>>;
	/** Extra n8n parameters this operation reads itself in `prepare`. */
	properties?: INodeProperties[];
	/** Operation-specific entries of its Options collection. */
	options?: INodeProperties[];
	/** Reads item i beyond the declared fields (defaults: fields only). Never calls LACRM. */
	prepare?: (input: ItemInput, prepared: PreparedItem) => void;
	/** Reads from LACRM what the input must agree with, before the call that writes (may throw). */
	verify?: (this: RunContext, prepared: PreparedItem) => Promise<void>;
	/**
	 * Handles all items at once, for functions LACRM offers in bulk (one GetContactsById for many
	 * Gets). Returns one outcome per item, in the order given; an Error fails only its own item.
	 * Replaces `run`; the router still owns errors, continueOnFail and pairedItem.
	 */
	runBatch?: (this: BatchContext, items: BatchItem[]) => Promise<BatchOutcome[]>;
	/** Calls LACRM (defaults: one call, or every page for list operations). */
	run?: (this: RunContext, prepared: PreparedItem) => Promise<OperationOutput>;
	/**
	 * Shapes a single call's result (defaults: the result as LACRM sent it). A method, so that an
	 * operation reading its own function's result still counts as an OperationDefinition.
	 */
	output?(result: ResultOf<F>, prepared: PreparedItem): IDataObject | IDataObject[];
}

/** States an operation's LACRM function once; its fields, fixed parameters and output are checked against it. */
export function defineOperation<F extends LacrmFunctionName>(
	definition: OperationDefinition<F>,
): OperationDefinition<F> {
	return definition;
}

export interface ResourceDefinition {
	/** The Resource dropdown's value, e.g. "contact". */
	value: string;
	name: string;
	description?: string;
	operations: OperationDefinition[];
	/** The operation preselected when the resource is picked. */
	defaultOperation: string;
}

/**
 * The parameters item i sends to `fn`, as `fn` takes them. They were built at run time from the
 * operation's fields and `fixed` parameters, whose keys and values are checked against
 * ParametersOf<F> at compile time (`FieldOf<F>`), and — for the functions that take them —
 * custom-field values keyed by display name, which no static type can name. TypeScript cannot
 * follow a record built key by key in a loop, so this is the one place on the request path that
 * asserts the parameters' type.
 */
export function parametersFor<F extends LacrmFunctionName>(
	_fn: F,
	parameters: IDataObject,
): ParametersOf<F> {
	return parameters as ParametersOf<F>;
}

/** Access to one item's node parameters, with readable errors. */
export class ItemInput implements ReadContext {
	readonly node;

	readonly timeZone: string;

	constructor(
		readonly exec: IExecuteFunctions,
		readonly itemIndex: number,
	) {
		this.node = exec.getNode();
		this.timeZone = exec.getTimezone();
	}

	value<T = unknown>(name: string, fallback?: T): T {
		return this.exec.getNodeParameter(name, this.itemIndex, fallback, {
			extractValue: false,
		}) as T;
	}

	/** Reads a declared field from the top level or from an optional-fields collection. */
	read(field: Field, from?: IDataObject): unknown {
		const raw = from ? from[field.property.name] : this.value(field.property.name, undefined);
		return field.read(raw, this);
	}

	error(label: string, problem: string, description?: string) {
		return fieldError(this, label, problem, description);
	}
}

/** The default "parameters of item i": declared fields, optional fields, fields to clear. */
export function prepareItem(definition: OperationDefinition, input: ItemInput): PreparedItem {
	const parameters: IDataObject = {};
	for (const field of definition.fields ?? []) {
		const value = input.read(field);
		if (value !== undefined) parameters[field.key] = value;
	}
	if (definition.optional) {
		const collection = input.value<IDataObject>(definition.optional.name, {});
		for (const field of definition.optional.fields) {
			// Promoted fields: at the top (version 2 on) or in the collection (version 1).
			const top = definition.promoted?.includes(field.key)
				? input.value<unknown>(field.property.name, null)
				: null;
			if (top !== null && top !== undefined) {
				const value = field.read(top, input);
				if (value !== undefined) parameters[field.key] = value;
				continue;
			}
			if (!(field.property.name in collection)) continue;
			const value = input.read(field, collection);
			if (value !== undefined) parameters[field.key] = value;
		}
	}
	if (definition.optionFields) {
		const options = input.value<IDataObject>('options', {});
		// Version 1 offers sorting in the optional collection.
		const saved = definition.optional ? input.value<IDataObject>(definition.optional.name, {}) : {};
		for (const field of definition.optionFields) {
			const from = field.property.name in options ? options : saved;
			if (!(field.property.name in from)) continue;
			const value = input.read(field, from);
			if (value !== undefined) parameters[field.key] = value;
		}
	}
	if (definition.clearable) {
		const toClear = input.value<string[]>('fieldsToClear', []);
		for (const name of toClear) {
			const field = definition.optional?.fields.find(
				(candidate) => candidate.property.name === name,
			);
			if (!field) continue;
			if (parameters[field.key] !== undefined) {
				throw input.error(
					'Fields to Clear',
					`"${field.property.displayName}" is both set and cleared; choose one`,
				);
			}
			parameters[field.key] = null;
		}
	}
	Object.assign(parameters, definition.fixed);
	const prepared: PreparedItem = { parameters, extra: {} };
	if (definition.list) {
		const returnAll = input.value<boolean>('returnAll', false);
		prepared.limit = returnAll ? undefined : input.value<number>('limit', 50);
		if (prepared.limit !== undefined && (!Number.isInteger(prepared.limit) || prepared.limit < 1)) {
			throw input.error(
				'Limit',
				`must be a whole number of at least 1 (got ${String(prepared.limit)})`,
			);
		}
	}
	if (definition.simplify) prepared.simplify = input.value<boolean>('simplify', true);
	if (createsRecord(definition)) prepared.idOnly = input.value<boolean>('options.idOnly', false);
	definition.prepare?.(input, prepared);
	return prepared;
}

/**
 * Operations that create a record with an id of its own (a group membership has none). LACRM
 * answers them with the new id only; the node outputs the record (Options → Return Only ID).
 */
export function createsRecord(definition: OperationDefinition): boolean {
	return (
		LACRM_FUNCTIONS[definition.fn].kind === 'create' && definition.fn !== 'CreateGroupMembership'
	);
}

/**
 * A created record as the node outputs it without an extra call: its new id plus the fields as
 * sent. Contacts and companies are read back instead (their create operation does it in bulk).
 */
function withSentFields(output: OperationOutput, prepared: PreparedItem): OperationOutput {
	if (prepared.idOnly || Array.isArray(output) || 'json' in output) return output;
	// The id first (it reads first in the editor) and last (a sent field never overwrites it).
	return { ...output, ...prepared.parameters, ...output };
}

/** The default "LACRM call → output": one call, or every page of a list. */
export async function runOperation(
	definition: OperationDefinition,
	context: RunContext,
	prepared: PreparedItem,
): Promise<OperationOutput> {
	await definition.verify?.call(context, prepared);
	const output = await callLacrm(definition, context, prepared);
	return createsRecord(definition) ? withSentFields(output, prepared) : output;
}

async function callLacrm(
	definition: OperationDefinition,
	context: RunContext,
	prepared: PreparedItem,
): Promise<OperationOutput> {
	if (definition.run) return await definition.run.call(context, prepared);
	const { client, itemIndex } = context;
	const { fn } = definition;
	if (definition.list && isListFunction(fn)) {
		const records = (await client.callAll(fn, parametersFor(fn, prepared.parameters), {
			limit: prepared.limit,
			itemIndex,
		})) as IDataObject[];
		return prepared.simplify && definition.simplify ? records.map(definition.simplify) : records;
	}
	const result = (await client.call(fn, parametersFor(fn, prepared.parameters), {
		itemIndex,
	})) as IDataObject;
	if (definition.output) return definition.output(result, prepared);
	if (prepared.simplify && definition.simplify) return definition.simplify(result);
	return result;
}
