/**
 * Runs the Less Annoying CRM node through n8n-core's real engine (the harness) against the local
 * LACRM sandbox — no nock: every request is a real HTTP request to the sandbox, authenticated by
 * n8n's own credential machinery with an API-key credential whose base URL is the sandbox's.
 *
 * Also: the node's pickers / resource mapper through the harness runners (as n8n's editor calls
 * them), and small readers of sandbox state (counters since a mark, contacts by email).
 */
import type {
	ExecutionBaseError,
	IDataObject,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeParameters,
	ResourceMapperField,
	ResourceMapperFields,
	ResourceMapperValue,
} from 'n8n-workflow';

import { Lacrm } from '../../../nodes/Lacrm/Lacrm.node';
import type { Sandbox } from '../../../sandbox';
import { sandboxApiKeyCredential } from '../../harness/credentials';
import { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { listSearch, loadOptions, resourceMapping } from '../../harness/load-options';
import { LACRM_NODE_NAME, runLacrmStep } from '../../harness/lacrm-node';
import type { WorkflowRunResult } from '../../harness/runner';

export const NODE_NAME = LACRM_NODE_NAME;
export const CREDENTIAL_ID = 'lacrm-sandbox-key';
export const CREDENTIAL_NAME = 'LACRM sandbox (API key)';
export const NODE_CREDENTIALS = { lacrmApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

/** An n8n credential store holding one LACRM API-key credential pointed at the sandbox. */
export function sandboxCredentials(
	sandbox: Sandbox,
	apiKey = sandbox.apiKey,
): HarnessCredentialsHelper {
	return new HarnessCredentialsHelper().add(
		sandboxApiKeyCredential({ id: CREDENTIAL_ID, name: CREDENTIAL_NAME }, sandbox, apiKey),
	);
}

export interface SandboxRunOptions {
	resource: string;
	operation: string;
	/** Node parameters other than authentication, resource and operation. */
	parameters?: INodeParameters;
	/** Items the trigger emits into the node (default: one empty item). */
	input?: Array<IDataObject | INodeExecutionData>;
	/** The node's "On Error" setting: continue (regular output). */
	continueOnFail?: boolean;
	apiKey?: string;
	/** The node's version (default 1, as saved workflows have it). */
	typeVersion?: number;
	/** The workflow's time zone (Workflow Settings → Timezone). */
	timezone?: string;
}

export interface SandboxRunResult {
	/** Items the node output on its main output. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/**
	 * The error n8n recorded for the execution / the node (what the editor shows), or the error
	 * n8n-core threw before running anything (e.g. WorkflowHasIssuesError for a required parameter
	 * left empty: n8n refuses to start such a workflow).
	 */
	error?: ExecutionBaseError | Error;
	/** The execution; undefined when n8n-core refused to start it. */
	run?: WorkflowRunResult;
	/** LACRM calls the sandbox received during the run, per function. */
	calls: Record<string, number>;
	/** Total LACRM calls the sandbox received during the run. */
	totalCalls: number;
}

/** Runs Manual Trigger → Less Annoying CRM once, the node set to one resource/operation. */
export async function runLacrm(
	sandbox: Sandbox,
	options: SandboxRunOptions,
): Promise<SandboxRunResult> {
	const before = sandbox.counters();
	const result = await runLacrmStep(
		{ ...options, credentials: NODE_CREDENTIALS },
		{ credentials: sandboxCredentials(sandbox, options.apiKey), input: options.input },
	);
	const after = sandbox.counters();
	return {
		...result,
		calls: callsBetween(before.callsByFunction, after.callsByFunction),
		totalCalls: after.totalCalls - before.totalCalls,
	};
}

function callsBetween(
	before: Record<string, number>,
	after: Record<string, number>,
): Record<string, number> {
	const calls: Record<string, number> = {};
	for (const [fn, count] of Object.entries(after)) {
		const delta = count - (before[fn] ?? 0);
		if (delta > 0) calls[fn] = delta;
	}
	return calls;
}

/** A resource-locator value picked "By ID". */
export function byId(id: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value: id };
}

/** A resource-locator value picked "From List". */
export function fromList(id: string, cachedResultName = ''): INodeParameterResourceLocator {
	return { __rl: true, mode: 'list', value: id, cachedResultName };
}

// ---- the editor's side: pickers, dropdowns, the field mapper ------------------------------------

const editorOptions = (sandbox: Sandbox) => ({
	credentials: sandboxCredentials(sandbox),
	nodeCredentials: NODE_CREDENTIALS,
});

export async function editorLoadOptions(
	sandbox: Sandbox,
	method: string,
	parameters: INodeParameters = {},
) {
	return await loadOptions(
		new Lacrm(),
		{ authentication: 'apiKey', ...parameters },
		method,
		editorOptions(sandbox),
	);
}

export async function editorListSearch(
	sandbox: Sandbox,
	method: string,
	parameters: INodeParameters = {},
	search: { filter?: string; paginationToken?: string } = {},
) {
	return await listSearch(new Lacrm(), { authentication: 'apiKey', ...parameters }, method, {
		...editorOptions(sandbox),
		...search,
	});
}

export async function editorResourceMapping(
	sandbox: Sandbox,
	method: string,
	parameters: INodeParameters = {},
): Promise<ResourceMapperFields> {
	return await resourceMapping(
		new Lacrm(),
		{ authentication: 'apiKey', ...parameters },
		method,
		editorOptions(sandbox),
	);
}

/**
 * The value n8n's editor stores for a resource-mapper parameter in "Map each column manually"
 * mode: the schema the mapper method returned and the values entered for some of its fields.
 */
export function mapperValue(
	schema: ResourceMapperField[],
	value: IDataObject,
): ResourceMapperValue {
	return {
		mappingMode: 'defineBelow',
		value: value as ResourceMapperValue['value'],
		matchingColumns: [],
		schema,
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

// ---- sandbox state, read back through the LACRM API ---------------------------------------------

/** Every record GetContacts finds for `searchTerms` (contacts and companies). */
export async function searchContacts(
	sandbox: Sandbox,
	searchTerms: string,
): Promise<IDataObject[]> {
	const { status, body } = await sandbox.call('GetContacts', {
		SearchTerms: searchTerms,
		MaxNumberOfResults: 10000,
	});
	if (status !== 200) throw new Error(`GetContacts failed: HTTP ${status} ${JSON.stringify(body)}`);
	return body.Results as IDataObject[];
}

/** Contacts that carry exactly this email (ignoring case). */
export async function contactsWithEmail(sandbox: Sandbox, email: string): Promise<IDataObject[]> {
	const found = await searchContacts(sandbox, email);
	return found.filter((contact) =>
		((contact.Email as IDataObject[]) ?? []).some(
			(entry) => String(entry.Text).toLowerCase() === email.toLowerCase(),
		),
	);
}

/** A LACRM call through the sandbox API that must succeed; returns its body. */
export async function lacrm(
	sandbox: Sandbox,
	fn: string,
	parameters: object = {},
): Promise<IDataObject> {
	const { status, body } = await sandbox.call(fn, parameters);
	if (status !== 200) throw new Error(`${fn} failed: HTTP ${status} ${JSON.stringify(body)}`);
	return body as IDataObject;
}

/** Number of contacts (people, not companies) in the account. */
export async function contactCount(sandbox: Sandbox): Promise<number> {
	let total = 0;
	for (let page = 1; ; page++) {
		const body = await lacrm(sandbox, 'GetContacts', {
			RecordTypeFilter: 'Contacts',
			MaxNumberOfResults: 10000,
			Page: page,
		});
		total += (body.Results as unknown[]).length;
		if (body.HasMoreResults !== true) return total;
	}
}
