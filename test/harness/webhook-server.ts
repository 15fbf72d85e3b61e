/**
 * A minimal production-webhook host, modelled on n8n's ActiveWorkflowManager (activation),
 * WebhookService (checkExists → create, delete) and LiveWebhooks / WebhookHelpers (request
 * handling), around n8n-core's real HookContext and WebhookContext.
 *
 * Timing and static data follow n8n exactly where it matters for webhook triggers:
 *  - activation registers the webhook route BEFORE running checkExists/create (n8n stores the
 *    webhook row first), so a handshake call made by the remote service during create() is
 *    served and reaches webhook();
 *  - activation works on its OWN copy of the workflow's static data and persists that copy
 *    after all create() calls returned (ActiveWorkflowManager.addWebhooks → saveStaticData);
 *  - every webhook request builds a fresh Workflow from the stored static data, and saves it
 *    after webhook() returned (LiveWebhooks' response callback) — so a value written by a
 *    webhook() call during create() is overwritten by the activation's save, as in real n8n;
 *  - an execution started by a webhook persists static data when it ends (workflowExecuteAfter).
 *
 * Test webhooks ("Listen for test event", n8n's TestWebhooks) follow n8n as well:
 *  - listen() registers the `/webhook-test/…` route BEFORE checkExists/create, which run with
 *    mode and activation 'manual' and webhookData.isTest, so the HookContext reports the TEST URL;
 *    the WebhookContext serving a request always reports the PRODUCTION URL (n8n-core's
 *    WebhookContext.getNodeWebhookUrl drops the test flag, in 1.x and 2.x);
 *  - the registration keeps the static data create() left (never saved to the workflow);
 *  - a request whose webhook() starts no execution (a handshake, a refused delivery) leaves the
 *    registration in place; the first one that starts an execution uses it up: the execution runs
 *    in 'manual' mode and the test webhooks are deactivated (delete() on the registration's
 *    static data);
 *  - stopListening() (the editor's "stop listening", n8n's cancelWebhook) deactivates them too.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialStore, HarnessCredentialsHelper } from './credentials-helper';
import type { HarnessNodeTypes } from './node-types';
import type { HarnessWorkflow, WorkflowRunResult } from './runner';
import {
	buildWorkflow,
	nextExecutionId,
	persistIfChanged,
	runWorkflow,
	staticDataOf,
	toCredentialsHelper,
} from './runner';

export interface WebhookServerOptions {
	nodeTypes: HarnessNodeTypes;
	credentials?: HarnessCredentialsHelper | CredentialStore;
}

/** An express-like request, as n8n's webhook middleware leaves it. */
export interface HarnessWebhookRequest extends http.IncomingMessage {
	body: unknown;
	/** The raw body as a Buffer (n8n's raw-body middleware stores it here). */
	rawBody: Buffer;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	path: string;
	get(name: string): string | undefined;
	header(name: string): string | undefined;
}

/** An express-like response over node:http's ServerResponse. */
export interface HarnessWebhookResponse extends http.ServerResponse {
	status(code: number): HarnessWebhookResponse;
	set(name: string, value: string): HarnessWebhookResponse;
	header(name: string, value: string): HarnessWebhookResponse;
	send(body?: unknown): HarnessWebhookResponse;
	json(body: unknown): HarnessWebhookResponse;
	sendStatus(code: number): HarnessWebhookResponse;
}

export interface RegisteredWebhook {
	method: string;
	/** Path below /webhook/ (n8n's webhook_entity.webhookPath). */
	path: string;
	workflowId: string;
	nodeName: string;
	webhookName: string;
}

export interface WebhookRequestRecord {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	workflowId?: string;
	nodeName?: string;
	/** Status code the caller got. */
	status?: number;
	/** Body the caller got. */
	responseBody?: string;
	/** What webhook() returned. */
	webhookResult?: IWebhookResponseData;
	/** Error thrown by webhook(). */
	error?: Error;
	/** The execution started by this request, if any. */
	executionId?: string;
}

export interface StartedExecution {
	executionId: string;
	workflowId: string;
	nodeName: string;
	/** Started through a test webhook (the editor's "Listen for test event"). */
	test?: boolean;
	done: Promise<WorkflowRunResult>;
	result?: WorkflowRunResult;
}

