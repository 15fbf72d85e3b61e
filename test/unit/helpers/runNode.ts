/**
 * Runs the Less Annoying CRM node for one operation through n8n-core's real engine (the harness),
 * with nock standing in for LACRM. What nock sees is exactly what n8n sends: the URL, the
 * Authorization header n8n's credential machinery builds, and the JSON body.
 */
import nock from 'nock';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import {
	apiKeyCredential,
	bearerTokens,
	LACRM_API_URL,
	LACRM_ORIGIN,
	oauth2Credential,
	oauth2CredentialData,
	TEST_ACCESS_TOKEN,
	TEST_API_KEY,
	TEST_CLIENT_SECRET,
	TEST_REFRESH_TOKEN,
} from '../../harness/credentials';
import { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { runLacrmStep } from '../../harness/lacrm-node';

export {
	LACRM_API_URL,
	LACRM_ORIGIN,
	TEST_ACCESS_TOKEN,
	TEST_API_KEY,
	TEST_CLIENT_SECRET,
	TEST_REFRESH_TOKEN,
} from '../../harness/credentials';

// Each test file gets its own copy of nock (jest's module registry), but they all patch Node's one
// http module: activate this copy for this file and take it out again afterwards.
if (!nock.isActive()) nock.activate();
nock.disableNetConnect();
nock.enableNetConnect('127.0.0.1');

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});

export interface RunNodeOptions {
	resource: string;
	operation: string;
	/** Node parameters other than resource, operation and authentication. */
	parameters?: INodeParameters;
	/** Input items (default: one empty item). */
	input?: Array<IDataObject | INodeExecutionData>;
	authentication?: 'apiKey' | 'oAuth2';
	continueOnFail?: boolean;
	/** Credential data overrides (e.g. another baseUrl). */
	credentialData?: IDataObject;
	/** The node's version (default 1). */
	typeVersion?: number;
	/** The workflow's time zone (Workflow Settings → Timezone). */
	timezone?: string;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	json: IDataObject[];
	error?: ExecutionBaseError;
	credentials: HarnessCredentialsHelper;
}

export function credentialsFor(
	authentication: 'apiKey' | 'oAuth2',
	overrides: IDataObject = {},
): HarnessCredentialsHelper {
	// What a test overrides is stored as given, like any credential field n8n would keep.
	const stored = overrides as ICredentialDataDecryptedObject;
	if (authentication === 'apiKey')
		return new HarnessCredentialsHelper().add(
			apiKeyCredential(
				{ id: 'cred-api', name: 'LACRM API key' },
				{ apiKey: TEST_API_KEY, baseUrl: LACRM_API_URL, ...stored },
			),
		);
	const data = oauth2CredentialData(
		{
			authUrl: 'https://account.lessannoyingcrm.com/oauth/authorize.php',
			accessTokenUrl: 'https://script.lessannoyingcrm.com/oauth/token.php',
			clientId: 'test-client-id',
			clientSecret: TEST_CLIENT_SECRET,
			baseUrl: LACRM_API_URL,
		},
		bearerTokens(TEST_ACCESS_TOKEN, TEST_REFRESH_TOKEN),
	);
	return new HarnessCredentialsHelper().add(
		oauth2Credential({ id: 'cred-oauth', name: 'LACRM OAuth2' }, { ...data, ...stored }),
	);
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const authentication = options.authentication ?? 'apiKey';
	const credentials = credentialsFor(authentication, options.credentialData);
	const result = await runLacrmStep(
		{
			resource: options.resource,
			operation: options.operation,
			parameters: options.parameters,
			authentication,
			continueOnFail: options.continueOnFail,
			typeVersion: options.typeVersion,
			timezone: options.timezone,
			credentials:
				authentication === 'apiKey'
					? { lacrmApi: { id: 'cred-api', name: 'LACRM API key' } }
					: { lacrmOAuth2Api: { id: 'cred-oauth', name: 'LACRM OAuth2' } },
		},
		{ credentials, input: options.input },
	);
	return {
		items: result.items,
		json: result.json,
		error: result.error as ExecutionBaseError | undefined,
		credentials,
	};
}

export interface ExpectCallOptions {
	status?: number;
	headers?: Record<string, string>;
	/** The Authorization header LACRM must receive (default: the raw test API key). */
	authorization?: string;
	/** How many identical calls to expect (default 1). */
	times?: number;
}

/**
 * Expects one POST to LACRM's endpoint calling `fn` with exactly `parameters`, answered with
 * `reply`. The interceptor only matches the exact body and the raw API-key header.
 */
export function expectLacrmCall(
	fn: string,
	parameters: IDataObject,
	reply: unknown,
	options: ExpectCallOptions = {},
): nock.Scope {
	return nock(LACRM_ORIGIN)
		.matchHeader('authorization', options.authorization ?? TEST_API_KEY)
		.matchHeader('content-type', /^application\/json/)
		.post('/v2/', { Function: fn, Parameters: parameters } as nock.RequestBodyMatcher)
		.times(options.times ?? 1)
		.reply(options.status ?? 200, reply as nock.Body, options.headers);
}

/** One expected LACRM call: the arguments of `expectLacrmCall`. */
export type LacrmCall = [
	fn: string,
	parameters: IDataObject,
	reply: unknown,
	options?: ExpectCallOptions,
];

/**
 * Runs the node expecting exactly `call` (same function, same body) and no error; returns what the
 * node output.
 */
export async function runExpectingCall(
	call: LacrmCall,
	options: RunNodeOptions,
): Promise<RunNodeResult> {
	const scope = expectLacrmCall(...call);
	const result = await runNode(options);
	expect(result.error).toBeUndefined();
	expect(scope.isDone()).toBe(true);
	return result;
}

/**
 * Runs the node expecting it to refuse its input before sending any request (LACRM would answer
 * anything) and to output nothing; returns the error it stopped with.
 */
export async function runExpectingRefusal(options: RunNodeOptions): Promise<ExecutionBaseError> {
	const anyCall = nock(LACRM_ORIGIN).post('/v2/').reply(200, {});
	const { error, json } = await runNode(options);
	expect(anyCall.isDone()).toBe(false);
	expect(error).toBeDefined();
	expect(json).toEqual([]);
	return error!;
}

/** A plausible 31-digit LACRM id ending in `n` (ids are strings, always). */
export function uid(n: number | string): string {
	const tail = String(n);
	return `4006273942886858777552${'0'.repeat(Math.max(0, 9 - tail.length))}${tail}`.slice(0, 31);
}

/** A resource-locator value picked "By ID". */
export function byId(id: string): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: id };
}
