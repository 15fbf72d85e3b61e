/**
 * Runs a polling trigger's `poll()` once in n8n-core's real PollContext, like one tick of n8n's
 * ActiveWorkflows poller (trigger mode) or the editor's "fetch test event" (manual mode).
 *
 * Static data: every poll builds a fresh Workflow over the STORED static data; after a
 * successful trigger-mode poll (items or null) the changed static data is persisted into the
 * workflow record, so the next poll sees the cursor. A poll that throws persists nothing
 * (n8n 2.x stages cursor changes and commits them only on success; n8n 1.x keeps the mutated
 * in-memory Workflow until the next emit — a harness restart-free run cannot tell the
 * difference except after an error). Manual polls persist nothing (n8n does not save static
 * data for manual executions).
 *
 * With `execute: true`, emitted items start an execution from the poll node (mode 'trigger'),
 * as n8n's `__emit` does.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialStore, HarnessCredentialsHelper } from './credentials-helper';
import type { HarnessNodeTypes } from './node-types';
import type { HarnessWorkflow, WorkflowRunResult } from './runner';
import {
	buildWorkflow,
	persistIfChanged,
	runWorkflow,
	staticDataOf,
	toCredentialsHelper,
} from './runner';

export interface PollOptions {
	nodeTypes: HarnessNodeTypes;
	credentials?: HarnessCredentialsHelper | CredentialStore;
	/** 'trigger' (an active workflow's poll) or 'manual' (editor test). Default 'trigger'. */
	mode?: 'trigger' | 'manual';
	/** Activation mode the poller was started with. Default 'activate' ('manual' for manual polls). */
	activation?: WorkflowActivateMode;
	/** Start an execution from the poll node with the emitted items (trigger mode). */
	execute?: boolean;
	instanceBaseUrl?: string;
}

export interface PollResult {
	/** What poll() returned (null: nothing new). */
	items: INodeExecutionData[][] | null;
	/** What poll() threw. */
	error?: Error;
	/** Whether static data was persisted into the record after this poll. */
	persisted: boolean;
	/** The record's static data after this poll (plain copy). */
	staticData: IDataObject;
	/** The static data the poll's own Workflow ended with (persisted or not). */
	pollStaticData: IDataObject;
	/** The execution started with the items (`execute: true`). */
	execution?: WorkflowRunResult;
}

export async function poll(
	workflow: HarnessWorkflow,
	nodeName: string,
	options: PollOptions,
): Promise<PollResult> {
	const mode = options.mode ?? 'trigger';
	const credentialsHelper = toCredentialsHelper(options.credentials);
	const wf = buildWorkflow({ ...workflow, active: mode !== 'manual' }, options.nodeTypes);
	const node = wf.getNode(nodeName);
	if (!node) throw new Error(`Harness: node "${nodeName}" is not in the workflow`);
	const nodeType = options.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.poll) throw new Error(`Harness: node type "${node.type}" has no poll()`);

	const additionalData = buildAdditionalData({
		credentialsHelper,
		instanceBaseUrl: options.instanceBaseUrl,
		workflowId: wf.id,
	});
	const activation = options.activation ?? (mode === 'manual' ? 'manual' : 'activate');
	const context = new PollContext(wf, node, additionalData, mode, activation);

	let items: INodeExecutionData[][] | null = null;
	let error: Error | undefined;
	try {
		items = await nodeType.poll.call(context);
	} catch (e) {
		error = e as Error;
	}

	const persisted = mode === 'trigger' && !error ? persistIfChanged(wf, workflow) : false;
	const result: PollResult = {
		items,
		error,
		persisted,
		staticData: JSON.parse(JSON.stringify(workflow.staticData ?? {})) as IDataObject,
		pollStaticData: staticDataOf(wf),
	};

	if (options.execute && mode === 'trigger' && items !== null && !error) {
		result.execution = await runWorkflow(workflow, {
			nodeTypes: options.nodeTypes,
			credentials: credentialsHelper,
			mode: 'trigger',
			instanceBaseUrl: options.instanceBaseUrl,
			startData: { nodeName, outputs: items },
		});
	}
	return result;
}
