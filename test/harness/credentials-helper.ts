/**
 * An in-memory stand-in for n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts).
 *
 * It implements n8n-workflow's abstract `ICredentialsHelper`, which is the only interface
 * n8n-core's execution contexts and request helpers (httpRequestWithAuthentication,
 * requestOAuth2, refreshOAuth2Token) talk to. What matters for faithful behaviour:
 *  - `getParentTypes` walks the credential classes' `extends` chains, so
 *    `getParentTypes('lacrmOAuth2Api')` is `['oAuth2Api']` and n8n-core takes its real OAuth2 path;
 *  - `getDecrypted` returns a deep COPY of what is stored, re-read on every call (n8n reads the
 *    database on every getCredentials; a token refreshed by one execution is seen by the next
 *    call of another, and nobody can mutate the store through a returned object);
 *  - `updateCredentialsOauthTokenData` / `updateCredentials` persist into the store (and are
 *    counted), like n8n's repository update;
 *  - `authenticate` applies an `IAuthenticateGeneric` by resolving `={{$credentials.x}}` with the
 *    workflow's real expression engine, exactly as n8n's CredentialsHelper does.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentials, ICredentialsHelper, Workflow } from 'n8n-workflow';

import { LacrmApi } from '../../credentials/LacrmApi.credentials';
import { LacrmOAuth2Api } from '../../credentials/LacrmOAuth2Api.credentials';
import { N8N_CORE_MAJOR } from './version';

/** One stored credential, as n8n keeps it in its `credentials_entity` table (decrypted). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** The in-memory credential store: credential id → stored credential. */
export type CredentialStore = Record<string, StoredCredential>;

/** One write into the store (what n8n would save to the database). */
export interface CredentialWrite {
	id: string;
	type: string;
	kind: 'oauthTokenData' | 'full';
	/** Deep copy of what was written (the oauthTokenData for kind 'oauthTokenData'). */
	data: IDataObject;
	at: number;
}

/**
 * Stand-in for n8n-nodes-base's `oAuth2Api` credential (not installed). n8n-core's OAuth2 path
 * only needs its name (as a parent type) and the stored data; the properties below mirror the
 * fields n8n-core reads, so `getCredentialsProperties` and defaults behave sensibly.
 */
export class OAuth2ApiStandIn implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API (harness stand-in)';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		{ displayName: 'Ignore SSL Issues', name: 'ignoreSSLIssues', type: 'boolean', default: false },
	];
}

/** The credential types this package ships, plus the oAuth2Api stand-in. */
export function defaultCredentialTypes(): ICredentialType[] {
	return [new LacrmApi(), new LacrmOAuth2Api(), new OAuth2ApiStandIn()];
}

function deepCopy<T>(value: T): T {
	return value === undefined ? value : (structuredClone(value) as T);
}

/** Minimal ICredentials over a decrypted copy (n8n's Credentials class encrypts; we need not). */
class HarnessCredentials extends ICredentials {
	private plain: ICredentialDataDecryptedObject;

	constructor(
		details: INodeCredentialsDetails,
		type: string,
		plain: ICredentialDataDecryptedObject,
	) {
		super(details, type, JSON.stringify(plain));
		this.plain = deepCopy(plain);
	}

	// n8n-workflow 1.x declares getData/setData synchronous, 2.x asynchronous.
	getData(): Promise<ICredentialDataDecryptedObject> {
		const copy = deepCopy(this.plain);
		return (
			N8N_CORE_MAJOR >= 2 ? Promise.resolve(copy) : copy
		) as Promise<ICredentialDataDecryptedObject>;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.plain) };
	}

	setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.plain = deepCopy(data);
		this.data = JSON.stringify(this.plain);
		return (N8N_CORE_MAJOR >= 2 ? Promise.resolve() : undefined) as Promise<void>;
	}

	updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const next = { ...this.plain, ...deepCopy(toUpdate) } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete next[key];
		return this.setData(next);
	}
}

export interface HarnessCredentialsHelperOptions {
	/** Credential classes to know about; default: LacrmApi, LacrmOAuth2Api and the oAuth2Api stand-in. */
	credentialTypes?: ICredentialType[];
	/**
	 * Fill properties missing from the stored data with the credential type's defaults
	 * (n8n does this in getDecrypted unless `raw`). Stored values always win: unlike n8n 2.x,
	 * hidden OAuth URLs are NOT pinned to the type defaults, so tests can point them at a local
	 * server (n8n would need CREDENTIALS_OVERWRITE_DATA for that). Default true.
	 */
	applyDefaults?: boolean;
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** The live store. Prefer `get(id)` (a copy) when asserting. */
	readonly store: CredentialStore;

	/** Every write into the store, in order. */
	readonly writes: CredentialWrite[] = [];

	/** Number of getDecrypted calls (how often n8n-core re-read a credential). */
	decryptCount = 0;

	private readonly types = new Map<string, ICredentialType>();

	private readonly applyDefaults: boolean;

	constructor(store: CredentialStore = {}, options: HarnessCredentialsHelperOptions = {}) {
		super();
		this.store = store;
		this.applyDefaults = options.applyDefaults ?? true;
		for (const type of options.credentialTypes ?? defaultCredentialTypes())
			this.types.set(type.name, type);
	}

	/** Add or replace a credential (a deep copy of `credential` is stored). */
	add(credential: StoredCredential): this {
		this.store[credential.id] = deepCopy(credential);
		return this;
	}