export interface ActivationCall {
	workflowId: string;
	activation: WorkflowActivateMode;
	webhooks: RegisteredWebhook[];
	/** checkExists' answer per webhook, and whether create() ran. */
	checks: Array<{ nodeName: string; webhookName: string; existed: boolean; created: boolean }>;
}

/** n8n's TestWebhookRegistration: the route, and the static data create() left behind. */
interface TestRegistration {
	route: RegisteredWebhook;
	staticData: IDataObject;
}

const DEFAULT_RESPONSE = { message: 'Workflow was started' };

function routeKey(method: string, path: string): string {
	return `${method.toUpperCase()} ${path}`;
}

function trimSlashes(path: string): string {
	let p = path;
	if (p.startsWith('/')) p = p.slice(1);
	if (p.endsWith('/')) p = p.slice(0, -1);
	return p;
}

export class WebhookServer {
	/** e.g. http://127.0.0.1:41234 — n8n's instance base URL. */
	readonly url: string;

	/** `${url}/webhook` — n8n's webhookBaseUrl (production webhooks). */
	readonly webhookBaseUrl: string;

	/** `${url}/webhook-test` — n8n's webhookTestBaseUrl (the editor's test webhooks). */
	readonly webhookTestBaseUrl: string;

	/** The "database": workflow id → workflow record (static data is persisted on it). */
	readonly workflows = new Map<string, HarnessWorkflow>();

	readonly requests: WebhookRequestRecord[] = [];

	readonly executions: StartedExecution[] = [];

	readonly activations: ActivationCall[] = [];

	readonly credentials: HarnessCredentialsHelper;

	readonly nodeTypes: HarnessNodeTypes;

	/** n8n's webhook cache / webhook_entity rows: "METHOD path" → route. */
	private readonly routes = new Map<string, RegisteredWebhook>();

	/** n8n's TestWebhookRegistrationsService: "METHOD path" → registration. */
	private readonly testRoutes = new Map<string, TestRegistration>();

	/** Deactivations of test webhooks started by a request (awaited by close()). */
	private readonly testCleanups: Array<Promise<unknown>> = [];

	private workflowCounter = 0;

	private readonly waiters: Array<() => void> = [];

	constructor(
		private readonly server: http.Server,
		options: WebhookServerOptions,
	) {
		const { port } = server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		this.webhookBaseUrl = `${this.url}/webhook`;
		this.webhookTestBaseUrl = `${this.url}/webhook-test`;
		this.nodeTypes = options.nodeTypes;
		this.credentials = toCredentialsHelper(options.credentials);
		server.on('request', (req, res) => {
			void this.handle(req, res);
		});
	}

	/** Number of executions webhook calls started. */
	get executionsStarted(): number {
		return this.executions.length;
	}

	/** The registered production webhooks (what n8n would route). */
	registeredWebhooks(): RegisteredWebhook[] {
		return [...this.routes.values()];
	}

	/** Full production URL of a registered webhook of a node. */
	webhookUrl(workflowId: string, nodeName: string, webhookName = 'default'): string {
		const route = [...this.routes.values()].find(
			(r) =>
				r.workflowId === workflowId && r.nodeName === nodeName && r.webhookName === webhookName,
		);
		if (!route)
			throw new Error(`Harness: no webhook "${webhookName}" registered for node "${nodeName}"`);
		return `${this.webhookBaseUrl}/${route.path}`;
	}

	/**
	 * Activate a workflow (ActiveWorkflowManager.add → addWebhooks): register its webhook routes,
	 * run checkExists → create (only when it does not exist) for every webhook, then persist the
	 * activation's copy of static data. The workflow object becomes the stored record (an id is
	 * assigned when missing; nodes with webhooks get a webhookId like n8n assigns in the editor).
	 */
	async activate(
		workflow: HarnessWorkflow,
		options: { activation?: WorkflowActivateMode } = {},
	): Promise<HarnessWorkflow> {
		this.save(workflow);
		await this.addWebhooks(workflow, options.activation ?? 'activate');
		workflow.active = true;
		return workflow;
	}

