/**
 * Custom fields for n8n's resource mapper: loaded live from LACRM, required ones marked, options
 * listed, keyed by display name (the key LACRM writes them by).
 */
import type { FieldType, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import type { LacrmMapperField } from '../helpers/customFields';
import type { CustomField, CustomFieldOption } from '../transport/types';
import { clientFor, selectedId } from './context';

const TYPES: Record<string, FieldType> = {
	// Numbers and checkbox lists are typed in as text. n8n's number box stores 0 for a field nobody
	// touched (it turns the empty value it is given into a number when it appears), so an untouched
	// "Lead Score" would be written as 0; and n8n's list type wants hand-written JSON, flagging a
	// plain "A, B" as a workflow issue. As text, an untouched field stays empty and sends nothing,
	// and the node reads numbers and lists itself, naming the field when a value does not fit.
	Number: 'string',
	Currency: 'string',
	Date: 'dateTime',
	Dropdown: 'options',
	RadioList: 'options',
	Checkbox: 'string',
	Text: 'string',
	TextArea: 'string',
	ContactLink: 'string',
	FileLink: 'string',
};

/** How many checkbox options the field's label lists before "…". */
const OPTIONS_IN_LABEL = 8;

function hintFor(field: CustomField, options: string[]): string {
	switch (field.Type) {
		case 'Number':
		case 'Currency':
			return ' (number)';
		case 'Checkbox': {
			const listed = options.slice(0, OPTIONS_IN_LABEL).join(', ');
			const more = options.length > OPTIONS_IN_LABEL ? ', …' : '';
			return options.length ? ` (any of: ${listed}${more}; separate with commas)` : ' (list)';
		}
		case 'ContactLink':
			return ' (ContactId)';
		case 'FileLink':
			return ' (FileId)';
		default:
			return '';
	}
}

/** An option's name, whichever shape LACRM answered it in: `{Name, OptionId}` or a plain name. */
function optionName(option: CustomFieldOption | string | null | undefined): string | undefined {
	const name = typeof option === 'string' ? option : option?.Name;
	if (typeof name === 'number') return String(name);
	return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

function toMapperField(field: CustomField, forUpdate: boolean): LacrmMapperField {
	const type = TYPES[field.Type];
	const options = (Array.isArray(field.Options) ? field.Options : [])
		.map(optionName)
		.filter((name): name is string => name !== undefined)
		.map((name) => ({ name, value: name }));
	const listed =
		field.Type === 'Dropdown' || field.Type === 'RadioList' || field.Type === 'Checkbox';
	return {
		id: field.Name,
		displayName: `${field.Name}${hintFor(
			field,
			options.map((option) => option.name),
		)}`,
		required: !forUpdate && field.IsRequired === true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		// Sections, headers, text blocks and signatures cannot be written through the API.
		display: type !== undefined,
		type: type ?? 'string',
		options: listed ? options : undefined,
		lacrmType: field.Type,
	};
}

async function fieldsOf(
	ctx: ILoadOptionsFunctions,
	recordType: 'Contact' | 'Company' | 'Pipeline',
	forUpdate: boolean,
): Promise<ResourceMapperFields> {
	let pipelineId: string | undefined;
	if (recordType === 'Pipeline') {
		pipelineId = selectedId(ctx, 'pipelineId');
		if (!pipelineId)
			return { fields: [], emptyFieldsNotice: 'Choose a pipeline first to see its custom fields' };
	}
	let fields: CustomField[];
	try {
		fields = await clientFor(ctx).callAll('GetCustomFields', {
			RecordType: recordType,
			...(pipelineId ? { PipelineId: pipelineId } : {}),
		});
	} catch (error) {
		// n8n's editor shows a failed load as an empty list ("no fields"); say what happened instead.
		return { fields: [], emptyFieldsNotice: couldNotLoad(error) };
	}
	const mapped = fields
		.filter(
			(field) =>
				!field.IsArchived && (!pipelineId || !field.PipelineId || field.PipelineId === pipelineId),
		)
		.map((field) => toMapperField(field, forUpdate));
	if (!mapped.some((field) => field.display)) {
		return { fields: [], emptyFieldsNotice: noFieldsNotice(recordType) };
	}
	return { fields: mapped };
}

/** What a user sees when the list could not be loaded: LACRM's (secret-free) message. */
function couldNotLoad(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string };
	const why = [message, description].filter(Boolean).join(' — ');
	return `Could not load the custom fields from LACRM${why ? `: ${escapeHtml(why)}` : ''}. Check the credential, then choose Retry.`;
}

function noFieldsNotice(recordType: 'Contact' | 'Company' | 'Pipeline'): string {
	return recordType === 'Pipeline'
		? 'This pipeline has no custom fields. Add them in LACRM (pipeline settings) to fill them here.'
		: `Your LACRM account has no custom ${recordType.toLowerCase()} fields. Add them in LACRM (Settings → Custom Fields) to fill them here.`;
}

/** The editor renders the notice as HTML. */
function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function getContactCustomFields(this: ILoadOptionsFunctions) {
	return await fieldsOf(this, 'Contact', false);
}
export async function getContactCustomFieldsForUpdate(this: ILoadOptionsFunctions) {
	return await fieldsOf(this, 'Contact', true);
}
export async function getCompanyCustomFields(this: ILoadOptionsFunctions) {
	return await fieldsOf(this, 'Company', false);
}
export async function getCompanyCustomFieldsForUpdate(this: ILoadOptionsFunctions) {
	return await fieldsOf(this, 'Company', true);
}
export async function getPipelineCustomFields(this: ILoadOptionsFunctions) {
	return await fieldsOf(this, 'Pipeline', false);
}
export async function getPipelineCustomFieldsForUpdate(this: ILoadOptionsFunctions) {
	return await fieldsOf(this, 'Pipeline', true);
}
