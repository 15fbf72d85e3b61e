import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { uid } from '../Lacrm/helpers/fieldBuilders';
import { simplifyContact, simplifyPipelineItem } from '../Lacrm/helpers/simplify';
import { authenticationProperty, lacrmCredentials } from '../Lacrm/helpers/authentication';
import { listSearch } from '../Lacrm/methods';
import type { LacrmClient } from '../Lacrm/transport/client';
import { createClient } from '../Lacrm/transport/client';
import type { ChangeFeed, FeedState } from './changeFeed';
import { readChanges } from './changeFeed';

type Watch =
	| 'contactCreated'
	| 'contactUpdated'
	| 'companyCreated'
	| 'companyUpdated'
	| 'pipelineItemCreated'
	| 'pipelineItemUpdated';

const PAGE_SIZE = 500;

function time(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

function pipelineIdOf(ctx: IPollFunctions): string {
	const value = ctx.getNodeParameter('pipelineId', '', { extractValue: true }) as string;
	const id = typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(id))
		throw new NodeOperationError(ctx.getNode(), 'Choose the pipeline to watch in "Pipeline"');
	return id;
}

/** The feed of one kind of change, newest first, as LACRM can sort it. */
async function feedFor(
	ctx: IPollFunctions,
	client: LacrmClient,
	watch: Watch,
): Promise<ChangeFeed> {
	const updated = watch.endsWith('Updated');
	const field = updated ? 'LastUpdate' : 'DateCreated';
	const changeKey = (idField: string) => (record: IDataObject) =>
		updated ? `${String(record[idField])}@${String(record.LastUpdate)}` : String(record[idField]);
	if (watch.startsWith('pipelineItem')) {
		const pipelineId = pipelineIdOf(ctx);
		// Without a status filter LACRM lists only active statuses; a deal moved to "Won" is closed.
		const statuses = await client.callAll('GetPipelineStatuses', { PipelineId: pipelineId });
		return {
			feed: `${watch}:${pipelineId}`,
			fetchPage: async (page) =>
				(await client.page(
					'GetPipelineItems',
					{
						PipelineId: pipelineId,
						StatusFilter: statuses.map((status) => status.StatusId),
						SortBy: field,
						SortDirection: 'Descending',
					},
					{ number: page, size: PAGE_SIZE },
				)) as { items: IDataObject[]; hasMore: boolean },
			changedAt: (record) => time(record[field]),
			changeKey: changeKey('PipelineItemId'),
		};
	}
	return {
		feed: watch,
		fetchPage: async (page) =>
			(await client.page(
				'GetContacts',
				{
					RecordTypeFilter: watch.startsWith('company') ? 'Companies' : 'Contacts',
					SortBy: field,
					SortDirection: 'Descending',
				},
				{ number: page, size: PAGE_SIZE },
			)) as { items: IDataObject[]; hasMore: boolean },
		changedAt: (record) => time(record[field]),
		changeKey: changeKey('ContactId'),
	};
}

export class LacrmPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Less Annoying CRM Polling Trigger',
		name: 'lacrmPollingTrigger',
		icon: { light: 'file:../Lacrm/lacrm.svg', dark: 'file:../Lacrm/lacrm.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watch"]}}',
		description:
			'Checks Less Annoying CRM on a schedule for new or changed contacts, companies and pipeline items — no public URL needed',
		defaults: { name: 'Less Annoying CRM Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: lacrmCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Watch For',
				name: 'watch',
				type: 'options',
				options: [
					{ name: 'New Company', value: 'companyCreated' },
					{ name: 'New Contact', value: 'contactCreated' },
					{ name: 'New or Updated Company', value: 'companyUpdated' },
					{ name: 'New or Updated Contact', value: 'contactUpdated' },
					{
						name: 'New or Updated Pipeline Item',
						value: 'pipelineItemUpdated',
						description: 'Includes status changes',
					},
					{ name: 'New Pipeline Item', value: 'pipelineItemCreated' },
				],
				default: 'contactCreated',
			},
			{
				...uid({
					key: 'PipelineId',
					displayName: 'Pipeline',
					name: 'pipelineId',
					locator: 'pipeline',
					required: true,
				}).property,
				displayOptions: { show: { watch: ['pipelineItemCreated', 'pipelineItemUpdated'] } },
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return flat records (first email and phone as text, names as text) instead of the raw LACRM data',
			},
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watch = this.getNodeParameter('watch') as Watch;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const client = createClient(this, this.getNodeParameter('authentication', 'apiKey') as string);
		const feed = await feedFor(this, client, watch);
		const shape = (record: IDataObject) =>
			simplify
				? watch.startsWith('pipelineItem')
					? simplifyPipelineItem(record)
					: simplifyContact(record)
				: record;

		if (this.getMode() === 'manual') {
			// "Fetch test event": show the latest matching record, leave the cursor alone.
			const { items } = await feed.fetchPage(1);
			return items.length ? [this.helpers.returnJsonArray([shape(items[0])])] : null;
		}

		const staticData = this.getWorkflowStaticData('node') as IDataObject & {
			changeFeed?: FeedState;
		};
		const { changes, state } = await readChanges(feed, staticData.changeFeed ?? {});
		// Saved only now that the whole poll succeeded: an error above leaves the cursor untouched.
		staticData.changeFeed = state;
		return changes.length ? [this.helpers.returnJsonArray(changes.map(shape))] : null;
	}
}