	/**
	 * "Listen for test event" (TestWebhooks.needsWebhook): register the workflow's test webhook
	 * routes, then run checkExists → create with mode and activation 'manual' on a copy of the
	 * stored static data, which the registration keeps. On an error, the test webhooks are
	 * deactivated again and the error is thrown (the editor shows it).
	 */
	async listen(workflow: HarnessWorkflow): Promise<HarnessWorkflow> {
		const record = this.save(workflow);
		const wf = buildWorkflow({ ...record, active: false }, this.nodeTypes);
		const additionalData = this.additionalData(wf);
		const mode: WorkflowExecuteMode = 'manual';
		const registrations: TestRegistration[] = [];
		try {
			for (const webhookData of this.getWorkflowWebhooks(wf, additionalData)) {
				webhookData.isTest = true;
				const route = this.toRoute(webhookData);
				// Registered before creation, in case the service calls back while being asked to create.
				const registration: TestRegistration = { route, staticData: staticDataOf(wf) };
				this.testRoutes.set(routeKey(route.method, route.path), registration);
				registrations.push(registration);
				const existed =
					(await this.runWebhookMethod('checkExists', wf, webhookData, mode, 'manual')) === true;
				if (!existed) await this.runWebhookMethod('create', wf, webhookData, mode, 'manual');
			}
		} catch (error) {
			for (const registration of registrations) registration.staticData = staticDataOf(wf);
			await this.deactivateTestWebhooks(record.id as string);
			throw error;
		}
		for (const registration of registrations) registration.staticData = staticDataOf(wf);
		return record;
	}

	/** The editor's "stop listening" (TestWebhooks.cancelWebhook): delete() for every test webhook. */
	async stopListening(workflow: HarnessWorkflow | string): Promise<Error[]> {
		return await this.deactivateTestWebhooks(this.record(workflow).id as string);
	}

	/** Whether a workflow's test webhooks are registered (n8n is listening for a test event). */
	isListening(workflow: HarnessWorkflow | string): boolean {
		const id = typeof workflow === 'string' ? workflow : workflow.id;
		return [...this.testRoutes.values()].some(({ route }) => route.workflowId === id);
	}

	/** Full test URL (`/webhook-test/…`) of a node's registered test webhook. */
	testWebhookUrl(workflowId: string, nodeName: string, webhookName = 'default'): string {
		const registration = [...this.testRoutes.values()].find(
			({ route }) =>
				route.workflowId === workflowId &&
				route.nodeName === nodeName &&
				route.webhookName === webhookName,
		);
		if (!registration)
			throw new Error(
				`Harness: no test webhook "${webhookName}" registered for node "${nodeName}"`,
			);
		return `${this.webhookTestBaseUrl}/${registration.route.path}`;
	}

	/**
	 * Deactivate (ActiveWorkflowManager.remove → clearWebhooks): run delete() for every webhook
	 * on a fresh copy of the stored workflow, persist its static data, drop the routes. Like n8n,
	 * errors from delete() do not stop deactivation; they are returned.
	 */
	async deactivate(workflow: HarnessWorkflow | string): Promise<Error[]> {
		const record = this.record(workflow);
		const wf = buildWorkflow({ ...record, active: true }, this.nodeTypes);
		const additionalData = this.additionalData(wf);
		const errors: Error[] = [];
		for (const webhookData of this.getWorkflowWebhooks(wf, additionalData)) {
			try {
				await this.runWebhookMethod('delete', wf, webhookData, 'internal', 'update');
			} catch (error) {
				errors.push(error as Error);
			}
		}
		persistIfChanged(wf, record);
		this.dropRoutes(record.id as string);
		record.active = false;
		return errors;
	}

	/**
	 * Simulate an n8n restart: drop every in-memory cache (the webhook routes) and re-activate
	 * every active workflow with activation mode 'init'. By default this re-runs
	 * checkExists → create like n8n 1.x does at start-up; `runWebhookMethods: false` only
	 * re-registers the routes (n8n 2.x with the workflow publication service does not re-run
	 * create() for active workflows at start-up, as observed in n8n 2.40).
	 */
	async restart(options: { runWebhookMethods?: boolean } = {}): Promise<void> {
		this.routes.clear();
		for (const record of this.workflows.values()) {
			if (!record.active) continue;
			if (options.runWebhookMethods ?? true) {
				await this.addWebhooks(record, 'init');
			} else {
				const wf = buildWorkflow({ ...record, active: true }, this.nodeTypes);
				for (const webhookData of this.getWorkflowWebhooks(wf, this.additionalData(wf))) {
					this.addRoute(webhookData);
				}
			}
		}
	}

