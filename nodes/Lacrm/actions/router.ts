/**
 * Runs the chosen operation over the input items. The one place that owns the item loop,
 * bounded concurrency, per-item errors, continueOnFail and pairedItem.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LacrmClient } from '../transport/client';
import { credentialTypeFor } from '../transport/credentials';
import { DEFAULT_CONCURRENCY } from './description';
import type {
	BatchItem,
	BatchOutcome,
	OperationDefinition,
	OperationOutput,
	PreparedItem,
	ResourceDefinition,
} from './operation';
import { ItemInput, prepareItem, runOperation } from './operation';
import { runBounded } from '../helpers/bounded';

export function findOperation(
	resources: ResourceDefinition[],
	resource: string,
	operation: string,
): OperationDefinition | undefined {
	return resources
		.find((candidate) => candidate.value === resource)
		?.operations.find((candidate) => candidate.operation === operation);
}

function isExecutionData(entry: unknown): entry is INodeExecutionData {
	return (
		typeof entry === 'object' &&
		entry !== null &&
		'json' in entry &&
		typeof (entry as IDataObject).json === 'object'
	);
}

function toItems(output: OperationOutput, itemIndex: number): INodeExecutionData[] {
	const entries = Array.isArray(output) ? output : [output];
	return entries.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
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

/** Operations LACRM serves in bulk: one runBatch over every valid item, outcomes put back in order. */
async function runBatched(
	exec: IExecuteFunctions,
	runBatch: NonNullable<OperationDefinition['runBatch']>,
	client: LacrmClient,
	prepared: Array<PreparedItem | Error>,
	outputs: INodeExecutionData[][],
	continueOnFail: boolean,
): Promise<void> {
	const batch: BatchItem[] = [];
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
	const client = new LacrmClient(this, credentialTypeFor(authentication), {
		concurrency,
		rateLimitWaitMs: rateLimitWaitMinutes * 60_000,
	});
	const continueOnFail = this.continueOnFail();

	// Every item's input is read and checked before the first request: bad input costs no call.
	const prepared: Array<PreparedItem | Error> = items.map((_item, itemIndex) => {
		try {
			return prepareItem(definition, new ItemInput(this, itemIndex));
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
