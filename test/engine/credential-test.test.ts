/**
 * "Test" on the Less Annoying CRM API credential, as n8n runs it against LACRM (the sandbox).
 *
 * n8n's credentials tester (packages/cli/src/services/credentials-tester.service.ts) uses a
 * credential type's own declarative `test` when it has one. It wraps `test.request` in a
 * throw-away node type (a property whose `routing.request` is that request, the credential as the
 * node's only credential), runs it through n8n-core's RoutingNode in an ExecuteContext — so the
 * request is signed by the credential's `authenticate` and `={{$credentials.x}}` resolves — and:
 *  - on an error with an HTTP response: the first `responseCode` rule whose value is the status
 *    gives the message; otherwise the status text (or "Received HTTP status code: N");
 *  - on an error without a response: the error's code (ECONNREFUSED, …), else its message;
 *  - on success: `responseSuccessBody` rules (none here), then "Connection successful!".
 * `runCredentialTest` below does exactly that with n8n-core's real RoutingNode and ExecuteContext,
 * on n8n-core 1.122.48 and 2.x.
 *
 * n8n 1.123 runs the same tester code, but n8n-core 1.x's request helper throws an error whose
 * `cause` carries no `response`: the rules never match there, and n8n 1.x shows its own generic
 * text for the status ("Bad request - please check your parameters" for LACRM's 400). The tests
 * pin both, so the README can say what each user sees.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialType,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	ITaskDataConnections,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { LACRM_API_BASE_URL, LacrmApi } from '../../credentials/LacrmApi.credentials';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { buildAdditionalData } from '../harness/additional-data';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { registerEngineShutdown } from '../harness/engine';
import { NoOpStandIn } from '../harness/node-types';
import { ENGINE_LABEL, N8N_CORE_MAJOR } from '../harness/version';

type ResponseCodeRule = { type: 'responseCode'; properties: { value: number; message: string } };
type SuccessBodyRule = {
	type: 'responseSuccessBody';
	properties: { key: string; value: unknown; message: string };
};

function readPath(data: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], data);
}

/** n8n's CredentialsTester.testCredentials for a credential type with a declarative `test`. */
async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const testRequest = credentialType.test;
	if (!testRequest) throw new Error(`${credentialType.name} has no declarative test`);
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'credential-under-test',
		name: 'LACRM',
		type: credentialType.name,
		data,
	};

	// n8n bases the throw-away node type on n8n-nodes-base.noOp.
	const base = new NoOpStandIn();
	const nodeType: INodeType = {
		description: {
			...base.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: {
			[credentialType.name]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper({}, { credentialTypes: [credentialType] }),
	});
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		inputData,
		executeData,
		[],
	);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (caught) {
		const error = caught as {
			message: string;
			cause?: { code?: string; response?: { status: number; statusText?: string } };
		};
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of (testRequest.rules ?? []) as Array<ResponseCodeRule | SuccessBodyRule>) {
				if (rule.type === 'responseCode' && rule.properties.value === status)
					return { status: 'Error', message: rule.properties.message };
			}
			if (status < 199 || status > 299)
				return {
					status: 'Error',
					message: statusText || `Received HTTP status code: ${status}`,
				};
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}
	for (const rule of (testRequest.rules ?? []) as Array<ResponseCodeRule | SuccessBodyRule>) {
		if (
			rule.type === 'responseSuccessBody' &&
			readPath(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value
		)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** What n8n-core 1.x's NodeApiError says for a status when no rule can apply. */
const N8N_1_MESSAGES: Record<number | string, string> = {
	400: 'Bad request - please check your parameters',
	401: 'Authorization failed - please check your credentials',
	403: 'Forbidden - perhaps check your credentials?',
	404: 'The resource you are requesting could not be found',
	ECONNREFUSED: 'The service refused the connection - perhaps it is offline',
};

/** The message the user sees: the credential's rule on n8n 2.x, n8n's generic text on 1.x. */
function shownFor(status: number): string {
	return N8N_CORE_MAJOR >= 2 ? ruleMessage(status) : N8N_1_MESSAGES[status];
}

function ruleMessage(status: number): string {
	const rule = (new LacrmApi().test?.rules ?? []).find(
		(candidate) =>
			candidate.type === 'responseCode' &&
			(candidate as ResponseCodeRule).properties.value === status,
	);
	if (!rule) throw new Error(`no rule for HTTP ${status}`);
	return (rule as ResponseCodeRule).properties.message;
}

// n8n-core 1.x's ExecuteContext starts a ref'd SSH-cleanup interval; stop it as n8n does at shutdown.
registerEngineShutdown();

describe(`the API-key credential's Test, as n8n runs it (${ENGINE_LABEL})`, () => {
	let sandbox: Sandbox;

	beforeEach(async () => {
		sandbox = await startSandbox({ quiet: true });
	});

	afterEach(async () => {
		await sandbox.stop();
	});

	const test = (data: ICredentialDataDecryptedObject) => runCredentialTest(new LacrmApi(), data);

	it('a valid key: "Connection successful!" after one GetUser signed with the bare key', async () => {
		sandbox.resetCounters();
		expect(await test({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sandbox.counters().totalCalls).toBe(1);
		expect(
			await test({ apiKey: sandbox.apiKeyFor('100002'), baseUrl: sandbox.apiUrl }),
		).toMatchObject({ status: 'OK' });
	});

	it('a key LACRM does not know (400 "Invalid credentials"): says to copy the key again, never shows it', async () => {
		const wrongKey = 'wrong-key-0123456789abcdef';
		const refusal = await sandbox.call('GetUser', {}, { apiKey: wrongKey });
		expect(refusal.status).toBe(400);
		expect(refusal.body.ErrorDescription).toMatch(/^Invalid credentials/);

		const result = await test({ apiKey: wrongKey, baseUrl: sandbox.apiUrl });
		expect(result).toEqual({ status: 'Error', message: shownFor(400) });
		if (N8N_CORE_MAJOR >= 2)
			expect(result.message).toMatch(
				/Copy the whole key again from LACRM → Settings → Programmer API/,
			);
		expect(result.message).not.toContain(wrongKey);
	});

	it('a wrong API Base URL (404): says to set it back to the LACRM address', async () => {
		for (const baseUrl of [`${sandbox.url}/`, `${sandbox.url}/v1/`]) {
			const result = await test({ apiKey: sandbox.apiKey, baseUrl });
			expect(result).toEqual({ status: 'Error', message: shownFor(404) });
			if (N8N_CORE_MAJOR >= 2)
				expect(result.message).toContain(`Set it back to ${LACRM_API_BASE_URL}`);
		}
	});

	it('401 (no key reached LACRM) and 403 (refused, e.g. by a proxy): say what to check', async () => {
		expect(await test({ apiKey: '', baseUrl: sandbox.apiUrl })).toEqual({
			status: 'Error',
			message: shownFor(401),
		});
		// A gateway in front of the API answering 403 (the sandbox decides faults before auth).
		sandbox.scriptFaults([{ status: 403, functions: ['GetUser'] }]);
		const forbidden = await test({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl });
		expect(forbidden).toEqual({ status: 'Error', message: shownFor(403) });
		if (N8N_CORE_MAJOR >= 2) expect(forbidden.message).toMatch(/API access is switched on/);
	});

	it('nothing listening at the API Base URL: n8n shows the connection error', async () => {
		const closed = await startSandbox({ quiet: true });
		const baseUrl = closed.apiUrl;
		await closed.stop();
		expect(await test({ apiKey: sandbox.apiKey, baseUrl })).toEqual({
			status: 'Error',
			message: N8N_CORE_MAJOR >= 2 ? 'ECONNREFUSED' : N8N_1_MESSAGES.ECONNREFUSED,
		});
	});
});
