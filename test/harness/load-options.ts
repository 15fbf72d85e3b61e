/**
 * Calls a node's `methods.loadOptions` / `listSearch` / `resourceMapping` the way n8n's
 * DynamicNodeParametersService does: a temporary one-node workflow ("Temp-Node") carrying the
 * current parameters and credentials, `additionalData.currentNodeParameters` set to the raw
 * parameters, and n8n-core's real LoadOptionsContext as `this`.
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	INode,
	INodeCredentials,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialStore, HarnessCredentialsHelper } from './credentials-helper';
import { registerEngineShutdown } from './engine';
import type { AnyNodeType } from './node-types';
import { HarnessNodeTypes } from './node-types';
import { jsonCopy, toCredentialsHelper } from './runner';

registerEngineShutdown();

export interface LoadOptionsOptions {
	credentials?: HarnessCredentialsHelper | CredentialStore;
	/** The node's credential slots, e.g. `{ lacrmApi: { id: 'cred-1', name: 'LACRM' } }`. */
	nodeCredentials?: INodeCredentials;
	/** Registry to resolve a type NAME in (when `nodeType` is a string). */
	nodeTypes?: HarnessNodeTypes;
	/** Type name to register a node type INSTANCE under (default `harness.<description.name>`). */
	typeName?: string;
	typeVersion?: number;
	/** Parameter path the method was requested for (getCurrentNodeParameter('&x') is relative to it). */
	path?: string;
	instanceBaseUrl?: string;
}

export const TEMP_NODE_NAME = 'Temp-Node';

function prepare(
	nodeType: AnyNodeType | string,
	nodeParameters: INodeParameters,
	options: LoadOptionsOptions,
) {
	let registry: HarnessNodeTypes;
	let typeName: string;
	if (typeof nodeType === 'string') {
		if (!options.nodeTypes)
			throw new Error('Harness: pass options.nodeTypes to resolve a node type by name');
		registry = options.nodeTypes;
		typeName = nodeType;
	} else {
		typeName = options.typeName ?? `harness.${nodeType.description.name}`;
		registry = new HarnessNodeTypes({ [typeName]: nodeType }, { standIns: false });
	}
	const typeVersion = options.typeVersion ?? registry.latestVersion(typeName);
	const node: INode = {
		id: 'harness-temp-node',
		name: TEMP_NODE_NAME,
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters: jsonCopy(nodeParameters),
		credentials: options.nodeCredentials,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: registry,
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: toCredentialsHelper(options.credentials),
		instanceBaseUrl: options.instanceBaseUrl,
		currentNodeParameters: nodeParameters,
	});
	const tempNode = workflow.getNode(TEMP_NODE_NAME) as INode;
	const context = new LoadOptionsContext(workflow, tempNode, additionalData, options.path ?? '');
	const resolved = registry.getByNameAndVersion(typeName, typeVersion);
	return { context, methods: resolved.methods };
}

function missing(kind: string, methodName: string): never {
	throw new Error(`Harness: node type has no ${kind} method "${methodName}"`);
}

export async function loadOptions(
	nodeType: AnyNodeType | string,
	nodeParameters: INodeParameters,
	methodName: string,
	options: LoadOptionsOptions = {},
): Promise<INodePropertyOptions[]> {
	const { context, methods } = prepare(nodeType, nodeParameters, options);
	const method = methods?.loadOptions?.[methodName] ?? missing('loadOptions', methodName);
	return await method.call(context);
}

export async function listSearch(
	nodeType: AnyNodeType | string,
	nodeParameters: INodeParameters,
	methodName: string,
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult> {
	const { context, methods } = prepare(nodeType, nodeParameters, options);
	const method = methods?.listSearch?.[methodName] ?? missing('listSearch', methodName);
	return await method.call(context, options.filter, options.paginationToken);
}

export async function resourceMapping(
	nodeType: AnyNodeType | string,
	nodeParameters: INodeParameters,
	methodName: string,
	options: LoadOptionsOptions = {},
): Promise<ResourceMapperFields> {
	const { context, methods } = prepare(nodeType, nodeParameters, options);
	const method = methods?.resourceMapping?.[methodName] ?? missing('resourceMapping', methodName);
	return await method.call(context);
}
