/**
 * `IWorkflowExecuteAdditionalData` for the running n8n-core version.
 *
 * n8n builds this in packages/cli/src/workflow-execute-additional-data.ts (`getBase`). The
 * harness sets the fields n8n-core reads on the paths it exercises and leaves every other field
 * undefined (n8n-core checks optional features with `additionalData.x?.…`, so a field the
 * version does not know must not be invented).
 *
 * Version differences handled here:
 *  - 1.x has no formBaseUrl/formTestBaseUrl/mcpBaseUrl/mcpTestBaseUrl/getRuntimeCredential/
 *    workflowId; 2.x declares them (mcp/form URLs are read when a webhook description says
 *    nodeType 'mcp' / 'form').
 *  - ExecutionLifecycleHooks: same constructor (mode, executionId, workflowData) in both; 2.x
 *    adds an optional retryOf and a `workflowExecuteResume` hook.
 */
import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialsHelper,
	IDataObject,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { N8N_CORE_MAJOR } from './version';

export interface AdditionalDataOptions {
	credentialsHelper: ICredentialsHelper;
	/** Base URL of the harness's webhook server, e.g. http://127.0.0.1:5678 (no trailing slash). */
	instanceBaseUrl?: string;
	executionId?: string;
	workflowId?: string;
	hooks?: ExecutionLifecycleHooks;
	/** For webhook contexts: the (express-like) request/response n8n would pass. */
	httpRequest?: unknown;
	httpResponse?: unknown;
	currentNodeParameters?: IDataObject;
	userId?: string;
}

const DEFAULT_BASE_URL = 'http://127.0.0.1:5678';

export function buildAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const base = (options.instanceBaseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
	const data: Record<string, unknown> = {
		credentialsHelper: options.credentialsHelper,
		executeWorkflow: async () => {
			throw new Error('Harness: sub-workflow execution (Execute Workflow) is not supported');
		},
		getRunExecutionData: async () => undefined,
		executionId: options.executionId,
		restartExecutionId: undefined,
		currentNodeExecutionIndex: 0,
		httpRequest: options.httpRequest,
		httpResponse: options.httpResponse,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		currentNodeParameters: options.currentNodeParameters,
		userId: options.userId,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Harness: task runners (Code node) are not supported');
		},
		hooks: options.hooks,
	};
	if (N8N_CORE_MAJOR >= 2) {
		Object.assign(data, {
			formBaseUrl: `${base}/form`,
			formTestBaseUrl: `${base}/form-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
			workflowId: options.workflowId,
			getRuntimeCredential: async () => undefined,
		});
	}
	return data as unknown as IWorkflowExecuteAdditionalData;
}

export interface HookRecorder {
	hooks: ExecutionLifecycleHooks;
	/** Names of nodes in the order n8n-core reported them finished. */
	nodesExecuted: string[];
	/** The static data n8n-core handed to workflowExecuteAfter (undefined when unchanged). */
	newStaticData?: IDataObject;
	/** Set once workflowExecuteAfter ran. */
	afterRun?: IRun;
}

/** ExecutionLifecycleHooks with recording handlers (what n8n's hooks would persist). */
export function buildHooks(
	mode: WorkflowExecuteMode,
	executionId: string,
	workflowData: IWorkflowBase,
	onAfter?: (run: IRun, newStaticData: IDataObject | undefined) => void | Promise<void>,
): HookRecorder {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const recorder: HookRecorder = { hooks, nodesExecuted: [] };
	hooks.addHandler('nodeExecuteAfter', (nodeName: string) => {
		recorder.nodesExecuted.push(nodeName);
	});
	hooks.addHandler('workflowExecuteAfter', async (run: IRun, newStaticData?: IDataObject) => {
		recorder.afterRun = run;
		recorder.newStaticData = newStaticData;
		if (onAfter) await onAfter(run, newStaticData);
	});
	return recorder;
}

/** The IWorkflowBase n8n would hand to the hooks (the saved workflow). */
export function workflowBase(workflow: Workflow, nodes: IWorkflowBase['nodes']): IWorkflowBase {
	const now = new Date();
	return {
		id: workflow.id,
		name: workflow.name ?? workflow.id,
		active: workflow.active,
		isArchived: false,
		nodes,
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
		staticData: undefined,
		createdAt: now,
		updatedAt: now,
	} as IWorkflowBase;
}
