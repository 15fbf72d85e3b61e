/**
 * The `INodeTypes` registry n8n-core resolves node types through, plus stand-ins for the few
 * n8n-nodes-base nodes example workflows reference.
 *
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *  STAND-INS: n8n-nodes-base is NOT installed (too heavy). The four node types below
 *  (`n8n-nodes-base.manualTrigger`, `.webhook`, `.scheduleTrigger`, `.noOp`) are the harness's
 *  own minimal stand-ins with the same type names, kinds (trigger / webhook / regular) and
 *  output shapes as the real nodes, so example workflows load and run. They are NOT the real
 *  n8n nodes. Every LACRM node (and every node class a test passes in) runs for real, through
 *  n8n-core's real WorkflowExecute and execution contexts.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
	IWebhookFunctions,
	IWebhookResponseData,
	IExecuteFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

export type AnyNodeType = INodeType | IVersionedNodeType;

/**
 * Optional hook a node type may carry for the harness runner: the items a start node emits when
 * a test starts an execution from it without `startData` in a non-manual mode (what n8n's
 * trigger machinery would have emitted). Used by the scheduleTrigger stand-in.
 */
export interface HarnessStartItems {
	harnessStartItems?: () => INodeExecutionData[];
}

function isVersioned(type: AnyNodeType): type is IVersionedNodeType {
	return 'nodeVersions' in type && typeof (type as IVersionedNodeType).getNodeType === 'function';
}

/**
 * Registry of node types keyed by type name (e.g. `n8n-nodes-lacrm.lacrm`). Accepts plain and
 * versioned node types; `getByNameAndVersion` resolves the version like n8n's NodeTypes.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, AnyNodeType>();

	/**
	 * @param nodeTypes type name → node type instance (e.g. `{ 'n8n-nodes-lacrm.lacrm': new Lacrm() }`)
	 * @param options.standIns register the n8n-nodes-base stand-ins (default true)
	 */
	constructor(nodeTypes: Record<string, AnyNodeType> = {}, options: { standIns?: boolean } = {}) {
		if (options.standIns ?? true) {
			for (const [name, type] of Object.entries(n8nNodesBaseStandIns())) this.types.set(name, type);
		}
		for (const [name, type] of Object.entries(nodeTypes)) this.types.set(name, type);
	}

	/** Add or replace a node type under `name`. */
	register(name: string, type: AnyNodeType): this {
		this.types.set(name, type);
		return this;
	}

	has(name: string): boolean {
		return this.types.has(name);
	}

	getByName(nodeType: string): AnyNodeType {
		const type = this.types.get(nodeType);
		if (!type)
			throw new Error(`Harness: unknown node type "${nodeType}" (register it in HarnessNodeTypes)`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		return NodeHelpers.getVersionedNodeType(type, version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const name of this.types.keys()) known[name] = { className: name, sourcePath: 'harness' };
		return known;
	}

	/** Latest version of a type (`currentVersion` for versioned types, highest `version` otherwise). */
	latestVersion(nodeType: string): number {
		const type = this.getByName(nodeType);
		if (isVersioned(type)) return type.currentVersion;
		const version = type.description.version;
		return Array.isArray(version) ? Math.max(...version) : version;
	}
}

// ---- stand-ins for n8n-nodes-base ---------------------------------------------------------------

/** An n8n-nodes-base stand-in's description: a trigger (no input) unless `extra` says otherwise. */
const standInDescription = (
	name: string,
	displayName: string,
	extra: Partial<INodeTypeDescription> = {},
): INodeTypeDescription => ({
	displayName,
	name,
	group: ['trigger'],
	version: 1,
	description: `Harness stand-in for n8n-nodes-base.${name}`,
	defaults: { name: displayName },
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	properties: [],
	...extra,
});

/** Stand-in for n8n-nodes-base.manualTrigger: a trigger node that emits one empty item. */
export class ManualTriggerStandIn implements INodeType {
	description = standInDescription('manualTrigger', 'When clicking ‘Execute workflow’', {
		maxNodes: 1,
	});

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		// Same as the real node: in manual mode n8n-core awaits manualTriggerFunction, which emits.
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/**
 * Stand-in for n8n-nodes-base.scheduleTrigger: a trigger node emitting one item with a
 * timestamp (the real node's output has `timestamp` and readable date fields). It does not
 * schedule anything; a test starts executions from it.
 */
export class ScheduleTriggerStandIn implements INodeType, HarnessStartItems {
	// The real node's `rule` (fixedCollection) is not modelled; a stand-in keeps no schedule.
	description = standInDescription('scheduleTrigger', 'Schedule Trigger');

	harnessStartItems(): INodeExecutionData[] {
		return [{ json: scheduleItem() }];
	}

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([scheduleItem()])]);
		};
		return { manualTriggerFunction };
	}
}

function scheduleItem(): IDataObject {
	const now = new Date();
	return {
		timestamp: now.toISOString(),
		'Readable date': now.toUTCString(),
		Timezone: 'UTC',
		'Day of week': now.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }),
	};
}

/**
 * Stand-in for n8n-nodes-base.webhook: a webhook node (path parameter, POST by default,
 * responds "onReceived"). `webhook()` returns the request as one item shaped like the real
 * node's output `{ headers, params, query, body }`; in an execution WorkflowExecute passes
 * the webhook data through, as for every node type that has `webhook`.
 */
export class WebhookStandIn implements INodeType {
	description: INodeTypeDescription = standInDescription('webhook', 'Webhook', {
		webhooks: [
			{
				name: 'default',
				httpMethod: '={{$parameter["httpMethod"]}}',
				isFullPath: true,
				responseMode: 'onReceived',
				path: '={{$parameter["path"]}}',
			},
		],
		properties: [
			// Only the value is read (by the webhook description's expression), so no option list.
			{ displayName: 'HTTP Method', name: 'httpMethod', type: 'string', default: 'POST' },
			{ displayName: 'Path', name: 'path', type: 'string', default: 'webhook' },
		],
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		return {
			workflowData: [
				[
					{
						json: {
							headers: this.getHeaderData() as IDataObject,
							params: this.getParamsData() as IDataObject,
							query: this.getQueryData() as IDataObject,
							body: req.body as IDataObject,
						},
					},
				],
			],
		};
	}
}

/** Stand-in for n8n-nodes-base.noOp: passes its input through. */
export class NoOpStandIn implements INodeType {
	description = standInDescription('noOp', 'No Operation, do nothing', {
		group: ['organization'],
		inputs: [NodeConnectionTypes.Main],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** The stand-ins, keyed by the real type names. */
export function n8nNodesBaseStandIns(): Record<string, INodeType> {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
		'n8n-nodes-base.scheduleTrigger': new ScheduleTriggerStandIn(),
		'n8n-nodes-base.webhook': new WebhookStandIn(),
		'n8n-nodes-base.noOp': new NoOpStandIn(),
	};
}
