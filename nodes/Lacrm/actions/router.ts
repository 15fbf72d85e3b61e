/**
 * Runs the chosen operation over the input items: the one place that owns the item loop, reading
 * item i into LACRM parameters, the default LACRM call, bounded concurrency, per-item errors,
 * continueOnFail and pairedItem. An operation file only declares what differs from the default.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { fieldError } from '../helpers/fieldBuilders';
import type {
	BatchItem,
	BatchOutcome,
	ItemInput,
	OperationDefinition,
	OperationOutput,
	PreparedItem,
	ResourceDefinition,
	RunContext,
} from '../helpers/operation';
import type { LacrmClient } from '../transport/client';
import { createClient } from '../transport/client';
import type { LacrmFunctionName, ParametersOf } from '../transport/functions';
import { isListFunction, LACRM_FUNCTIONS } from '../transport/functions';

/** Max Parallel Requests' default. */
export const DEFAULT_CONCURRENCY = 5;

/** The node's execute(): every input item through the chosen operation, outputs paired. */
export async function route(
	this: IExecuteFunctions,
	resources: ResourceDefinition[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = findOperation(resources, resource, operation);
	if (!definition) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for "${resource}"`,
		);
	}
	const authentication = this.getNodeParameter('authentication', 0, 'apiKey') as string;
	const concurrency = this.getNodeParameter(
		'options.concurrency',
		0,
		DEFAULT_CONCURRENCY,
	) as number;
	const rateLimitWaitMinutes = this.getNodeParameter('options.rateLimitWait', 0, 5) as number;
	const client = createClient(this, authentication, {
		concurrency,
		rateLimitWaitMs: rateLimitWaitMinutes * 60_000,
	});
	const continueOnFail = this.continueOnFail();

	// Every item's input is read and checked before the first request: bad input costs no call.
	const prepared: Array<PreparedItem<unknown> | Error> = items.map((_item, itemIndex) => {
		try {
			return prepareItem(definition, itemInput(this, itemIndex));
		} catch (error) {
			if (!continueOnFail) throw forItem(this, error, itemIndex);
			return error as Error;
		}
	});

	const outputs: INodeExecutionData[][] = new Array(items.length);
	if (definition.runBatch) {
		await runBatched(this, definition.runBatch, client, prepared, outputs, continueOnFail);
		return [outputs.flat()];
	}
	await runBounded(
		items.length,
		async () => await client.concurrencyLimit(),
		async (itemIndex) => {
			const input = prepared[itemIndex];
			if (input instanceof Error) {
				outputs[itemIndex] = [errorItem(input, itemIndex)];
				return;
			}
			try {
				const output = await runOperation(definition, { exec: this, client, itemIndex }, input);
				outputs[itemIndex] = toItems(output, itemIndex);
			} catch (error) {
				if (!continueOnFail) throw forItem(this, error, itemIndex);
				outputs[itemIndex] = [errorItem(error as Error, itemIndex)];
			}
		},
	);
	return [outputs.flat()];
}

// --- item i → LACRM parameters -------------------------------------------------------------------

/** Item i's node parameters, read with readable errors. */
function itemInput(exec: IExecuteFunctions, itemIndex: number): ItemInput {
	const input: ItemInput = {
		exec,
		itemIndex,
		node: exec.getNode(),
		timeZone: exec.getTimezone(),
		value: <T>(name: string, fallback?: T) =>
			exec.getNodeParameter(name, itemIndex, fallback, { extractValue: false }) as T,
		read: (field, from) =>
			field.read(from ? from[field.property.name] : input.value(field.property.name), input),
		error: (label, problem, description) => fieldError(input, label, problem, description),
	};
	return input;
}

/** The default "parameters of item i": declared fields, optional fields, fields to clear. */
function prepareItem(definition: OperationDefinition, input: ItemInput): PreparedItem<unknown> {
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
	const prepared: PreparedItem = { parameters, own: undefined };
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
	const own = definition.prepare?.(input, prepared);
	return { ...prepared, own };
}

// --- the LACRM call ------------------------------------------------------------------------------

/** One item's "LACRM call → output": the operation's `run`, or the default call. */
async function runOperation(
	definition: OperationDefinition,
	context: RunContext,
	prepared: PreparedItem<unknown>,
): Promise<OperationOutput> {
	const output = definition.run
		? await definition.run.call(context, prepared)
		: await callLacrm(definition, context, prepared);
	return createsRecord(definition) ? withSentFields(output, prepared) : output;
}

/**
 * The default LACRM call of an operation: one call shaped by `output`, or every page of a list.
 * A `run` that checks something first (reads only) ends with it.
 */
export async function callLacrm<F extends LacrmFunctionName, Own>(
	definition: OperationDefinition<F, Own>,
	context: RunContext,
	prepared: PreparedItem<Own>,
): Promise<OperationOutput> {
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
function withSentFields(output: OperationOutput, prepared: PreparedItem<unknown>): OperationOutput {
	if (prepared.idOnly || Array.isArray(output) || 'json' in output) return output;
	// The id first (it reads first in the editor) and last (a sent field never overwrites it).
	return { ...output, ...prepared.parameters, ...output };
}

// --- the item loop: batching, concurrency, pairing, errors ---------------------------------------

/** Operations LACRM serves in bulk: one runBatch over every valid item, outcomes in order. */
async function runBatched(
	exec: IExecuteFunctions,
	runBatch: NonNullable<OperationDefinition['runBatch']>,
	client: LacrmClient,
	prepared: Array<PreparedItem<unknown> | Error>,
	outputs: INodeExecutionData[][],
	continueOnFail: boolean,
): Promise<void> {
	const batch: Array<BatchItem<unknown>> = [];
	prepared.forEach((input, itemIndex) => {
		if (!(input instanceof Error)) batch.push({ itemIndex, prepared: input });
	});
	const outcomes = batch.length
		? await runBatch.call({ exec, client }, batch)
		: ([] as BatchOutcome[]);
	if (outcomes.length !== batch.length) {
		throw new NodeOperationError(
			exec.getNode(),
			`Internal error: the operation answered ${outcomes.length} of ${batch.length} items`,
		);
	}
	const outcomeOf = new Map(batch.map((entry, position) => [entry.itemIndex, outcomes[position]]));
	prepared.forEach((input, itemIndex) => {
		const outcome = input instanceof Error ? input : outcomeOf.get(itemIndex)!;
		if (outcome instanceof Error) {
			if (!continueOnFail) throw forItem(exec, outcome, itemIndex);
			outputs[itemIndex] = [errorItem(outcome, itemIndex)];
		} else {
			outputs[itemIndex] = toItems(outcome, itemIndex);
		}
	});
}

/**
 * Runs task(0..count-1) with at most `limit()` in flight, asking again each time a slot frees up
 * (an OAuth2 credential becomes eligible for parallel requests once its token is known fresh).
 * On the first failure no new task starts; tasks already running are allowed to finish.
 */
export async function runBounded(
	count: number,
	limit: () => Promise<number>,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const running = new Set<Promise<void>>();
	while (next < count && !failure) {
		const allowed = await limit();
		while (running.size < allowed && next < count && !failure) {
			const index = next++;
			const promise: Promise<void> = task(index)
				.catch((error: unknown) => {
					failure ??= { error };
				})
				.finally(() => running.delete(promise));
			running.add(promise);
		}
		if (running.size > 0) await Promise.race(running);
	}
	await Promise.all(running);
	if (failure) throw failure.error;
}

function toItems(output: OperationOutput, itemIndex: number): INodeExecutionData[] {
	const entries = Array.isArray(output) ? output : [output];
	return entries.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

function isExecutionData(entry: unknown): entry is INodeExecutionData {
	return (
		typeof entry === 'object' &&
		entry !== null &&
		'json' in entry &&
		typeof (entry as IDataObject).json === 'object'
	);
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as { description?: unknown }).description;
	return {
		json: {
			error: error.message,
			...(typeof description === 'string' && description ? { details: description } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

/** Errors carry the item they belong to, so n8n points at the right input. */
function forItem(
	exec: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(exec.getNode(), error as Error, { itemIndex });
}

export function findOperation(
	resources: ResourceDefinition[],
	resource: string,
	operation: string,
): OperationDefinition | undefined {
	return resources
		.find((candidate) => candidate.value === resource)
		?.operations.find((candidate) => candidate.operation === operation);
}
