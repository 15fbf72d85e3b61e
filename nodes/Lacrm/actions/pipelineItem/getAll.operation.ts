import type { IDataObject } from 'n8n-workflow';

import type { Field, UnsentField } from '../../helpers/fieldBuilders';
import { advancedFilters, boolean, choice, uidList } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { parametersFor } from '../router';
import { sortDirection } from '../../helpers/filters';
import { simplifyPipelineItem } from '../../helpers/simplify';
import { pipelineField } from './fields';

const statusFilterField: Field<'StatusFilter'> = (() => {
	const field = uidList({
		key: 'StatusFilter',
		displayName: 'Status Names or IDs',
		name: 'statusFilter',
		loadOptionsMethod: 'getStatuses',
		description:
			'Only items in these statuses (closed ones included if listed). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	});
	return {
		...field,
		property: {
			...field.property,
			typeOptions: { ...field.property.typeOptions, loadOptionsDependsOn: ['pipelineId.value'] },
		},
	};
})();

// Not a LACRM parameter: `prepare` takes it out and lists the closed statuses instead.
const includeClosedField: UnsentField = {
	...boolean({
		key: 'IncludeClosed',
		displayName: 'Include Closed',
		name: 'includeClosed',
		description:
			'Whether to include items in closed statuses too. Without it (and without Status Names or IDs) LACRM returns only items in active statuses.',
	}),
	sent: false,
};

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many pipeline items',
	description:
		'List or filter the items of one pipeline (needs a PipelineId), by status, user or advanced filters. By default only items in active statuses; turn on Include Closed for all. Returns each item with its PipelineItemId and ContactId.',
	fn: 'GetPipelineItems',
	alsoCalls: ['GetPipelineStatuses'],
	fields: [pipelineField('The pipeline whose items to list')],
	list: true,
	simplify: simplifyPipelineItem,
	optional: {
		name: 'filters',
		displayName: 'Filters',
		fields: [
			statusFilterField,
			includeClosedField,
			uidList({
				key: 'UserFilter',
				displayName: 'User Names or IDs',
				name: 'userFilter',
				loadOptionsMethod: 'getUsers',
				description:
					'Only items belonging to these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			advancedFilters({
				key: 'AdvancedFilters',
				displayName: 'Advanced Filters',
				name: 'advancedFilters',
				examples: 'e.g. a custom field name of the pipeline',
				description: "LACRM advanced filters on the pipeline's fields, combined with AND",
			}),
		],
	},
	optionFields: [
		choice({
			key: 'SortBy',
			displayName: 'Sort By',
			name: 'sortBy',
			choices: [
				{ name: 'Date Created', value: 'DateCreated' },
				{ name: 'Last Update', value: 'LastUpdate' },
				{ name: 'Status', value: 'Status' },
			],
			default: 'Status',
		}),
		sortDirection('Ascending'),
	],
	prepare: (_input, prepared) => {
		const { IncludeClosed, ...parameters } = prepared.parameters;
		prepared.parameters = parameters;
		// An explicit status list already says which statuses, closed ones included.
		return { includeClosed: IncludeClosed === true && parameters.StatusFilter === undefined };
	},
	async run(prepared) {
		const { client, itemIndex } = this;
		const parameters = { ...parametersFor('GetPipelineItems', prepared.parameters) };
		if (prepared.own.includeClosed) {
			// LACRM treats an empty StatusFilter as "all active statuses": list every status instead.
			const statuses = await client.callAll(
				'GetPipelineStatuses',
				{ PipelineId: parameters.PipelineId },
				{ itemIndex },
			);
			parameters.StatusFilter = statuses
				.filter((status) => !status.PipelineId || status.PipelineId === parameters.PipelineId)
				.map((status) => status.StatusId);
		}
		const items = (await client.callAll('GetPipelineItems', parameters, {
			limit: prepared.limit,
			itemIndex,
		})) as IDataObject[];
		return prepared.simplify ? items.map(simplifyPipelineItem) : items;
	},
});
