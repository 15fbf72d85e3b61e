import { ApiError, notFound } from '../core/errors';
import { formatDateTime } from '../core/dates';
import type {
	CustomField,
	CustomFieldOption,
	CustomFieldRecordType,
	CustomFieldType,
	Store,
} from '../store';
import type { CallContext, HandlerTable } from './context';
import { isDisplayOnly } from './customFieldValues';
import { paginate } from './paging';
import { deleteRecord, editRecord, getRecord, recordLookup } from './records';

/**
 * Custom field definitions (settings). Names must be unique per record type (per pipeline for
 * pipeline fields) and must not shadow a built-in contact parameter, because values are passed
 * as top-level parameters keyed by the name.
 */

const OPTION_TYPES = new Set(['Dropdown', 'RadioList', 'Checkbox']);

/** Built-in CreateContact/EditContact/CreatePipelineItem parameter names a field may not take. */
const RESERVED_NAMES = new Set(
	[
		'ContactId',
		'IsCompany',
		'AssignedTo',
		'Name',
		'Email',
		'Phone',
		'Company Name',
		'Job Title',
		'Address',
		'Website',
		'Background Info',
		'Birthday',
		'PipelineItemId',
		'PipelineId',
		'StatusId',
		'Note',
		'RunStatusAutomation',
	].map((n) => n.toLowerCase()),
);

export function serializeCustomField(f: CustomField): Record<string, unknown> {
	return {
		CustomFieldId: f.CustomFieldId,
		Name: f.Name,
		Type: f.Type,
		RecordType: f.RecordType,
		PipelineId: f.PipelineId,
		IsRequired: f.IsRequired,
		ShowOnActiveBadge: f.ShowOnActiveBadge,
		ShowOnClosedBadge: f.ShowOnClosedBadge,
		ShowOnReport: f.ShowOnReport,
		Options: f.OptionsAsNames ? f.Options.map((o) => o.Name) : f.Options.map((o) => ({ ...o })),
		DateCreated: formatDateTime(f.DateCreated),
		IsArchived: false,
	};
}

export const customFieldOf = recordLookup(
	'custom field',
	'CustomFieldId',
	(store) => store.customFields,
);

/**
 * Options arrive as text, `{Name}` or `{OptionId, Name}` (the item shape is unconfirmed; REFERENCE
 * §12). On edit an existing OptionId keeps (and may rename) that option; options left out are removed.
 */
function parseOptions(
	store: Store,
	fn: string,
	value: unknown,
	existing: CustomFieldOption[],
): CustomFieldOption[] {
	if (!Array.isArray(value))
		throw new ApiError(
			`invalid-options:${fn}`,
			`'Options' must be an array of option texts or {OptionId, Name} objects.`,
		);
	const out: CustomFieldOption[] = [];
	for (const item of value) {
		let name: unknown = item;
		let optionId: unknown;
		if (item && typeof item === 'object') {
			const o = item as Record<string, unknown>;
			name = o.Name ?? o.Text;
			optionId = o.OptionId;
		}
		if (typeof name !== 'string' || name.trim() === '') {
			const known = existing.find((e) => e.OptionId === optionId);
			if (known) {
				out.push({ ...known });
				continue;
			}
			throw new ApiError(`invalid-options:${fn}`, `Every option needs a Name.`);
		}
		if (out.some((o) => o.Name === name.trim()))
			throw new ApiError(`duplicate-option:${fn}`, `The option '${name}' is listed twice.`);
		if (optionId !== undefined) {
			const known = existing.find((e) => e.OptionId === String(optionId));
			if (!known) throw notFound('option', 'OptionId', String(optionId));
			out.push({ OptionId: known.OptionId, Name: name.trim() });
		} else {
			out.push({ OptionId: store.newId(), Name: name.trim() });
		}
	}
	return out;
}

function assertNameFree(
	store: Store,
	fn: string,
	name: string,
	recordType: CustomFieldRecordType,
	pipelineId: string | null,
	selfId?: string,
): void {
	if (RESERVED_NAMES.has(name.toLowerCase())) {
		throw new ApiError(
			`reserved-field-name:${fn}`,
			`'${name}' is the name of a built-in field; choose another name.`,
		);
	}
	for (const f of store.customFieldsFor(recordType, pipelineId)) {
		if (f.CustomFieldId !== selfId && f.Name.toLowerCase() === name.toLowerCase()) {
			throw new ApiError(
				`duplicate-field:${fn}`,
				`A custom field named '${f.Name}' already exists for this record type.`,
			);
		}
	}
}

