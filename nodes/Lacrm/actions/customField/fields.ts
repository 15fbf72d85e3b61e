/** Custom field definitions' fields, described once for create, update, delete, get and get many. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Field, ReadContext } from '../../helpers/fieldBuilders';
import { boolean, choice, fieldError, json, readUid, text, uid } from '../../helpers/fieldBuilders';

export const customFieldIdField: Field<'CustomFieldId'> = uid({
	key: 'CustomFieldId',
	displayName: 'Custom Field',
	name: 'customFieldId',
	locator: 'customField',
	required: true,
	description: 'The custom field. Its CustomFieldId comes from Custom Field → Get Many or Create.',
});

export function customFieldNameField(required: boolean): Field<'Name'> {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required,
		placeholder: 'e.g. Industry',
		description:
			'The field name. Records show it as a label, and contacts and pipeline items are written with it as key.',
	});
}

export const typeField: Field<'Type'> = choice({
	key: 'Type',
	displayName: 'Type',
	name: 'type',
	required: true,
	choices: [
		{ name: 'Checkbox', value: 'Checkbox', description: 'Several options can be ticked' },
		{ name: 'Contact Link', value: 'ContactLink', description: 'A link to a contact or company' },
		{ name: 'Currency', value: 'Currency', description: 'An amount of money' },
		{ name: 'Date', value: 'Date', description: 'A calendar date' },
		{ name: 'Dropdown', value: 'Dropdown', description: 'One option from a list' },
		{ name: 'File Link', value: 'FileLink', description: 'A link to a file' },
		{ name: 'Number', value: 'Number', description: 'A number' },
		{ name: 'Radio List', value: 'RadioList', description: 'One option, shown as radio buttons' },
		{
			name: 'Section',
			value: 'Section',
			description: 'Groups the fields that follow it (no value)',
		},
		{
			name: 'Section Header',
			value: 'SectionHeader',
			description: 'A heading between fields (no value)',
		},
		{
			name: 'Signature',
			value: 'Signature',
			description: 'A signature, filled in through public forms',
		},
		{ name: 'Text', value: 'Text', description: 'One line of text' },
		{ name: 'Text Area', value: 'TextArea', description: 'Several lines of text' },
		{ name: 'Text Block', value: 'TextBlock', description: 'Fixed explanatory text (no value)' },
	],
	default: 'Text',
	description: 'What kind of value the field holds; it cannot be changed later',
});

/** Types whose values come from a list of options. */
export const TYPES_WITH_OPTIONS = ['Dropdown', 'RadioList', 'Checkbox'];

export const recordTypeField: Field<'RecordType'> = choice({
	key: 'RecordType',
	displayName: 'Record Type',
	name: 'recordType',
	choices: [
		{ name: 'Company', value: 'Company', description: 'A field of companies' },
		{ name: 'Contact', value: 'Contact', description: 'A field of contacts (people)' },
		{ name: 'Pipeline', value: 'Pipeline', description: 'A field of the items of one pipeline' },
		{ name: 'Public Form', value: 'PublicForm', description: 'A field of public (web) forms' },
	],
	default: 'Contact',
	description: 'Which records get the field',
});

export function pipelineField(description: string): Field<'PipelineId'> {
	return uid({
		key: 'PipelineId',
		displayName: 'Pipeline',
		name: 'pipelineId',
		locator: 'pipeline',
		description,
	});
}

export function settingFields() {
	return [
		boolean({
			key: 'IsRequired',
			displayName: 'Required',
			name: 'isRequired',
			description: 'Whether a value is required when a record is created',
		}),
		boolean({
			key: 'ShowOnActiveBadge',
			displayName: 'Show on Open Item Badge',
			name: 'showOnActiveBadge',
			description:
				'Whether pipeline items in an open status show this field on their badge (pipeline fields only)',
		}),
		boolean({
			key: 'ShowOnClosedBadge',
			displayName: 'Show on Closed Item Badge',
			name: 'showOnClosedBadge',
			description:
				'Whether pipeline items in a closed status show this field on their badge (pipeline fields only)',
		}),
		boolean({
			key: 'ShowOnReport',
			displayName: 'Show on Report',
			name: 'showOnReport',
			description: 'Whether the field is a column of the pipeline report (pipeline fields only)',
		}),
		json({
			key: 'DateDisplaySettings',
			displayName: 'Date Display Settings (JSON)',
			name: 'dateDisplaySettings',
			shape: 'any',
			description: "Date fields: LACRM's DateDisplaySettings, passed through as JSON",
		}),
		json({
			key: 'CurrencyDisplaySettings',
			displayName: 'Currency Display Settings (JSON)',
			name: 'currencyDisplaySettings',
			shape: 'any',
			description: "Currency fields: LACRM's CurrencyDisplaySettings, passed through as JSON",
		}),
	];
}

// --- options of Dropdown, Radio List and Checkbox fields ---------------------------------------

const OPTIONS_LABEL = 'Field Options';

