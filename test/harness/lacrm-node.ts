/**
 * The smallest workflow that runs the Less Annoying CRM node: Start (manual trigger) → LACRM, the
 * node set to one resource/operation. Shared by the nock-based unit tests, the sandbox behaviour
 * tests and the refresh tests, which differ only in the credential and what answers LACRM's URL.
 */
import type {
	ExecutionBaseError,
	IDataObject,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import type { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';
import type { HarnessWorkflow, WorkflowRunResult } from './runner';
import { runWorkflow } from './runner';

export const LACRM_NODE_NAME = 'LACRM';

export interface LacrmStep {
	resource: string;
	operation: string;
	/** Node parameters other than authentication, resource and operation. */
	parameters?: INodeParameters;
	authentication?: 'apiKey' | 'oAuth2';
	/** The node's credential reference, e.g. `{ lacrmApi: { id, name } }`. */
	credentials: INodeCredentials;
	/** The node's "On Error" setting: continue (regular output). */
	continueOnFail?: boolean;
	/** The node's version (default 1, as saved workflows have it). */
	typeVersion?: number;
	/** The workflow's time zone (Workflow Settings → Timezone); n8n's default otherwise. */
	timezone?: string;
}

export function lacrmWorkflow(step: LacrmStep): HarnessWorkflow {
	return {
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'lacrm',
				name: LACRM_NODE_NAME,
				type: 'n8n-nodes-lacrm.lacrm',
				typeVersion: step.typeVersion ?? 1,
				position: [200, 0],
				parameters: {
					authentication: step.authentication ?? 'apiKey',
					resource: step.resource,
					operation: step.operation,
					...step.parameters,
				},
				credentials: step.credentials,
				...(step.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: LACRM_NODE_NAME, type: 'main', index: 0 }]] } },
		...(step.timezone ? { settings: { timezone: step.timezone } } : {}),
	};
}

export interface LacrmStepResult {
	items: INodeExecutionData[];
	json: IDataObject[];
	/**
	 * The error n8n recorded for the execution or the node (what the editor shows), or what n8n-core
	 * threw before running anything (e.g. WorkflowHasIssuesError for an empty required parameter).
	 */
	error?: ExecutionBaseError | Error;
	/** The execution; undefined when n8n-core refused to start it. */
	run?: WorkflowRunResult;
}

// Built on first use: under tsx (bench, scripts) `…/Lacrm.node` resolves to the codex file
// Lacrm.node.json, so those load the built node from dist/ and only borrow lacrmWorkflow().
let nodeTypes: HarnessNodeTypes | undefined;

/** Runs the node once through n8n-core's WorkflowExecute, with `input` as the trigger's items. */
export async function runLacrmStep(
	step: LacrmStep,
	options: {
		credentials: HarnessCredentialsHelper;
		input?: Array<IDataObject | INodeExecutionData>;
	},
): Promise<LacrmStepResult> {
	let run: WorkflowRunResult | undefined;
	try {
		nodeTypes ??= new HarnessNodeTypes({ 'n8n-nodes-lacrm.lacrm': new Lacrm() });
		run = await runWorkflow(lacrmWorkflow(step), {
			nodeTypes,
			credentials: options.credentials,
			startData: { nodeName: 'Start', items: options.input ?? [{}] },
		});
	} catch (error) {
		return { items: [], json: [], error: error as Error };
	}
	const items = run.output(LACRM_NODE_NAME) ?? [];
	return {
		items,
		json: items.map((item) => item.json),
		error: run.error ?? run.nodeError(LACRM_NODE_NAME),
		run,
	};
}
