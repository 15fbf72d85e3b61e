import nock from 'nock';

import { customFieldResource } from '../../../nodes/Lacrm/actions/customField';
import { byId, expectLacrmCall, LACRM_ORIGIN, runNode, uid } from '../helpers/runNode';

const resources = [customFieldResource];
const INDUSTRY = uid(1201);
const LEADS = uid(701);
const RETAIL = uid(1301);
const FINANCE = uid(1302);

const field = {
	CustomFieldId: INDUSTRY,
	Name: 'Industry',
	Type: 'Dropdown',
	RecordType: 'Contact',
	PipelineId: null,
	IsRequired: false,
	Options: [
		{ OptionId: RETAIL, Name: 'Retail' },
		{ OptionId: FINANCE, Name: 'Finance' },
	],
	IsArchived: false,
};

function anyCall() {
	return nock(LACRM_ORIGIN).post('/v2/').reply(200, {});
}

describe('Custom Field → Create', () => {
	it('sends CreateCustomField for a dropdown with its options as [{Name}], and outputs the CustomFieldId', async () => {
		const scope = expectLacrmCall(
			'CreateCustomField',
			{
				Name: 'Industry',
				Type: 'Dropdown',
				RecordType: 'Contact',
				Options: [{ Name: 'Retail' }, { Name: 'Finance' }],
				IsRequired: true,
			},
			{ CustomFieldId: INDUSTRY },
		);
		const { json, items, error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Industry',
				type: 'Dropdown',
				recordType: 'Contact',
				fieldOptions: { option: [{ name: 'Retail' }, { name: ' Finance ' }, { name: '' }] },
				additionalFields: { isRequired: true },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{
				CustomFieldId: INDUSTRY,
				Name: 'Industry',
				Type: 'Dropdown',
				RecordType: 'Contact',
				Options: [{ Name: 'Retail' }, { Name: 'Finance' }],
				IsRequired: true,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends the pipeline and badge settings of a pipeline field, and display settings as JSON', async () => {
		const scope = expectLacrmCall(
			'CreateCustomField',
			{
				Name: 'Deal Size',
				Type: 'Currency',
				RecordType: 'Pipeline',
				PipelineId: LEADS,
				ShowOnActiveBadge: true,
				ShowOnReport: true,
				CurrencyDisplaySettings: { CurrencySymbol: '$', DecimalPlaces: 0 },
			},
			{ CustomFieldId: INDUSTRY },
		);
		const { json, error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Deal Size',
				type: 'Currency',
				recordType: 'Pipeline',
				pipelineId: byId(LEADS),
				additionalFields: {
					showOnActiveBadge: true,
					showOnReport: true,
					currencyDisplaySettings: '{"CurrencySymbol": "$", "DecimalPlaces": 0}',
				},
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([
			{
				CustomFieldId: INDUSTRY,
				Name: 'Deal Size',
				Type: 'Currency',
				RecordType: 'Pipeline',
				PipelineId: LEADS,
				ShowOnActiveBadge: true,
				ShowOnReport: true,
				CurrencyDisplaySettings: { CurrencySymbol: '$', DecimalPlaces: 0 },
			},
		]);
	});

	it('accepts the options as comma-separated names from an expression in Field Options (JSON)', async () => {
		const scope = expectLacrmCall(
			'CreateCustomField',
			{
				Name: 'Tags',
				Type: 'Checkbox',
				RecordType: 'Company',
				Options: [{ Name: 'A' }, { Name: 'B' }],
			},
			{ CustomFieldId: INDUSTRY },
		);
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Tags',
				type: 'Checkbox',
				recordType: 'Company',
				additionalFields: { fieldOptionsJson: '={{ "A, B" }}' },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a pipeline field without a pipeline, before sending anything', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Deal Size',
				type: 'Number',
				recordType: 'Pipeline',
				pipelineId: byId('={{ "" }}'),
			},
			resources,
		});
		expect(error?.message).toBe('Invalid "Pipeline": it is required when Record Type is Pipeline');
		expect(error?.name).toBe('NodeOperationError');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses display settings that are not JSON', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Due',
				type: 'Date',
				additionalFields: { dateDisplaySettings: '{Format: yyyy}' },
			},
			resources,
		});
		expect(error?.message).toMatch(/^Invalid "Date Display Settings \(JSON\)": not valid JSON/);
		expect(scope.isDone()).toBe(false);
	});

	it('accepts a JSON list of names', async () => {
		const scope = expectLacrmCall(
			'CreateCustomField',
			{
				Name: 'Tags',
				Type: 'Dropdown',
				RecordType: 'Contact',
				Options: [{ Name: 'A' }, { Name: 'B' }],
			},
			{ CustomFieldId: INDUSTRY },
		);
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Tags',
				type: 'Dropdown',
				additionalFields: { fieldOptionsJson: '["A", {"Name": "B"}]' },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('refuses options for a type without options', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: { name: 'Notes', type: 'Text', additionalFields: { fieldOptionsJson: '["A"]' } },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Field Options (JSON)": options only apply to Dropdown, Radio List and Checkbox fields',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses both option lists at once', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Tags',
				type: 'Dropdown',
				fieldOptions: { option: [{ name: 'A' }] },
				additionalFields: { fieldOptionsJson: '["B"]' },
			},
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Field Options": it cannot be combined with Field Options (JSON); use one of them',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses an option listed twice', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Industry',
				type: 'RadioList',
				fieldOptions: { option: [{ name: 'Retail' }, { name: 'Retail' }] },
			},
			resources,
		});
		expect(error?.message).toBe('Invalid "Field Options": "Retail" is listed twice');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Custom Field → Update', () => {
	it('sends EditCustomField with the kept options by OptionId and new ones by name', async () => {
		const scope = expectLacrmCall(
			'EditCustomField',
			{
				CustomFieldId: INDUSTRY,
				Name: 'Sector',
				Options: [{ Name: 'Retail & Wholesale', OptionId: RETAIL }, { Name: 'Healthcare' }],
			},
			{},
		);
		const { json, error } = await runNode({
			resource: 'customField',
			operation: 'update',
			parameters: {
				customFieldId: byId(INDUSTRY),
				updateFields: {
					name: 'Sector',
					fieldOptions: {
						option: [{ name: 'Retail & Wholesale', optionId: RETAIL }, { name: 'Healthcare' }],
					},
				},
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ CustomFieldId: INDUSTRY, updated: true }]);
	});

	it("takes GetCustomField's option list from an expression", async () => {
		const scope = expectLacrmCall(
			'EditCustomField',
			{ CustomFieldId: INDUSTRY, Options: [{ Name: 'Retail', OptionId: RETAIL }] },
			{},
		);
		const { error } = await runNode({
			resource: 'customField',
			operation: 'update',
			parameters: {
				customFieldId: byId(INDUSTRY),
				updateFields: { fieldOptionsJson: '={{ $json.Options.slice(0, 1) }}' },
			},
			input: [field],
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a malformed Option ID', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'update',
			parameters: {
				customFieldId: byId(INDUSTRY),
				updateFields: { fieldOptions: { option: [{ name: 'Retail', optionId: 'retail' }] } },
			},
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Field Options → Option ID": "retail" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses an update with nothing to change', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'update',
			parameters: { customFieldId: byId(INDUSTRY), updateFields: { fieldOptions: {} } },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Update Fields": nothing to change: set at least one field',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Custom Field → Delete', () => {
	it('sends DeleteCustomField with SectionDeletesFields, and outputs CustomFieldId + deleted', async () => {
		const scope = expectLacrmCall(
			'DeleteCustomField',
			{ CustomFieldId: INDUSTRY, SectionDeletesFields: true },
			{},
		);
		const { json, error } = await runNode({
			resource: 'customField',
			operation: 'delete',
			parameters: { customFieldId: byId(INDUSTRY), options: { sectionDeletesFields: true } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ CustomFieldId: INDUSTRY, deleted: true }]);
	});

	it('sends only the id without the option', async () => {
		const scope = expectLacrmCall('DeleteCustomField', { CustomFieldId: INDUSTRY }, {});
		const { error } = await runNode({
			resource: 'customField',
			operation: 'delete',
			parameters: { customFieldId: byId(INDUSTRY) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});
});

describe('Custom Field → Get', () => {
	it('sends GetCustomField and outputs the definition', async () => {
		const scope = expectLacrmCall('GetCustomField', { CustomFieldId: INDUSTRY }, field);
		const { json, error } = await runNode({
			resource: 'customField',
			operation: 'get',
			parameters: { customFieldId: byId(INDUSTRY) },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([field]);
	});
});

describe('Custom Field → Get Many', () => {
	it('sends GetCustomFields with filters and options, reading a paged answer', async () => {
		const scope = expectLacrmCall(
			'GetCustomFields',
			{
				RecordType: 'Contact',
				IncludeArchivedFields: true,
				IncludeSections: true,
				MaxNumberOfResults: 10000,
				Page: 1,
			},
			{ HasMoreResults: false, Results: [field] },
		);
		const { json, error } = await runNode({
			resource: 'customField',
			operation: 'getAll',
			parameters: {
				returnAll: true,
				filters: { recordType: 'Contact' },
				options: { includeArchivedFields: true, includeSections: true },
			},
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([field]);
	});

	it('reads a bare-array answer too, and implies Record Type Pipeline for a pipeline filter', async () => {
		const pipelineField = { ...field, RecordType: 'Pipeline', PipelineId: LEADS };
		const scope = expectLacrmCall(
			'GetCustomFields',
			{ PipelineId: LEADS, RecordType: 'Pipeline', MaxNumberOfResults: 50, Page: 1 },
			[pipelineField, pipelineField],
		);
		const { json, error } = await runNode({
			resource: 'customField',
			operation: 'getAll',
			parameters: { filters: { pipelineId: byId(LEADS) } },
			resources,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([pipelineField, pipelineField]);
	});

	it('refuses a pipeline filter with another record type', async () => {
		const scope = anyCall();
		const { error } = await runNode({
			resource: 'customField',
			operation: 'getAll',
			parameters: { filters: { recordType: 'Company', pipelineId: byId(LEADS) } },
			resources,
		});
		expect(error?.message).toBe(
			'Invalid "Pipeline": a pipeline filter only works with Record Type Pipeline (got Company)',
		);
		expect(scope.isDone()).toBe(false);
	});
});
