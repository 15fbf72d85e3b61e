import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { uid } from '../Lacrm/helpers/fieldBuilders';
import { authenticationProperty, lacrmCredentials } from '../Lacrm/helpers/authentication';
import { lacrmRefusesEndpoint, TRIGGER_HTTPS_HELP } from '../Lacrm/helpers/endpointUrl';
import {
	POLLING_TRIGGER_HINT,
	unsupportedWebhookEvent,
	WEBHOOK_EVENTS,
	webhookEventLabel,
} from '../Lacrm/helpers/webhookEvents';
import { listSearch, loadOptions } from '../Lacrm/methods';
import type { LacrmClient } from '../Lacrm/transport/client';
import { createClient } from '../Lacrm/transport/client';
import { credentialTypeFor } from '../Lacrm/transport/credentials';
import type { Webhook, WebhookEvent, WebhookScope } from '../Lacrm/transport/types';
import type { DeliveryFilters } from './deliveries';
import { itemsFromDelivery } from './deliveries';
import { expectHandshake, handshakeKey, receiveHandshake } from './handshake';
import { isValidSignature } from './signature';

const PIPELINE_EVENTS: WebhookEvent[] = ['PipelineItemStatus.Create', 'PipelineItemStatus.Update'];
const GROUP_EVENTS: WebhookEvent[] = ['GroupMembership.Create'];

/** The subtitle names the events as the user picked them: "Pipeline item status changed". */
const EVENT_LABELS = JSON.stringify(
	Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event.value, webhookEventLabel(event.value)])),
);

/** What this node keeps in the workflow's static data, written once by create(). */
interface HookState extends IDataObject {
	webhookId?: string;
	/** The handshake secret: the key of every delivery's signature. */
	hookSecret?: string;
	endpointUrl?: string;
	/** Events and scope the hook was created with: LACRM hooks cannot be edited, only replaced. */
	subscription?: string;
}

function credentialTypeOf(ctx: IHookFunctions) {
	return credentialTypeFor(ctx.getNodeParameter('authentication', 'apiKey') as string);
}

function clientOf(ctx: IHookFunctions): LacrmClient {
	return createClient(ctx, ctx.getNodeParameter('authentication', 'apiKey') as string);
}

/** n8n's webhook URL for this node, refused before any request when LACRM would refuse it. */
async function endpointUrlOf(ctx: IHookFunctions): Promise<string> {
	const endpointUrl = ctx.getNodeWebhookUrl('default') as string;
	const credentials = await ctx.getCredentials(credentialTypeOf(ctx));
	if (lacrmRefusesEndpoint(endpointUrl, credentials.baseUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`LACRM needs an https:// webhook URL, and n8n's is ${endpointUrl}`,
			{ description: TRIGGER_HTTPS_HELP },
		);
	}
	return endpointUrl;
}

function desiredSubscription(ctx: IHookFunctions): {
	events: WebhookEvent[];
	scope: WebhookScope;
	key: string;
} {
	const events = [...(ctx.getNodeParameter('events', []) as WebhookEvent[])].sort();
	for (const event of events) {
		const instead = unsupportedWebhookEvent(event);
		if (instead) {
			// A workflow saved when more events were offered: say so, rather than register a hook that never fires.
			throw new NodeOperationError(
				ctx.getNode(),
				`The event "${event}" is not one LACRM sends: remove it from "Events"`,
				{ description: instead },
			);
		}
	}
	const scope = ctx.getNodeParameter('scope', 'Account') as WebhookScope;
	return { events, scope, key: `${scope}:${events.join(',')}` };
}

function sameEvents(webhook: Webhook, events: WebhookEvent[]): boolean {
	const subscribed = [...(webhook.SubscribedEvents ?? [])].sort();
	return (
		subscribed.length === events.length &&
		subscribed.every((event, index) => event === events[index])
	);
}

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return value[0] as string | undefined;
	return typeof value === 'string' ? value : undefined;
}

function selectedId(value: unknown): string | undefined {
	const raw = value && typeof value === 'object' ? (value as IDataObject).value : value;
	const text = typeof raw === 'string' ? raw.trim() : '';
	return text === '' ? undefined : text;
}