	/** Wait until at least `count` executions were started and all of those finished. */
	async waitForExecutions(count: number, timeoutMs = 20_000): Promise<WorkflowRunResult[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.executions.length < count) {
			if (Date.now() > deadline) {
				throw new Error(`Harness: expected ${count} executions, got ${this.executions.length}`);
			}
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, 25);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		return await Promise.all(this.executions.slice(0, count).map(async (e) => await e.done));
	}

	/** Wait for every started execution to finish (and test webhooks they used up to be removed). */
	async idle(): Promise<WorkflowRunResult[]> {
		const results = await Promise.all(this.executions.map(async (e) => await e.done));
		await Promise.allSettled(this.testCleanups);
		return results;
	}

	async close(): Promise<void> {
		await Promise.allSettled(this.executions.map(async (e) => await e.done));
		await Promise.allSettled(this.testCleanups);
		await new Promise<void>((resolve) => {
			this.server.closeAllConnections();
			this.server.close(() => resolve());
		});
	}

	// ---- activation ----------------------------------------------------------------------

	private async addWebhooks(
		record: HarnessWorkflow,
		activation: WorkflowActivateMode,
	): Promise<void> {
		// The activation's own Workflow, over its own copy of the stored static data.
		const wf = buildWorkflow({ ...record, active: true }, this.nodeTypes);
		const additionalData = this.additionalData(wf);
		const webhooks = this.getWorkflowWebhooks(wf, additionalData);
		const call: ActivationCall = {
			workflowId: wf.id,
			activation,
			webhooks: [],
			checks: [],
		};
		this.activations.push(call);
		const mode: WorkflowExecuteMode = 'trigger';
		for (const webhookData of webhooks) {
			call.webhooks.push(this.addRoute(webhookData));
			try {
				const existed =
					(await this.runWebhookMethod('checkExists', wf, webhookData, mode, activation)) === true;
				let created = false;
				if (!existed) {
					await this.runWebhookMethod('create', wf, webhookData, mode, activation);
					created = true;
				}
				call.checks.push({
					nodeName: webhookData.node,
					webhookName: webhookData.webhookDescription.name,
					existed,
					created,
				});
			} catch (error) {
				// n8n: clearWebhooks (runs delete for every webhook), then rethrow.
				const cleanup = buildWorkflow({ ...record, active: true }, this.nodeTypes);
				for (const w of this.getWorkflowWebhooks(cleanup, this.additionalData(cleanup))) {
					await this.runWebhookMethod('delete', cleanup, w, 'internal', 'update').catch(
						() => undefined,
					);
				}
				persistIfChanged(cleanup, record);
				this.dropRoutes(wf.id);
				throw error;
			}
		}
		// ActiveWorkflowManager.addWebhooks: saveStaticData(workflow) AFTER all create() calls.
		persistIfChanged(wf, record);
	}

	/** WebhookService.getNodeWebhooks for every node (restart webhooks ignored). */
	getWorkflowWebhooks(
		workflow: Workflow,
		additionalData: IWorkflowExecuteAdditionalData,
	): IWebhookData[] {
		const result: IWebhookData[] = [];
		for (const node of Object.values(workflow.nodes)) {
			if (node.disabled === true) continue;
			const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			for (const description of nodeType.description.webhooks ?? []) {
				if (description.restartWebhook === true) continue;
				const resolve = <T>(value: unknown, fallback?: T) =>
					workflow.expression.getSimpleParameterValue(
						node,
						value as string,
						'internal',
						{},
						undefined,
						fallback as string,
					) as T;
				const rawPath = resolve<string | undefined>(description.path);
				if (rawPath === undefined) continue;
				const nodeWebhookPath = trimSlashes(String(rawPath));
				const isFullPath = resolve<boolean>(description.isFullPath, false);
				const path = NodeHelpers.getNodeWebhookPath(
					workflow.id,
					node,
					nodeWebhookPath,
					isFullPath,
					false,
				);
				const methods = resolve<string>(description.httpMethod, 'GET');
				for (const method of String(methods).split(',')) {
					if (!method.trim()) continue;
					result.push({
						httpMethod: method.trim() as IHttpRequestMethods,
						node: node.name,
						path,
						webhookDescription: description,
						workflowId: workflow.id,
						workflowExecuteAdditionalData: additionalData,
						webhookId: node.webhookId,
					});
				}
			}
		}
		return result;
	}

	/** WebhookService.runWebhookMethod: call webhookMethods[name][method] in a real HookContext. */
	private async runWebhookMethod(
		method: 'checkExists' | 'create' | 'delete',
		workflow: Workflow,
		webhookData: IWebhookData,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
	): Promise<boolean | undefined> {
		const node = workflow.getNode(webhookData.node);
		if (!node) return undefined;
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const fn = nodeType.webhookMethods?.[webhookData.webhookDescription.name]?.[method];
		if (fn === undefined) return undefined;
		const context = new HookContext(
			workflow,
			node,
			webhookData.workflowExecuteAdditionalData,
			mode,
			activation,
			webhookData,
		);
		return await fn.call(context);
	}

	private toRoute(webhookData: IWebhookData): RegisteredWebhook {
		return {
			method: webhookData.httpMethod,
			path: trimSlashes(webhookData.path),
			workflowId: webhookData.workflowId,
			nodeName: webhookData.node,
			webhookName: webhookData.webhookDescription.name,
		};
	}

	private addRoute(webhookData: IWebhookData): RegisteredWebhook {
		const route = this.toRoute(webhookData);
		this.routes.set(routeKey(route.method, route.path), route);
		return route;
	}

	/**
	 * TestWebhooks.deactivateWebhooks: for every test webhook of the workflow, delete() on the
	 * static data its registration kept, then deregister it. Errors are collected, not thrown.
	 */
	private async deactivateTestWebhooks(workflowId: string): Promise<Error[]> {
		const record = this.record(workflowId);
		const errors: Error[] = [];
		for (const [key, registration] of [...this.testRoutes]) {
			if (registration.route.workflowId !== workflowId) continue;
			this.testRoutes.delete(key);
			const wf = buildWorkflow(
				{ ...record, active: false, staticData: registration.staticData },
				this.nodeTypes,
			);
			const webhookData = this.getWorkflowWebhooks(wf, this.additionalData(wf)).find(
				(w) =>
					w.node === registration.route.nodeName &&
					w.webhookDescription.name === registration.route.webhookName,
			);
			if (!webhookData) continue;
			webhookData.isTest = true;
			try {
				await this.runWebhookMethod('delete', wf, webhookData, 'internal', 'update');
			} catch (error) {
				errors.push(error as Error);
			}
		}
		return errors;
	}

	/** Store a workflow like n8n saves it: an id, and a webhookId on every node with webhooks. */
	private save(workflow: HarnessWorkflow): HarnessWorkflow {
		if (!workflow.id) {
			this.workflowCounter++;
			workflow.id = `harness-wf-${this.workflowCounter}`;
		}
		for (const node of workflow.nodes) {
			const type = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			if (type.description.webhooks?.length && !node.webhookId)
				node.webhookId = `${workflow.id}-${node.id}`;
		}
		this.workflows.set(workflow.id, workflow);
		return workflow;
	}

	private dropRoutes(workflowId: string): void {
		for (const [key, route] of this.routes)
			if (route.workflowId === workflowId) this.routes.delete(key);
	}

	private record(workflow: HarnessWorkflow | string): HarnessWorkflow {
		const id = typeof workflow === 'string' ? workflow : workflow.id;
		const record = id ? this.workflows.get(id) : undefined;
		if (!record) throw new Error(`Harness: workflow "${id}" is not known to the webhook server`);
		return record;
	}

	private additionalData(
		workflow: Workflow,
		extra: { httpRequest?: unknown; httpResponse?: unknown; executionId?: string } = {},
	): IWorkflowExecuteAdditionalData {
		return buildAdditionalData({
			credentialsHelper: this.credentials,
			instanceBaseUrl: this.url,
			workflowId: workflow.id,
			...extra,
		});
	}

	// ---- request handling ------------------------------------------------------------------

	private async handle(
		incoming: http.IncomingMessage,
		serverResponse: http.ServerResponse,
	): Promise<void> {
		const rawBody = await readBody(incoming);
		const url = new URL(incoming.url ?? '/', this.url);
		const req = toRequest(incoming, url, rawBody);
		const res = toResponse(serverResponse);
		const record: WebhookRequestRecord = {
			method: incoming.method ?? 'GET',
			path: url.pathname,
			headers: incoming.headers,
			rawBody,
		};
		this.requests.push(record);
		captureResponse(res, record);
		try {
			await this.executeWebhook(req, res, url, record);
		} catch (error) {
			record.error = error as Error;
			if (!res.headersSent) {
				res
					.status(500)
					.json({ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
			}
		}
	}

	/** LiveWebhooks.executeWebhook + WebhookHelpers.executeWebhook, reduced to what triggers need. */
	private async executeWebhook(
		req: HarnessWebhookRequest,
		res: HarnessWebhookResponse,
		url: URL,
		record: WebhookRequestRecord,
	): Promise<void> {
		const test = url.pathname.startsWith('/webhook-test/');
		const prefix = test ? '/webhook-test/' : '/webhook/';
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname.startsWith(prefix)
			? trimSlashes(url.pathname.slice(prefix.length))
			: undefined;
		const registration =
			test && path !== undefined ? this.testRoutes.get(routeKey(method, path)) : undefined;
		const route =
			path === undefined
				? undefined
				: test
					? registration?.route
					: this.routes.get(routeKey(method, path));
		if (!route) {
			res.status(404).json({
				code: 404,
				message: `The requested webhook "${method} ${path ?? url.pathname}" is not registered.`,
			});
			return;
		}
		record.workflowId = route.workflowId;
		record.nodeName = route.nodeName;

		const stored = this.record(route.workflowId);
		// A fresh Workflow over the CURRENTLY STORED static data (n8n reads the DB per request);
		// a test webhook over the static data its registration kept (setTestStaticData).
		const workflow = registration
			? buildWorkflow(
					{ ...stored, active: false, staticData: registration.staticData },
					this.nodeTypes,
				)
			: buildWorkflow({ ...stored, active: true }, this.nodeTypes);
		const additionalData = this.additionalData(workflow, { httpRequest: req, httpResponse: res });
		const webhookData = this.getWorkflowWebhooks(workflow, additionalData).find(
			(w) => w.httpMethod.toUpperCase() === method && trimSlashes(w.path) === route.path,
		);
		const startNode = workflow.getNode(route.nodeName) as INode;
		if (!webhookData || !startNode)
			throw new Error('Harness: could not find node to process webhook');
		if (test) webhookData.isTest = true;
		const nodeType = this.nodeTypes.getByNameAndVersion(startNode.type, startNode.typeVersion);
		if (!nodeType.webhook)
			throw new Error(`Harness: node type "${startNode.type}" has no webhook()`);

		const mode: WorkflowExecuteMode = test ? 'manual' : 'webhook';
		const context = new WebhookContext(
			workflow,
			startNode,
			additionalData,
			mode,
			webhookData,
			[],
			null,
		);
		const result = await nodeType.webhook.call(context);
		record.webhookResult = result;

		const description = webhookData.webhookDescription as IWebhookDescription;
		const resolve = <T>(value: unknown, fallback: T) =>
			workflow.expression.getSimpleParameterValue(
				startNode,
				value as string,
				mode,
				{},
				undefined,
				fallback as string,
			) as T;
		const responseMode = resolve<string>(description.responseMode, 'onReceived');
		const responseCode = Number(resolve<number>(description.responseCode, 200));

		const nodeAnswered = () => res.headersSent || res.writableEnded;

		if (result.workflowData === undefined) {
			if (result.noWebhookResponse !== true && !nodeAnswered()) {
				sendData(
					res,
					responseCode,
					result.webhookResponse !== undefined
						? result.webhookResponse
						: { message: 'Webhook call received' },
				);
			}
			// LiveWebhooks' response callback: save the request's static data. A test webhook saves
			// nothing and stays registered: n8n keeps waiting for a request that starts an execution.
			if (!test) persistIfChanged(workflow, stored);
			return;
		}

		if (responseMode === 'onReceived' && result.noWebhookResponse !== true && !nodeAnswered()) {
			sendData(
				res,
				responseCode,
				result.webhookResponse !== undefined ? result.webhookResponse : DEFAULT_RESPONSE,
			);
		}
		if (!test) persistIfChanged(workflow, stored);

		const executionId = nextExecutionId();
		record.executionId = executionId;
		const started: StartedExecution = {
			executionId,
			workflowId: stored.id as string,
			nodeName: startNode.name,
			...(test ? { test: true } : {}),
			done: runWorkflow(
				{ ...stored, active: !test, staticData: staticDataOf(workflow) },
				{
					nodeTypes: this.nodeTypes,
					credentials: this.credentials,
					mode,
					executionId,
					instanceBaseUrl: this.url,
					startData: { nodeName: startNode.name, outputs: result.workflowData },
					record: stored,
				},
			),
		};
		started.done = started.done.then((r) => {
			started.result = r;
			return r;
		});
		// Awaited later (waitForExecutions / idle / close); never an unhandled rejection meanwhile.
		started.done.catch(() => undefined);
		this.executions.push(started);
		for (const wake of this.waiters.splice(0)) wake();
		// One test event per "Listen": n8n removes the workflow's test webhooks once one started an execution.
		if (test) this.testCleanups.push(this.deactivateTestWebhooks(stored.id as string));

		if (responseMode !== 'onReceived' && !nodeAnswered()) {
			// lastNode / responseNode need the execution's result; LACRM triggers answer onReceived.
			res
				.status(500)
				.json({ code: 0, message: `Harness: responseMode "${responseMode}" is not supported` });
		}
	}
}

/** Start the webhook host on 127.0.0.1 (free port). */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return new WebhookServer(server, options);
}