function blank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/**
 * The option list as LACRM takes it: `[{Name}]`, plus `OptionId` for existing options on edit.
 * Accepts the node's list, a list of names or of `{Name, OptionId}` objects (e.g. from Custom
 * Field → Get), or comma / line separated names.
 */
export function readFieldOptions(
	raw: unknown,
	ctx: ReadContext,
	withIds: boolean,
): IDataObject[] | undefined {
	let entries: unknown[];
	if (typeof raw === 'string') entries = raw.split(/[\n,]/);
	else if (Array.isArray(raw)) entries = raw;
	else if (raw && typeof raw === 'object') {
		const option = (raw as IDataObject).option;
		entries = Array.isArray(option) ? option : option ? [option] : [];
	} else entries = [];
	const options: IDataObject[] = [];
	const seen = new Set<string>();
	for (const entry of entries) {
		const record = (entry && typeof entry === 'object' ? entry : { name: entry }) as IDataObject;
		const name = record.name ?? record.Name;
		const optionId = record.optionId ?? record.OptionId;
		if (blank(name)) {
			if (!blank(optionId))
				throw fieldError(ctx, OPTIONS_LABEL, `the option with ID ${String(optionId)} has no name`);
			continue;
		}
		if (typeof name === 'object')
			throw fieldError(
				ctx,
				OPTIONS_LABEL,
				`an option name must be text, got ${JSON.stringify(name)}`,
			);
		const text = String(name).trim();
		if (seen.has(text)) throw fieldError(ctx, OPTIONS_LABEL, `"${text}" is listed twice`);
		seen.add(text);
		const option: IDataObject = { Name: text };
		if (withIds && !blank(optionId))
			option.OptionId = readUid(optionId, ctx, `${OPTIONS_LABEL} → Option ID`, true);
		options.push(option);
	}
	return options.length ? options : undefined;
}

export function fieldOptionsProperty(forUpdate: boolean): INodeProperties {
	const values: INodeProperties[] = [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Retail' },
	];
	if (forUpdate) {
		values.push({
			displayName: 'Option ID',
			name: 'optionId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4006273942886858777552707100828',
			description:
				'The OptionId of an existing option (from Custom Field → Get). Leave empty for a new option.',
		});
	}
	return {
		displayName: OPTIONS_LABEL,
		name: 'fieldOptions',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Option',
		typeOptions: { multipleValues: true, sortable: true },
		description: forUpdate
			? "The field's complete new option list (Dropdown, Radio List and Checkbox fields). LACRM keeps or removes options by OptionId: list every existing option you want to keep with its Option ID (its name may change), add new options without an ID; existing options you leave out are removed."
			: 'The choices of a Dropdown, Radio List or Checkbox field, in order',
		options: [{ displayName: 'Option', name: 'option', values }],
	};
}

/** The update variant as a Field, for the Update Fields collection. */
export const fieldOptionsForUpdate: Field<'Options'> = {
	key: 'Options',
	property: fieldOptionsProperty(true),
	read: (raw, ctx) => readFieldOptions(raw, ctx, true),
};

/**
 * The option list from an expression (a fixed collection cannot take one): JSON, a list, or
 * comma-separated names.
 */
export function fieldOptionsJsonField(forUpdate: boolean): Field<'Options'> {
	const label = 'Field Options (JSON)';
	return {
		key: 'Options',
		property: {
			displayName: label,
			name: 'fieldOptionsJson',
			type: 'json',
			default: '',
			placeholder: forUpdate
				? '[{"OptionId": "4006…", "Name": "Retail"}, {"Name": "Healthcare"}]'
				: '["Retail", "Finance"]',
			description: forUpdate
				? "Instead of Field Options, e.g. from an expression: the complete new option list as JSON — names, or objects with Name and (for existing options) OptionId such as Custom Field → Get's Options — or comma-separated names. Existing options left out are removed."
				: 'Instead of Field Options, e.g. from an expression: a JSON list of option names (or of objects with a Name), or comma-separated names',
		},
		read: (raw, ctx) => {
			if (blank(raw)) return undefined;
			let value = raw;
			if (typeof raw === 'string' && /^\s*[[{]/.test(raw)) {
				try {
					value = JSON.parse(raw);
				} catch (error) {
					throw fieldError(ctx, label, `not valid JSON (${(error as Error).message})`);
				}
			}
			if (value && typeof value === 'object' && !Array.isArray(value)) {
				throw fieldError(ctx, label, 'expected a list of options, e.g. ["Retail", "Finance"]');
			}
			return readFieldOptions(value, ctx, forUpdate);
		},
	};
}

/** Field Options and Field Options (JSON) say the same thing; only one may be used. */
export function checkOneOptionList(
	ctx: ReadContext,
	fromCollection: IDataObject[] | undefined,
	fromJson: unknown,
): IDataObject[] | undefined {
	if (fromCollection && fromJson !== undefined) {
		throw fieldError(
			ctx,
			OPTIONS_LABEL,
			'it cannot be combined with Field Options (JSON); use one of them',
		);
	}
	return fromCollection ?? (fromJson as IDataObject[] | undefined);
}
