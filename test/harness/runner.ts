/**
 * Runs a workflow through n8n-core's real WorkflowExecute.
 *
 * Every execution is started the way n8n's WorkflowRunner starts a trigger/webhook-started
 * one: the start node and the data it emitted go on the execution stack
 * (`runExecutionData.executionData.nodeExecutionStack`) and
 * `new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow)`
 * runs it. For a node type with `webhook`, `trigger` or `poll`, WorkflowExecute passes that data
 * through (outside manual mode); in manual mode it calls the trigger/poll itself, as the editor's
 * "Execute workflow" does. `processRunExecutionData` has the same signature in n8n-core 1.x and
 * 2.x (`run()` does not: positional in 1.x, an options object in 2.x), which is why it is used.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	IRunData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { buildAdditionalData, buildHooks, workflowBase } from './additional-data';
import type { CredentialStore } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { registerEngineShutdown } from './engine';
import type { HarnessStartItems } from './node-types';
import type { HarnessNodeTypes } from './node-types';

// Registered here once for every module that runs executions (poll, webhook-server import this one).
registerEngineShutdown();

/**
 * A workflow as n8n stores it. When a harness function persists static data (after a
 * non-manual execution, an activation, a webhook call or a poll), it REPLACES `staticData` on
 * this object with a plain JSON copy — the object plays the role of the database row.
 */