// ---- express-like request / response ----------------------------------------------------------

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** n8n's body parsing: keep the raw Buffer in `rawBody`, parse JSON / form / text into `body`. */
function parseBody(contentType: string, raw: Buffer): unknown {
	if (raw.length === 0) return {};
	const type = contentType.split(';')[0].trim().toLowerCase();
	const text = raw.toString('utf8');
	if (type === 'application/json' || type.endsWith('+json')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return {};
		}
	}
	if (type === 'application/x-www-form-urlencoded') {
		const out: Record<string, string | string[]> = {};
		for (const [key, value] of new URLSearchParams(text)) {
			const existing = out[key];
			if (existing === undefined) out[key] = value;
			else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
		}
		return out;
	}
	if (type.startsWith('text/')) return text;
	return {};
}

function toRequest(
	incoming: http.IncomingMessage,
	url: URL,
	rawBody: Buffer,
): HarnessWebhookRequest {
	const req = incoming as HarnessWebhookRequest;
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of url.searchParams) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	req.rawBody = rawBody;
	req.body = parseBody(String(incoming.headers['content-type'] ?? ''), rawBody);
	req.query = query;
	req.params = {};
	req.path = url.pathname;
	req.get = (name: string) => {
		const value = incoming.headers[name.toLowerCase()];
		return Array.isArray(value) ? value.join(', ') : value;
	};
	req.header = req.get;
	return req;
}