	/** A deep copy of the stored credential (throws when unknown). */
	get(id: string): StoredCredential {
		const stored = this.store[id];
		if (!stored) throw new Error(`Harness: no credential with id "${id}"`);
		return deepCopy(stored);
	}

	/** Number of writes, optionally for one credential id / kind. */
	writeCount(id?: string, kind?: CredentialWrite['kind']): number {
		return this.writes.filter(
			(w) => (id === undefined || w.id === id) && (kind === undefined || w.kind === kind),
		).length;
	}

	registerCredentialType(type: ICredentialType): this {
		this.types.set(type.name, type);
		return this;
	}

	getCredentialType(name: string): ICredentialType | undefined {
		return this.types.get(name);
	}

	// ---- ICredentialsHelper ---------------------------------------------------------------

	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (type?.extends === undefined) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	/** n8n 2.x: false only for a type with `restrictToSupportedNodes` that does not list the node. */
	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType) as
			(ICredentialType & { restrictToSupportedNodes?: boolean }) | undefined;
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & IDataObject;
		const credentialType = this.types.get(typeName);
		const authenticate = credentialType?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};
		if (authenticate.type === 'generic') {
			const resolver = expressionResolver(workflow, node, this.nodeTypesFor(workflow));
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as IDataObject)) {
					const keyResolved = resolver(key, credentials);
					const valueResolved = resolver(value as string, credentials);
					if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
					(requestOptions[outerKey] as IDataObject)[keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	// No LACRM credential type has preAuthentication: both answer "nothing to change", as n8n does.
	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const stored = this.find(nodeCredentials, type);
		return new HarnessCredentials({ id: stored.id, name: stored.name }, stored.type, stored.data);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		this.decryptCount++;
		const stored = this.find(nodeCredentials, type);
		const data = deepCopy(stored.data);
		if (raw || !this.applyDefaults) return data;
		for (const property of this.getCredentialsProperties(type)) {
			if (
				data[property.name] === undefined &&
				property.type !== 'notice' &&
				property.default !== undefined
			) {
				data[property.name] = deepCopy(property.default) as ICredentialDataDecryptedObject[string];
			}
		}
		return data;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		stored.data = deepCopy(data);
		this.writes.push({
			id: stored.id,
			type,
			kind: 'full',
			data: deepCopy(data) as IDataObject,
			at: Date.now(),
		});
	}

	/** Like n8n: merge only `oauthTokenData` into the CURRENT stored data and save it. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		stored.data = { ...stored.data, oauthTokenData: deepCopy(data.oauthTokenData) };
		this.writes.push({
			id: stored.id,
			type,
			kind: 'oauthTokenData',
			data: deepCopy(data.oauthTokenData ?? {}) as IDataObject,
			at: Date.now(),
		});
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.types.get(type);
		if (!credentialType) throw new Error(`Harness: unknown credential type "${type}"`);
		const own = credentialType.properties;
		const inherited = (credentialType.extends ?? []).flatMap((parent) =>
			this.types.has(parent) ? this.getCredentialsProperties(parent) : [],
		);
		// A child property overrides the parent's one of the same name (n8n merges the same way).
		const names = new Set(own.map((p) => p.name));
		return [...inherited.filter((p) => !names.has(p.name)), ...own];
	}

	// ---- internals ----------------------------------------------------------------------------

	private find(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		let stored: StoredCredential | undefined;
		if (nodeCredentials.id) {
			stored = this.store[nodeCredentials.id];
		} else {
			stored = Object.values(this.store).find(
				(c) => c.type === type && c.name === nodeCredentials.name,
			);
		}
		if (!stored) {
			throw new Error(
				`Harness: credential ${JSON.stringify(nodeCredentials)} of type "${type}" is not in the store`,
			);
		}
		if (stored.type !== type) {
			throw new Error(
				`Harness: credential "${stored.id}" has type "${stored.type}", not "${type}"`,
			);
		}
		return stored;
	}

	private nodeTypesFor(workflow?: Workflow): INodeTypes | undefined {
		return workflow?.nodeTypes;
	}
}

const RESOLVER_NODE: INode = {
	id: 'harness-credential-resolver',
	name: 'Harness credential resolver',
	type: 'harness.credentialResolver',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * n8n's CredentialsHelper.resolveValue: a string starting with "=" is an expression resolved
 * with `$credentials` as an additional key, through the workflow's own expression engine. n8n
 * 2.x passes no workflow on some paths; a throw-away Workflow is built then.
 */
function expressionResolver(
	workflow: Workflow | undefined,
	node: INode | undefined,
	nodeTypes?: INodeTypes,
) {
	let wf = workflow;
	const resolveNode = node ?? RESOLVER_NODE;
	return (value: string, credentials: ICredentialDataDecryptedObject): string => {
		if (typeof value !== 'string' || value.charAt(0) !== '=') return value;
		if (!wf) {
			wf = new Workflow({
				nodes: [],
				connections: {},
				active: false,
				nodeTypes: nodeTypes ?? emptyNodeTypes,
			});
		}
		const resolved = wf.expression.getSimpleParameterValue(
			resolveNode,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		if (!resolved) return '';
		return String(resolved);
	};
}

const emptyNodeTypes: INodeTypes = {
	getByName: () => {
		throw new Error('Harness: no node types in the credential resolver workflow');
	},
	getByNameAndVersion: () => {
		throw new Error('Harness: no node types in the credential resolver workflow');
	},
	getKnownTypes: () => ({}),
};