function CreateCustomField(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const recordType = (p.str('RecordType') ?? 'Contact') as CustomFieldRecordType;
	let pipelineId: string | null = null;
	if (recordType === 'Pipeline') {
		pipelineId = p.str('PipelineId') ?? null;
		if (!pipelineId)
			throw new ApiError(
				'missing-parameter:CreateCustomField:PipelineId',
				`'PipelineId' is required when RecordType is Pipeline.`,
			);
		if (!store.pipelines.has(pipelineId)) throw notFound('pipeline', 'PipelineId', pipelineId);
	}
	const name = p.req('Name').trim();
	assertNameFree(store, fn, name, recordType, pipelineId);
	const type = p.req('Type') as CustomFieldType;
	const options =
		p.has('Options') && !p.isNull('Options') ? parseOptions(store, fn, p.raw('Options'), []) : [];
	if (options.length > 0 && !OPTION_TYPES.has(type))
		throw new ApiError(
			`options-not-allowed:${fn}`,
			`Only Dropdown, RadioList and Checkbox fields have Options.`,
		);
	const field: CustomField = {
		CustomFieldId: store.newId(),
		Name: name,
		Type: type,
		RecordType: recordType,
		PipelineId: pipelineId,
		IsRequired: p.bool('IsRequired') ?? false,
		ShowOnActiveBadge: p.bool('ShowOnActiveBadge') ?? false,
		ShowOnClosedBadge: p.bool('ShowOnClosedBadge') ?? false,
		ShowOnReport: p.bool('ShowOnReport') ?? false,
		Options: options,
		DateDisplaySettings: p.raw('DateDisplaySettings') ?? null,
		CurrencyDisplaySettings: p.raw('CurrencyDisplaySettings') ?? null,
		DateCreated: ctx.now,
	};
	store.customFields.set(field.CustomFieldId, field);
	return { CustomFieldId: field.CustomFieldId };
}

const EditCustomField = editRecord(customFieldOf, (next, { p, store, fn }, field) => {
	if (p.has('Name')) {
		const name = p.str('Name')?.trim();
		if (!name)
			throw new ApiError('blank-name:EditCustomField', `A custom field's 'Name' can't be blank.`);
		assertNameFree(store, fn, name, field.RecordType, field.PipelineId, field.CustomFieldId);
		next.Name = name;
	}
	for (const flag of [
		'IsRequired',
		'ShowOnActiveBadge',
		'ShowOnClosedBadge',
		'ShowOnReport',
	] as const) {
		if (p.has(flag)) next[flag] = p.bool(flag) ?? false;
	}
	if (p.has('Options')) {
		if (!OPTION_TYPES.has(field.Type) && !p.isNull('Options'))
			throw new ApiError(
				`options-not-allowed:${fn}`,
				`Only Dropdown, RadioList and Checkbox fields have Options.`,
			);
		next.Options = p.isNull('Options')
			? []
			: parseOptions(store, fn, p.raw('Options'), field.Options);
	}
	if (p.has('DateDisplaySettings')) next.DateDisplaySettings = p.raw('DateDisplaySettings');
	if (p.has('CurrencyDisplaySettings'))
		next.CurrencyDisplaySettings = p.raw('CurrencyDisplaySettings');
});

function GetCustomFields(ctx: CallContext) {
	const { p, store } = ctx;
	const recordType = p.str('RecordType');
	const pipelineId = p.str('PipelineId');
	const withSections = p.bool('IncludeSections') === true;
	const fields = [...store.customFields.values()].filter(
		(f) =>
			(!recordType || f.RecordType === recordType) &&
			(!pipelineId || f.PipelineId === pipelineId) &&
			(withSections || !isDisplayOnly(f)),
	);
	return paginate(ctx, fields, serializeCustomField);
}

export const customFieldFunctions: HandlerTable = {
	CreateCustomField,
	EditCustomField,
	// Values stay on the records but are no longer reported. SectionDeletesFields is accepted and has
	// no effect (sections hold no fields here).
	DeleteCustomField: deleteRecord(customFieldOf),
	GetCustomField: getRecord(customFieldOf, (_store, f) => serializeCustomField(f)),
	GetCustomFields,
};