function toResponse(serverResponse: http.ServerResponse): HarnessWebhookResponse {
	const res = serverResponse as HarnessWebhookResponse;
	res.status = (code: number) => {
		res.statusCode = code;
		return res;
	};
	res.set = (name: string, value: string) => {
		res.setHeader(name, value);
		return res;
	};
	res.header = res.set;
	res.send = (body?: unknown) => {
		if (body === undefined || body === null) {
			res.end();
		} else if (Buffer.isBuffer(body) || typeof body === 'string') {
			if (!res.getHeader('content-type')) {
				res.setHeader(
					'Content-Type',
					typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/octet-stream',
				);
			}
			res.end(body);
		} else {
			return res.json(body);
		}
		return res;
	};
	res.json = (body: unknown) => {
		if (!res.getHeader('content-type'))
			res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
		return res;
	};
	res.sendStatus = (code: number) => {
		res.statusCode = code;
		res.end(String(code));
		return res;
	};
	return res;
}

function sendData(res: HarnessWebhookResponse, code: number, data: unknown): void {
	res.status(code);
	if (typeof data === 'object' && data !== null && !Buffer.isBuffer(data))
		res.json(data as IDataObject);
	else res.send(data);
}

/** Record status and body of whatever is written to the response, by anyone. */
function captureResponse(res: HarnessWebhookResponse, record: WebhookRequestRecord): void {
	const chunks: Buffer[] = [];
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
	(res as unknown as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
		const chunk = args[0];
		if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
		return write(...args);
	};
	(res as unknown as { end: (...args: unknown[]) => http.ServerResponse }).end = (
		...args: unknown[]
	) => {
		const chunk = args[0];
		if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
		record.status = res.statusCode;
		record.responseBody = Buffer.concat(chunks).toString('utf8');
		return end(...args);
	};
}
