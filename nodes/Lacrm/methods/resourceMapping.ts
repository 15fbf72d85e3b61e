/**
 * Custom fields for n8n's resource mapper: loaded live from LACRM, required ones marked, options
 * listed, keyed by display name (the key LACRM writes them by).
 */
import type {
	FieldType,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { CustomField } from '../transport/types';
import { clientFor, selectedId } from './context';

const TYPES: Record<string, FieldType> = {
	Number: 'number',
	Currency: 'number',
	Date: 'dateTime',
	Dropdown: 'options',
	RadioList: 'options',
	Checkbox: 'array',
	Text: 'string',
	TextArea: 'string',
	ContactLink: 'string',
	FileLink: 'string',
};

function toMapperField(field: CustomField, forUpdate: boolean): ResourceMapperField {
	const type = TYPES[field.Type];
	const options = (field.Options ?? []).map((option) => ({
		name: option.Name,
		value: option.Name,
	}));
	const hint =
		field.Type === 'Checkbox'
			? ' (list of options)'
			: field.Type === 'ContactLink'
				? ' (ContactId)'
				: field.Type === 'FileLink'
					? ' (FileId)'
					: '';
	return {
		id: field.Name,
		displayName: `${field.Name}${hint}`,
		required: !forUpdate && field.IsRequired === true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		// Sections, headers, text blocks and signatures cannot be written through the API.
		display: type !== undefined,
		type: type ?? 'string',
		options: type === 'options' || type === 'array' ? options : undefined,
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
	const fields = await clientFor(ctx).callAll('GetCustomFields', {
		RecordType: recordType,
		...(pipelineId ? { PipelineId: pipelineId } : {}),
	});
	return {
		fields: fields
			.filter(
				(field) =>
					!field.IsArchived &&
					(!pipelineId || !field.PipelineId || field.PipelineId === pipelineId),
			)
			.map((field) => toMapperField(field, forUpdate)),
	};
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
