/**
 * Gives a test a real LacrmClient inside a real n8n execution context (n8n-core's ExecuteContext
 * through the harness), so transport behaviour is tested with n8n's own request helpers and
 * credential handling — not with a mock of them.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { LacrmClientOptions } from '../../../nodes/Lacrm/transport/client';
import { LacrmClient } from '../../../nodes/Lacrm/transport/client';
import { credentialTypeFor } from '../../../nodes/Lacrm/transport/credentials';
import type { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { HarnessNodeTypes } from '../../harness/node-types';
import { runWorkflow } from '../../harness/runner';
import { credentialsFor } from './runNode';

type ClientWork = (client: LacrmClient, ctx: IExecuteFunctions) => Promise<unknown>;

let pending:
	| {
			work: ClientWork;
			options: LacrmClientOptions;
			outcome?: { value?: unknown; error?: unknown };
	  }
	| undefined;

class ClientProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Client Probe',
		name: 'clientProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs a test callback with a LacrmClient',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'lacrmApi', required: false },
			{ name: 'lacrmOAuth2Api', required: false },
		],
		properties: [
			{ displayName: 'Authentication', name: 'authentication', type: 'string', default: 'apiKey' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const job = pending!;
		const client = new LacrmClient(
			this,
			credentialTypeFor(this.getNodeParameter('authentication', 0) as string),
			job.options,
		);
		try {
			job.outcome = { value: await job.work(client, this) };
		} catch (error) {
			job.outcome = { error };
		}
		return [[{ json: {}, pairedItem: { item: 0 } }]];
	}
}

export interface ClientRun<T> {
	value?: T;
	error?: Error & {
		description?: string;
		httpCode?: string | null;
		context?: Record<string, unknown>;
	};
	credentials: HarnessCredentialsHelper;
}

export async function withClient<T>(
	work: (client: LacrmClient, ctx: IExecuteFunctions) => Promise<T>,
	options: {
		authentication?: 'apiKey' | 'oAuth2';
		client?: LacrmClientOptions;
		credentials?: HarnessCredentialsHelper;
	} = {},
): Promise<ClientRun<T>> {
	const authentication = options.authentication ?? 'apiKey';
	const credentials = options.credentials ?? credentialsFor(authentication);
	pending = { work, options: { retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options.client } };
	await runWorkflow(
		{
			nodes: [
				{
					id: 's',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'p',
					name: 'Probe',
					type: 'test.clientProbe',
					typeVersion: 1,
					position: [200, 0],
					parameters: { authentication },
					credentials:
						authentication === 'apiKey'
							? { lacrmApi: { id: 'cred-api', name: 'LACRM API key' } }
							: { lacrmOAuth2Api: { id: 'cred-oauth', name: 'LACRM OAuth2' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
		},
		{
			nodeTypes: new HarnessNodeTypes({ 'test.clientProbe': new ClientProbe() }),
			credentials,
			startData: { nodeName: 'Start', items: [{}] },
		},
	);
	const outcome = pending.outcome ?? {};
	pending = undefined;
	return { value: outcome.value as T, error: outcome.error as ClientRun<T>['error'], credentials };
}
