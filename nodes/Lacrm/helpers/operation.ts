/**
 * What an n8n operation is in this node (types only): its fields, "parameters of item i", and
 * "LACRM call → output items". actions/router.ts runs them and owns everything around that (item
 * loop, concurrency, errors, continueOnFail, pairedItem), so an operation file holds nothing else.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';

import type { LacrmClient } from '../transport/client';
import type { LacrmFunctionName, ParametersOf, ResultOf } from '../transport/functions';
import type { Field, ReadContext, UnsentField } from './fieldBuilders';

/** Everything an operation needs to know about one input item, read and validated up front. */
export interface PreparedItem<Own = undefined> {
	/** LACRM parameters, ready to send. */
	parameters: IDataObject;
	/** List operations: how many results (undefined = all). */
	limit?: number;
	/** Read operations: flatten LACRM's nested shapes. */
	simplify?: boolean;
	/** Create operations: output only the new id (Options → Return Only ID). */
	idOnly?: boolean;
	/** What the operation's own `prepare` read from the item (binary field names, match rules…). */
	own: Own;
}

export type OperationOutput = IDataObject | IDataObject[] | INodeExecutionData[];

export interface RunContext {
	exec: IExecuteFunctions;
	client: LacrmClient;
	itemIndex: number;
}

/** One input item handed to a batched operation: its index in the input and its parameters. */
export interface BatchItem<Own = undefined> {
	itemIndex: number;
	prepared: PreparedItem<Own>;
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
 * `defineOperation`). `Own` is what its `prepare` reads beyond the fields, handed to `run` typed.
 * The defaults, every function and anything read, are what the router handles them as.
 *
 * Hooks, all optional, one calling convention: `prepare(item, prepared)` returns `Own` and never
 * calls LACRM; `run` (this: {exec, client, itemIndex}) replaces the default call for one item;
 * `runBatch` (this: {exec, client}) replaces it for all items at once; `output(result, prepared)`
 * shapes the default call's result. Everything else is declared data.
 */
export interface OperationDefinition<
	F extends LacrmFunctionName = LacrmFunctionName,
	Own = unknown,
> {
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
	/**
	 * Reads item i beyond the declared fields (defaults: fields only): checks across fields, edits
	 * `prepared.parameters`, and returns what `run` needs besides them (`prepared.own`).
	 */
	prepare?(item: ItemInput, prepared: PreparedItem): Own;
	/** Calls LACRM for one item (defaults: one call, or every page for list operations). */
	run?(this: RunContext, prepared: PreparedItem<Own>): Promise<OperationOutput>;
	/**
	 * Handles all items at once, for functions LACRM offers in bulk (one GetContactsById for many
	 * Gets). Returns one outcome per item, in the order given; an Error fails only its own item.
	 * Replaces `run`; the router still owns errors, continueOnFail and pairedItem.
	 */
	runBatch?(this: BatchContext, items: Array<BatchItem<Own>>): Promise<BatchOutcome[]>;
	/** Shapes the default call's result (defaults: the result as LACRM sent it). */
	output?(result: ResultOf<F>, prepared: PreparedItem<Own>): IDataObject | IDataObject[];
}

/**
 * States an operation's LACRM function once; its fields, fixed parameters and output are checked
 * against it, and what its `prepare` returns types `prepared.own` in `run`.
 */
export function defineOperation<F extends LacrmFunctionName, Own = undefined>(
	definition: OperationDefinition<F, Own>,
): OperationDefinition<F, Own> {
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

/** Access to one item's node parameters, with readable errors (made by the router for item i). */
export interface ItemInput extends ReadContext {
	readonly exec: IExecuteFunctions;
	/** The node parameter `name` of this item, as entered (resource locators unresolved). */
	value<T = unknown>(name: string, fallback?: T): T;
	/** Reads a declared field from the top level or from an optional-fields collection. */
	read(field: Field, from?: IDataObject): unknown;
	/** A NodeOperationError naming the field, for this item. */
	error(label: string, problem: string, description?: string): NodeOperationError;
}