export class LacrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Less Annoying CRM Trigger',
		name: 'lacrmTrigger',
		icon: { light: 'file:../Lacrm/lacrm.svg', dark: 'file:../Lacrm/lacrm.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{$parameter["events"].map((event) => (${EVENT_LABELS})[event] ?? event).join(", ")}}`,
		description:
			'Starts the workflow when contacts or companies are created or added to groups, calendar events change, or pipeline items get a status in Less Annoying CRM',
		defaults: { name: 'Less Annoying CRM Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: lacrmCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			authenticationProperty,
			{
				displayName:
					'LACRM calls n8n over the internet, so n8n needs a public HTTPS URL. Without one, use the Less Annoying CRM Polling Trigger.',
				name: 'publicUrlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: WEBHOOK_EVENTS,
				description: 'What should start the workflow',
			},
			{
				displayName: POLLING_TRIGGER_HINT,
				name: 'pollingTriggerNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				options: [
					{ name: 'Changes by Anyone in the Account', value: 'Account' },
					{ name: 'Only My Changes', value: 'User' },
				],
				default: 'Account',
				description:
					"Whose changes count: everyone's (that the credential's user may see), or only those made by the credential's user",
			},
			{
				...uid({
					key: 'PipelineId',
					displayName: 'Pipeline',
					name: 'pipelineId',
					locator: 'pipeline',
					description: 'Only pipeline items of this pipeline (leave empty for all pipelines)',
				}).property,
				displayOptions: { show: { events: PIPELINE_EVENTS } },
			},
			{
				displayName: 'Status Names or IDs',
				name: 'statusIds',
				type: 'multiOptions',
				typeOptions: {
					loadOptionsMethod: 'getStatuses',
					loadOptionsDependsOn: ['pipelineId.value'],
				},
				default: [],
				description:
					'Only pipeline items in these statuses, e.g. "Won" (leave empty for any status). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { events: PIPELINE_EVENTS } },
			},
			{
				...uid({
					key: 'GroupId',
					displayName: 'Group',
					name: 'groupId',
					locator: 'group',
					description: 'Only memberships of this group (leave empty for all groups)',
				}).property,
				displayOptions: { show: { events: GROUP_EVENTS } },
			},
		],
	};

	methods = { listSearch, loadOptions };

	webhookMethods = {
		default: {
			/**
			 * Ours exists only if LACRM still has an active (not archived) hook at our URL with the
			 * events we want AND we hold its secret. Anything else is cleared away so create() can
			 * make a fresh one: that is how a hook LACRM archived after failures heals on re-activation.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as HookState;
				const wanted = desiredSubscription(this);
				const endpointUrl = await endpointUrlOf(this);
				const client = clientOf(this);
				const hooks = await client.callAll('GetWebhooks', { IncludeArchived: true });
				// While n8n listens for a test event, the stored state may describe the production hook
				// of the active workflow (at /webhook/…): that one is not ours to replace.
				const listening = this.getActivationMode() === 'manual';
				// Ours: at our URL, or the one we made before n8n's URL changed.
				const atOurUrl = hooks.filter(
					(hook) =>
						hook.EndpointUrl === endpointUrl ||
						(!listening && state.webhookId !== undefined && hook.WebhookId === state.webhookId),
				);
				const usable = atOurUrl.find(
					(hook) =>
						!hook.DateArchived &&
						hook.EndpointUrl === endpointUrl &&
						hook.WebhookId === state.webhookId &&
						typeof state.hookSecret === 'string' &&
						state.subscription === wanted.key &&
						sameEvents(hook, wanted.events),
				);
				if (usable) return true;
				for (const stale of atOurUrl) {
					if (!stale.DateArchived)
						await client.call('DeleteWebhook', { WebhookId: stale.WebhookId });
				}
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const { events, scope, key } = desiredSubscription(this);
				const endpointUrl = await endpointUrlOf(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event in "Events"');
				}
				const client = clientOf(this);
				const handshake = expectHandshake(handshakeKey(this));
				let webhookId: string;
				try {
					({ WebhookId: webhookId } = await client.call('CreateWebhook', {
						EndpointUrl: endpointUrl,
						WebhookScope: scope,
						Events: events,
					}));
				} finally {
					handshake.done();
				}
				const secret = handshake.secret();
				if (!secret) {
					// Without the secret no delivery could be verified: do not leave the hook behind.
					await client.call('DeleteWebhook', { WebhookId: webhookId });
					throw new NodeOperationError(
						this.getNode(),
						"LACRM's webhook handshake did not reach this n8n process",
						{
							description:
								'LACRM sends a secret to the webhook URL while the webhook is created, and this n8n process must receive it to verify deliveries. This happens when production webhooks are served by separate webhook processes (queue mode). Serve webhooks from the main process, or use the Less Annoying CRM Polling Trigger.',
						},
					);
				}
				const state = this.getWorkflowStaticData('node') as HookState;
				state.webhookId = webhookId;
				state.hookSecret = secret;
				state.endpointUrl = endpointUrl;
				state.subscription = key;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as HookState;
				if (state.webhookId) {
					const hooks = await clientOf(this).callAll('GetWebhooks', { IncludeArchived: true });
					if (hooks.some((hook) => hook.WebhookId === state.webhookId && !hook.DateArchived)) {
						await clientOf(this).call('DeleteWebhook', { WebhookId: state.webhookId });
					}
				}
				delete state.webhookId;
				delete state.hookSecret;
				delete state.endpointUrl;
				delete state.subscription;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const headers = this.getHeaderData() as IDataObject;
		const response = this.getResponseObject();

		const handshakeSecret = header(headers, 'x-hook-secret');
		if (handshakeSecret) {
			receiveHandshake(handshakeKey(this), handshakeSecret);
			response.setHeader('X-Hook-Secret', handshakeSecret);
			response.status(200).json({ message: 'Handshake accepted' });
			return { noWebhookResponse: true };
		}

		const state = this.getWorkflowStaticData('node') as HookState;
		// n8n keeps the body as received (rawBody) next to the parsed one: the signature covers it.
		const request: { rawBody?: unknown } = this.getRequestObject();
		const rawBody = Buffer.isBuffer(request.rawBody)
			? request.rawBody
			: typeof request.rawBody === 'string'
				? Buffer.from(request.rawBody)
				: undefined;
		const signature = header(headers, 'x-hook-signature');
		if (!rawBody || !state.hookSecret || !isValidSignature(rawBody, signature, state.hookSecret)) {
			// Forged, unsigned, or for a hook we no longer know: refuse, and start nothing.
			response.status(401).json({ message: 'Invalid or missing X-Hook-Signature' });
			return { noWebhookResponse: true };
		}

		const filters: DeliveryFilters = {
			pipelineId: selectedId(this.getNodeParameter('pipelineId', '')),
			statusIds: (this.getNodeParameter('statusIds', []) as string[]).map(String),
			groupId: selectedId(this.getNodeParameter('groupId', '')),
		};
		const items = itemsFromDelivery(this.getBodyData() as IDataObject, filters);
		if (items.length === 0) return { webhookResponse: { message: 'Nothing matched the filters' } };
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
