/** Fields shared by the pipeline item operations. */
import type { IDataObject, INodeProperties, ResourceMapperField } from 'n8n-workflow';

import type { UnsentField } from '../../helpers/fieldBuilders';
import { boolean, contactRef, text, uid } from '../../helpers/fieldBuilders';
import type { ItemInput } from '../../helpers/operation';
import {
	CUSTOM_FIELDS_PARAMETER,
	customFieldsProperty,
	readCustomFieldValues,
} from '../../helpers/customFields';

export const contactField = contactRef({
	required: true,
	description:
		'The contact or company the item belongs to. Its ContactId comes from Contact → Get Many, Create or a trigger.',
});

export function pipelineField(description: string) {
	return uid({
		key: 'PipelineId',
		displayName: 'Pipeline',
		name: 'pipelineId',
		locator: 'pipeline',
		required: true,
		description,
	});
}

/**
 * The pipeline, offered where LACRM does not want it (edit, get, delete by item id): the item
 * picker and the custom-field mapper list what belongs to it. Checked, never sent.
 */
export const pickerPipelineField: UnsentField = (() => {
	const field = uid({
		key: 'PipelineId',
		displayName: 'Pipeline',
		name: 'pipelineId',
		locator: 'pipeline',
		description:
			"Only used to list the pipeline's items (and custom fields) in this node; not needed when the item is given by ID",
	});
	return { ...field, sent: false, read: (raw, ctx) => void field.read(raw, ctx) };
})();

export const pipelineItemField = uid({
	key: 'PipelineItemId',
	displayName: 'Pipeline Item',
	name: 'pipelineItemId',
	locator: 'pipelineItem',
	required: true,
	description:
		'The pipeline item: pick the pipeline above to choose from its items, or give a PipelineItemId (from Get Many, Get Many for Contact or Create)',
});

export function statusField(options: {
	required: boolean;
	displayName: string;
	description: string;
}) {
	return uid({ key: 'StatusId', name: 'statusId', locator: 'status', ...options });
}

export const noteField = text({
	key: 'Note',
	displayName: 'Note',
	name: 'note',
	rows: 3,
	description: "A note shown in the item's history",
});

export const runStatusAutomationField = boolean({
	key: 'RunStatusAutomation',
	displayName: 'Run Status Automation',
	name: 'runStatusAutomation',
	description:
		"Whether to run the automation configured for the item's status in LACRM (e.g. creating tasks)",
});

/**
 * Create: a pipeline's custom fields exist only once the pipeline is chosen. Until then one calm
 * hint stands in for the mapper (which would show a red "no fields" error and a notice at once).
 */
export const pipelineCreateCustomFieldsProperties: INodeProperties[] = [
	{
		displayName: 'Choose a pipeline above to fill in its custom fields',
		name: 'customFieldsNotice',
		type: 'notice',
		default: '',
		// Hidden as soon as a pipeline is given, also by expression (a `show` would let those through).
		displayOptions: { hide: { pipelineId: [{ _cnd: { not: '' } }] } },
	},
	{
		...customFieldsProperty('pipeline', 'create'),
		displayOptions: { hide: { pipelineId: [''] } },
	},
];

interface MapperValue {
	schema?: ResourceMapperField[];
}

/**
 * Custom field values of item i. On create, the pipeline's required fields must be there: LACRM
 * would refuse the item anyway, and this way no request is sent and the field is named.
 */
export function readPipelineCustomFields(
	input: ItemInput,
	purpose: 'create' | 'update',
): IDataObject {
	const values = readCustomFieldValues(input);
	if (purpose === 'create') {
		const mapper = input.value<MapperValue | null>(CUSTOM_FIELDS_PARAMETER, null);
		const missing = (mapper?.schema ?? []).filter(
			(field) =>
				field.required &&
				!field.removed &&
				field.display !== false &&
				values[field.id] === undefined,
		);
		if (missing.length > 0) {
			throw input.error(
				`Custom Fields → ${missing[0].displayName}`,
				'this pipeline requires it',
				missing.length > 1
					? `Also required: ${missing
							.slice(1)
							.map((field) => field.displayName)
							.join(', ')}`
					: undefined,
			);
		}
	}
	return values;
}

/** Built-in parameters win over a custom field that happens to share their name. */
export function withCustomFields(parameters: IDataObject, custom: IDataObject): IDataObject {
	return { ...custom, ...parameters };
}

export const customFieldsToClearProperty: INodeProperties = {
	displayName: 'Custom Fields to Clear',
	name: 'customFieldsToClear',
	type: 'string',
	default: '',
	placeholder: 'e.g. Deal Size, Close Date',
	description:
		'Display names of custom fields to blank in LACRM (sent as null), separated by commas. Custom fields not mapped above and not listed here stay as they are.',
};
