/**
 * The example workflows in examples/*.json, as the demo and the engine tests load them: read the
 * exported n8n JSON, point its LACRM nodes at a credential (API key or OAuth2, the way a user
 * switches "Authentication" in the editor), and submit the web form the way a browser does.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INode } from 'n8n-workflow';

import type { HarnessWorkflow } from '../test/harness/runner';

export const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');

export const EXAMPLES = {
	webFormLead: 'web-form-lead',
	nightlyContactSync: 'nightly-contact-sync',
	wonDealNote: 'won-deal-note',
	aiAgentLookup: 'ai-agent-lookup',
} as const;

export type ExampleName = (typeof EXAMPLES)[keyof typeof EXAMPLES];

/** Node types of this package (the `…Tool` variant is what n8n derives for AI agents). */
export const LACRM_TYPES = {
	node: 'n8n-nodes-lacrm.lacrm',
	tool: 'n8n-nodes-lacrm.lacrmTool',
	trigger: 'n8n-nodes-lacrm.lacrmTrigger',
	pollingTrigger: 'n8n-nodes-lacrm.lacrmPollingTrigger',
} as const;

const LACRM_TYPE_NAMES: string[] = Object.values(LACRM_TYPES);

/** An example workflow as exported from n8n (plus the fields the harness reads). */
export interface ExampleWorkflow extends HarnessWorkflow {
	name: string;
	nodes: INode[];
}

export function examplePath(name: ExampleName): string {
	return path.join(EXAMPLES_DIR, `${name}.json`);
}

/** A fresh copy of an example workflow, exactly as a user would import it. */
export function loadExample(name: ExampleName): ExampleWorkflow {
	return JSON.parse(fs.readFileSync(examplePath(name), 'utf8')) as ExampleWorkflow;
}

export function isLacrmNode(node: INode): boolean {
	return LACRM_TYPE_NAMES.includes(node.type);
}

export function lacrmNodes(workflow: HarnessWorkflow): INode[] {
	return workflow.nodes.filter(isLacrmNode);
}

export interface CredentialRef {
	type: 'lacrmApi' | 'lacrmOAuth2Api';
	id: string;
	name: string;
}

/**
 * A copy of the workflow whose LACRM nodes use `credential`: what a user does in the editor by
 * choosing "Authentication" (API Key / OAuth2) and a credential on each LACRM node.
 */
export function withCredential<T extends HarnessWorkflow>(
	workflow: T,
	credential: CredentialRef,
): T {
	const copy = JSON.parse(JSON.stringify(workflow)) as T;
	for (const node of lacrmNodes(copy)) {
		node.parameters = {
			...node.parameters,
			authentication: credential.type === 'lacrmOAuth2Api' ? 'oAuth2' : 'apiKey',
		};
		node.credentials = { [credential.type]: { id: credential.id, name: credential.name } };
	}
	return copy;
}

/** A node of the workflow by name (throws when missing: the examples are fixed). */
export function nodeNamed(workflow: HarnessWorkflow, name: string): INode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`The example has no node named "${name}"`);
	return node;
}

/** The value of a resource-locator or plain parameter of a node. */
export function locatorValue(node: INode, parameter: string): string {
	const raw = node.parameters[parameter];
	const value =
		raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as IDataObject).value : raw;
	return String(value ?? '');
}

/** The production URL path of the Webhook node of an example (n8n: <base>/webhook/<path>). */
export function webhookPath(workflow: HarnessWorkflow, nodeName: string): string {
	return String(nodeNamed(workflow, nodeName).parameters.path ?? '');
}

export interface WebFormFields {
	name: string;
	email: string;
	phone?: string;
	company?: string;
	message?: string;
}

/** POSTs the form the way a browser submits an HTML form (application/x-www-form-urlencoded). */
export async function submitWebForm(url: string, fields: WebFormFields): Promise<Response> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.set(key, value);
	return await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: body.toString(),
	});
}
