import { customField, INDUSTRY, RETAIL } from '../helpers/records';
import { byId, runExpectingCall, uid } from '../helpers/runNode';

const LEADS = uid(701);

describe('Custom Field → Create', () => {
	// Both ways of typing the option names send the same [{Name}] list.
	it.each([
		[
			'accepts the options as comma-separated names from an expression in Field Options (JSON)',
			{ type: 'Checkbox', recordType: 'Company' },
			{ Type: 'Checkbox', RecordType: 'Company' },
			'={{ "A, B" }}',
		],
		[
			'accepts a JSON list of names',
			{ type: 'Dropdown' },
			{ Type: 'Dropdown', RecordType: 'Contact' },
			'["A", {"Name": "B"}]',
		],
	])('%s', async (_test, parameters, sent, fieldOptionsJson) => {
		await runExpectingCall(
			[
				'CreateCustomField',
				{ Name: 'Tags', ...sent, Options: [{ Name: 'A' }, { Name: 'B' }] },
				{ CustomFieldId: INDUSTRY },
			],
			{
				resource: 'customField',
				operation: 'create',
				parameters: { name: 'Tags', ...parameters, additionalFields: { fieldOptionsJson } },
			},
		);
	});
});

describe('Custom Field → Update', () => {
	it('sends EditCustomField with the kept options by OptionId and new ones by name', async () => {
		const { json } = await runExpectingCall(
			[
				'EditCustomField',
				{
					CustomFieldId: INDUSTRY,
					Name: 'Sector',
					Options: [{ Name: 'Retail & Wholesale', OptionId: RETAIL }, { Name: 'Healthcare' }],
				},
				{},
			],
			{
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
			},
		);
		expect(json).toEqual([{ CustomFieldId: INDUSTRY, updated: true }]);
	});

	it("takes GetCustomField's option list from an expression", async () => {
		await runExpectingCall(
			[
				'EditCustomField',
				{ CustomFieldId: INDUSTRY, Options: [{ Name: 'Retail', OptionId: RETAIL }] },
				{},
			],
			{
				resource: 'customField',
				operation: 'update',
				parameters: {
					customFieldId: byId(INDUSTRY),
					updateFields: { fieldOptionsJson: '={{ $json.Options.slice(0, 1) }}' },
				},
				input: [customField],
			},
		);
	});
});

describe('Custom Field → Delete', () => {
	it('sends DeleteCustomField with SectionDeletesFields, and outputs CustomFieldId + deleted', async () => {
		const { json } = await runExpectingCall(
			['DeleteCustomField', { CustomFieldId: INDUSTRY, SectionDeletesFields: true }, {}],
			{
				resource: 'customField',
				operation: 'delete',
				parameters: { customFieldId: byId(INDUSTRY), options: { sectionDeletesFields: true } },
			},
		);
		expect(json).toEqual([{ CustomFieldId: INDUSTRY, deleted: true }]);
	});
});

describe('Custom Field → Get Many', () => {
	it('sends GetCustomFields with filters and options, reading a paged answer', async () => {
		const { json } = await runExpectingCall(
			[
				'GetCustomFields',
				{
					RecordType: 'Contact',
					IncludeArchivedFields: true,
					IncludeSections: true,
					MaxNumberOfResults: 10000,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [customField] },
			],
			{
				resource: 'customField',
				operation: 'getAll',
				parameters: {
					returnAll: true,
					filters: { recordType: 'Contact' },
					options: { includeArchivedFields: true, includeSections: true },
				},
			},
		);
		expect(json).toEqual([customField]);
	});

	it('reads a bare-array answer too, and implies Record Type Pipeline for a pipeline filter', async () => {
		const pipelineField = { ...customField, RecordType: 'Pipeline', PipelineId: LEADS };
		const { json } = await runExpectingCall(
			[
				'GetCustomFields',
				{ PipelineId: LEADS, RecordType: 'Pipeline', MaxNumberOfResults: 50, Page: 1 },
				[pipelineField, pipelineField],
			],
			{
				resource: 'customField',
				operation: 'getAll',
				parameters: { filters: { pipelineId: byId(LEADS) } },
			},
		);
		expect(json).toEqual([pipelineField, pipelineField]);
	});
});