export interface HarnessWorkflow {
	id?: string;
	name?: string;
	active?: boolean;
	nodes: INode[];
	connections: IConnections;
	staticData?: IDataObject;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export type HarnessMode = 'manual' | 'trigger' | 'webhook' | 'internal';

export type StartItem = INodeExecutionData | IDataObject;

export interface StartData {
	/** The node the execution starts from (a trigger / webhook / poll node usually). */
	nodeName: string;
	/** Items the start node emitted on its first output. */
	items?: StartItem[];
	/** Or: items per output (what `webhook()` returns as `workflowData`). */
	outputs?: StartItem[][];
}

export interface RunOptions {
	/** A shared HarnessCredentialsHelper (share ONE across concurrent runs) or a plain store. */
	credentials?: HarnessCredentialsHelper | CredentialStore;
	nodeTypes: HarnessNodeTypes;
	/** Default: 'manual' without startData; with startData 'webhook' for a webhook node, else 'trigger'. */
	mode?: HarnessMode;
	startData?: StartData;
	executionId?: string;
	/** Base URL getNodeWebhookUrl & co. build on (the webhook server's URL). */
	instanceBaseUrl?: string;
	/**
	 * Persist changed static data into the workflow object after the run (n8n saves it in the
	 * workflowExecuteAfter hook, except for manual executions). Default: mode !== 'manual'.
	 */
	persistStaticData?: boolean;
	/** The object playing the database row for static data (default: the definition itself). */
	record?: HarnessWorkflow;
}

export interface WorkflowRunResult {
	executionId: string;
	mode: HarnessMode;
	run: IRun;
	status: IRun['status'];
	/** n8n's `finished`: true only for a successful, not-waiting execution. */
	finished: boolean;
	error?: ExecutionBaseError;
	runData: IRunData;
	lastNodeExecuted?: string;
	/** Node names in the order they finished. */
	nodesExecuted: string[];
	/** The execution's static data at the end (plain copy). */
	staticData: IDataObject;
	/** Items of one output of one run of a node (undefined when the node did not run). */
	output(
		nodeName: string,
		runIndex?: number,
		outputIndex?: number,
	): INodeExecutionData[] | undefined;
	/** The `json` of `output(nodeName, runIndex, outputIndex)` ([] when none). */
	itemsOf(nodeName: string, runIndex?: number, outputIndex?: number): IDataObject[];
	/** The error recorded on a node's run, if any. */
	nodeError(nodeName: string, runIndex?: number): ExecutionBaseError | undefined;
}

let executionCounter = 0;

/** A new execution id, unique within the test process. */
export function nextExecutionId(): string {
	executionCounter++;
	return `harness-${executionCounter}`;
}

export const DEFAULT_WORKFLOW_ID = 'harness-workflow';

/** Plain JSON copy (static data and node definitions are JSON in n8n's database). */
export function jsonCopy<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function toCredentialsHelper(
	credentials: HarnessCredentialsHelper | CredentialStore | undefined,
): HarnessCredentialsHelper {
	if (credentials instanceof HarnessCredentialsHelper) return credentials;
	return new HarnessCredentialsHelper(credentials ?? {});
}

/** A fresh n8n `Workflow` over copies of the definition (n8n builds one per execution from the DB). */
export function buildWorkflow(definition: HarnessWorkflow, nodeTypes: HarnessNodeTypes): Workflow {
	return new Workflow({
		id: definition.id ?? DEFAULT_WORKFLOW_ID,
		name: definition.name ?? definition.id ?? DEFAULT_WORKFLOW_ID,
		nodes: jsonCopy(definition.nodes),
		connections: jsonCopy(definition.connections),
		active: definition.active ?? false,
		nodeTypes,
		staticData: jsonCopy(definition.staticData ?? {}),
		settings: { executionOrder: 'v1', ...(definition.settings ?? {}) },
		pinData: jsonCopy(definition.pinData),
	});
}

/** Plain copy of a Workflow's (observable) static data, without n8n's change marker. */
export function staticDataOf(workflow: Workflow): IDataObject {
	return jsonCopy(workflow.staticData as IDataObject) ?? {};
}

/** n8n's WorkflowStaticDataService.saveStaticData: save when changed, then reset the marker. */
export function persistIfChanged(workflow: Workflow, record: HarnessWorkflow): boolean {
	const observable = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	if (observable.__dataChanged !== true) return false;
	record.staticData = staticDataOf(workflow);
	observable.__dataChanged = false;
	return true;
}

function toItem(item: StartItem): INodeExecutionData {
	const candidate = item as INodeExecutionData;
	if (
		candidate &&
		typeof candidate.json === 'object' &&
		candidate.json !== null &&
		!Array.isArray(candidate.json)
	) {
		return candidate;
	}
	return { json: item as IDataObject };
}

function resolveStart(
	workflow: Workflow,
	nodeTypes: HarnessNodeTypes,
	startData: StartData | undefined,
	mode: HarnessMode,
): { node: INode; outputs: INodeExecutionData[][] } {
	if (startData) {
		const node = workflow.getNode(startData.nodeName);
		if (!node)
			throw new Error(`Harness: start node "${startData.nodeName}" is not in the workflow`);
		const outputs = startData.outputs
			? startData.outputs.map((items) => items.map(toItem))
			: [(startData.items ?? [{ json: {} }]).map(toItem)];
		return { node, outputs: jsonCopy(outputs) };
	}
	const node = workflow.getStartNode();
	if (!node) throw new Error('Harness: no node to start the workflow from could be found');
	const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as ReturnType<
		HarnessNodeTypes['getByNameAndVersion']
	> &
		HarnessStartItems;
	const items =
		mode !== 'manual' && type.harnessStartItems ? type.harnessStartItems() : [{ json: {} }];
	return { node, outputs: [items] };
}

function defaultMode(
	workflow: Workflow,
	nodeTypes: HarnessNodeTypes,
	startData?: StartData,
): HarnessMode {
	if (!startData) return 'manual';
	const node = workflow.getNode(startData.nodeName);
	if (node && nodeTypes.getByNameAndVersion(node.type, node.typeVersion).webhook) return 'webhook';
	return 'trigger';
}

/**
 * Run one execution of `definition` through n8n-core's WorkflowExecute. Run several at once with
 * Promise.all; pass the same HarnessCredentialsHelper to all of them so they share one store.
 */
export async function runWorkflow(
	definition: HarnessWorkflow,
	options: RunOptions,
): Promise<WorkflowRunResult> {
	const { nodeTypes } = options;
	const credentialsHelper = toCredentialsHelper(options.credentials);
	const workflow = buildWorkflow(definition, nodeTypes);
	const mode = options.mode ?? defaultMode(workflow, nodeTypes, options.startData);
	const executionId = options.executionId ?? nextExecutionId();
	const persist = options.persistStaticData ?? mode !== 'manual';

	const { node: startNode, outputs } = resolveStart(workflow, nodeTypes, options.startData, mode);

	const recorder = buildHooks(
		mode,
		executionId,
		workflowBase(workflow, definition.nodes),
		(_run, newStaticData) => {
			if (persist && newStaticData)
				(options.record ?? definition).staticData = jsonCopy(newStaticData);
		},
	);
	const additionalData = buildAdditionalData({
		credentialsHelper,
		executionId,
		workflowId: workflow.id,
		hooks: recorder.hooks,
		instanceBaseUrl: options.instanceBaseUrl,
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: outputs }, source: null }],
		},
		resultData: { pinData: workflow.pinData },
	});

	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	return toResult(run, executionId, mode, recorder.nodesExecuted, staticDataOf(workflow));
}

export function toResult(
	run: IRun,
	executionId: string,
	mode: HarnessMode,
	nodesExecuted: string[],
	staticData: IDataObject,
): WorkflowRunResult {
	const runData = run.data.resultData.runData;
	const output = (nodeName: string, runIndex = 0, outputIndex = 0) => {
		const task = runData[nodeName]?.[runIndex];
		const main = task?.data?.main;
		if (!main) return undefined;
		return main[outputIndex] ?? undefined;
	};
	return {
		executionId,
		mode,
		run,
		status: run.status,
		finished: run.finished === true,
		error: run.data.resultData.error,
		runData,
		lastNodeExecuted: run.data.resultData.lastNodeExecuted,
		nodesExecuted,
		staticData,
		output,
		itemsOf: (nodeName, runIndex = 0, outputIndex = 0) =>
			(output(nodeName, runIndex, outputIndex) ?? []).map((item) => item.json),
		nodeError: (nodeName, runIndex = 0) => runData[nodeName]?.[runIndex]?.error,
	};
}
