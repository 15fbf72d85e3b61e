/**
 * What the node's editor side shows against a real LACRM (the sandbox): resource-locator pickers,
 * dropdowns and the custom-field mapper — each called the way n8n's editor calls it (through
 * n8n-core's real LoadOptionsContext), on n8n-core 1.122.48 and 2.x. The credential's Test is in
 * credential-test.test.ts.
 */
import type { IDataObject, INodeParameterResourceLocator, ResourceMapperField } from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL } from '../harness/version';
import { resourceMapping } from '../harness/load-options';
import {
	byId,
	editorListSearch,
	editorLoadOptions,
	editorResourceMapping,
	fromList,
	lacrm,
	NODE_CREDENTIALS,
	sandboxCredentials,
} from './helpers/sandboxNode';

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox({ quiet: true });
});

afterEach(async () => {
	await sandbox.stop();
});

interface PipelineInfo {
	PipelineId: string;
	statuses: Array<{ StatusId: string; Name: string; IsActive: boolean }>;
}

async function pipelineNamed(name: string, includeArchived = false): Promise<PipelineInfo> {
	const pipelines = (await lacrm(sandbox, 'GetPipelines', {
		IncludeArchivedPipelines: includeArchived,
	})) as unknown as IDataObject[];
	const pipeline = pipelines.find((candidate) => candidate.Name === name);
	if (!pipeline) throw new Error(`no pipeline ${name}`);
	const statuses = (await lacrm(sandbox, 'GetPipelineStatuses', {
		PipelineId: pipeline.PipelineId,
	})) as unknown as PipelineInfo['statuses'];
	return { PipelineId: pipeline.PipelineId as string, statuses };
}

/** Every item of the pipeline, in closed statuses too. */
async function itemsInEveryStatus(pipeline: PipelineInfo): Promise<IDataObject[]> {
	const body = await lacrm(sandbox, 'GetPipelineItems', {
		PipelineId: pipeline.PipelineId,
		StatusFilter: pipeline.statuses.map((s) => s.StatusId),
	});
	return body.Results as IDataObject[];
}

/** Every person (not company) in the account, as GetContacts lists them. */
async function allPeople(): Promise<IDataObject[]> {
	const body = await lacrm(sandbox, 'GetContacts', {
		RecordTypeFilter: 'Contacts',
		MaxNumberOfResults: 10000,
	});
	return body.Results as IDataObject[];
}

const visible = (fields: ResourceMapperField[]) =>
	fields.filter((field) => field.display !== false && !field.removed);
const byIdOf = (fields: ResourceMapperField[]) =>
	Object.fromEntries(fields.map((field) => [field.id, field]));

// -------------------------------------------------------------------------------------------------

describe(`resource-locator pickers (listSearch) against the sandbox (${ENGINE_LABEL})`, () => {
	it('searchContacts with a filter lists the matching people by name and email, never companies', async () => {
		const { ContactId: zelda } = await lacrm(sandbox, 'CreateContact', {
			IsCompany: false,
			AssignedTo: '100001',
			Name: 'Zelda Quartermain',
			Email: 'zelda.q@example.com',
			'Company Name': 'Quartermain Holdings',
		});
		const company = (
			await lacrm(sandbox, 'GetContacts', {
				SearchTerms: 'Quartermain Holdings',
				RecordTypeFilter: 'Companies',
			})
		).Results as IDataObject[];
		expect(company).toHaveLength(1);

		const { results, paginationToken } = await editorListSearch(
			sandbox,
			'searchContacts',
			{},
			{ filter: 'Quartermain' },
		);
		expect(results.map((result) => result.value)).toEqual([zelda]);
		expect(results[0].name).toContain('Zelda Quartermain');
		expect(results[0].name).toContain('zelda.q@example.com');
		expect(paginationToken).toBeUndefined();
	});

	it('searchContacts without a filter pages through every person, 50 at a time, with a pagination token', async () => {
		sandbox.seedContacts(120);
		const people = await allPeople();
		expect(people.length).toBeGreaterThan(100);
		expect(people.length).toBeLessThanOrEqual(150);

		const seen: string[] = [];
		const tokens: Array<string | undefined> = [];
		let token: string | undefined;
		do {
			const page = await editorListSearch(
				sandbox,
				'searchContacts',
				{},
				{ paginationToken: token },
			);
			expect(page.results.length).toBeLessThanOrEqual(50);
			seen.push(...page.results.map((result) => String(result.value)));
			token = page.paginationToken as string | undefined;
			tokens.push(token);
		} while (token !== undefined && tokens.length < 10);

		expect(tokens).toEqual(['2', '3', undefined]);
		expect(seen).toHaveLength(people.length);
		expect(new Set(seen)).toEqual(new Set(people.map((person) => person.ContactId)));
	});

	it('searchCompanies lists companies only', async () => {
		const { results } = await editorListSearch(sandbox, 'searchCompanies');
		const companies = (await lacrm(sandbox, 'GetContacts', { RecordTypeFilter: 'Companies' }))
			.Results as IDataObject[];
		expect(results.map((result) => result.value).sort()).toEqual(
			companies.map((company) => company.ContactId).sort(),
		);
		expect(results.map((result) => result.name)).toEqual(
			expect.arrayContaining(['Acme Inc', 'Initech']),
		);
	});

	it('searchUsers lists the account users by name (filterable)', async () => {
		const all = await editorListSearch(sandbox, 'searchUsers');
		expect(all.results).toEqual([
			{ name: 'Jane Owner', value: '100001' },
			{ name: 'Riley Support', value: '100003' },
			{ name: 'Sam Seller', value: '100002' },
		]);
		const sam = await editorListSearch(sandbox, 'searchUsers', {}, { filter: 'sam' });
		expect(sam.results).toEqual([{ name: 'Sam Seller', value: '100002' }]);
	});

	it('searchPipelines lists the active pipelines (not the archived one), filterable', async () => {
		const sales = await pipelineNamed('Sales Leads');
		const support = await pipelineNamed('Support Tickets');
		const all = await editorListSearch(sandbox, 'searchPipelines');
		expect(all.results).toEqual([
			{ name: 'Sales Leads', value: sales.PipelineId },
			{ name: 'Support Tickets', value: support.PipelineId },
		]);
		const filtered = await editorListSearch(sandbox, 'searchPipelines', {}, { filter: 'TICKET' });
		expect(filtered.results).toEqual([{ name: 'Support Tickets', value: support.PipelineId }]);
	});

	// Issue 14 changed the order: pipeline order (the order a deal moves through), not alphabetical.
	it('searchStatuses lists the statuses of the pipeline chosen in the node in pipeline order, closed ones marked', async () => {
		const sales = await pipelineNamed('Sales Leads');
		const support = await pipelineNamed('Support Tickets');
		const id = (pipeline: PipelineInfo, name: string) =>
			pipeline.statuses.find((status) => status.Name === name)?.StatusId;

		const fromSales = await editorListSearch(sandbox, 'searchStatuses', {
			resource: 'pipelineItem',
			operation: 'create',
			pipelineId: fromList(sales.PipelineId, 'Sales Leads'),
		});
		expect(fromSales.results).toEqual([
			{ name: 'New', value: id(sales, 'New') },
			{ name: 'Contacted', value: id(sales, 'Contacted') },
			{ name: 'Proposal Sent', value: id(sales, 'Proposal Sent') },
			{ name: 'Won (closed)', value: id(sales, 'Won') },
			{ name: 'Lost (closed)', value: id(sales, 'Lost') },
		]);

		// The pipeline given "By ID" cascades the same way.
		const fromSupport = await editorListSearch(
			sandbox,
			'searchStatuses',
			{ resource: 'pipelineItem', operation: 'create', pipelineId: byId(support.PipelineId) },
			{ filter: 'o' },
		);
		expect(fromSupport.results).toEqual([
			{ name: 'Open', value: id(support, 'Open') },
			{ name: 'Waiting on Customer', value: id(support, 'Waiting on Customer') },
			{ name: 'Resolved (closed)', value: id(support, 'Resolved') },
		]);
	});

	it('searchStatuses without a chosen pipeline names each status with its pipeline', async () => {
		const sales = await pipelineNamed('Sales Leads');
		const { results } = await editorListSearch(sandbox, 'searchStatuses', {
			resource: 'pipelineItem',
			operation: 'create',
		});
		expect(results).toEqual(
			expect.arrayContaining([
				{
					name: 'Sales Leads → New',
					value: sales.statuses.find((status) => status.Name === 'New')?.StatusId,
				},
				{ name: 'Support Tickets → Resolved (closed)', value: expect.any(String) },
			]),
		);
		// Every status is labelled with a real pipeline name — none with a placeholder.
		for (const result of results)
			expect(result.name).toMatch(/^(Sales Leads|Support Tickets|Old Deals) → /);
	});

	it('searchStatuses without a chosen pipeline groups the statuses by pipeline, each in pipeline order', async () => {
		const sales = await pipelineNamed('Sales Leads');
		const support = await pipelineNamed('Support Tickets');
		const { results } = await editorListSearch(sandbox, 'searchStatuses', {
			resource: 'pipelineItem',
			operation: 'create',
		});
		const names = results.map((result) => result.name);
		const salesNames = names.filter((name) => name.startsWith('Sales Leads → '));
		const supportNames = names.filter((name) => name.startsWith('Support Tickets → '));
		expect(salesNames).toEqual(
			sales.statuses.map(
				(status) => `Sales Leads → ${status.Name}${status.IsActive ? '' : ' (closed)'}`,
			),
		);
		expect(supportNames).toEqual(
			support.statuses.map(
				(status) => `Support Tickets → ${status.Name}${status.IsActive ? '' : ' (closed)'}`,
			),
		);
		// Each pipeline's statuses are listed together.
		expect(names.indexOf(supportNames[0])).toBe(
			names.indexOf(supportNames[supportNames.length - 1]) - (supportNames.length - 1),
		);
	});

	it('searchPipelineItems lists the items of the chosen pipeline as "contact — status", filterable by contact', async () => {
		const sales = await pipelineNamed('Sales Leads');
		const items = await itemsInEveryStatus(sales);
		expect(items.length).toBeGreaterThan(0);

		const { results } = await editorListSearch(sandbox, 'searchPipelineItems', {
			resource: 'pipelineItem',
			operation: 'get',
			pipelineId: fromList(sales.PipelineId, 'Sales Leads'),
		});
		const expected = (item: IDataObject) =>
			`${(item.ContactMetaData as IDataObject).Name} — ${(item.StatusMetaData as IDataObject).Name}`;
		const active = items.filter(
			(item) => sales.statuses.find((status) => status.StatusId === item.StatusId)?.IsActive,
		);
		for (const item of active)
			expect(results).toContainEqual({ name: expected(item), value: item.PipelineItemId });

		const someone = (active[0].ContactMetaData as IDataObject).Name as string;
		const filtered = await editorListSearch(
			sandbox,
			'searchPipelineItems',
			{ resource: 'pipelineItem', operation: 'get', pipelineId: fromList(sales.PipelineId) },
			{ filter: someone.toUpperCase() },
		);
		expect(filtered.results.length).toBeGreaterThan(0);
		for (const result of filtered.results)
			expect(result.name.toLowerCase()).toContain(someone.toLowerCase());
	});

	// Get / Update / Delete of a pipeline item pick it here: a won or lost deal must be pickable too.
	// LACRM returns only items in active statuses when GetPipelineItems gets no StatusFilter.
	it('searchPipelineItems also lists the items in closed statuses (won, lost)', async () => {
		const sales = await pipelineNamed('Sales Leads');
		const all = await itemsInEveryStatus(sales);
		const closed = all.filter(
			(item) => !sales.statuses.find((status) => status.StatusId === item.StatusId)?.IsActive,
		);
		expect(closed.length).toBeGreaterThan(0);
		const { results } = await editorListSearch(sandbox, 'searchPipelineItems', {
			resource: 'pipelineItem',
			operation: 'update',
			pipelineId: fromList(sales.PipelineId, 'Sales Leads'),
		});
		expect(results.map((result) => result.value).sort()).toEqual(
			all.map((item) => item.PipelineItemId).sort(),
		);
	});

	it('searchPipelineItems without a chosen pipeline lists nothing and calls nothing', async () => {
		sandbox.resetCounters();
		const { results } = await editorListSearch(sandbox, 'searchPipelineItems', {
			resource: 'pipelineItem',
			operation: 'get',
		});
		expect(results).toEqual([]);
		expect(sandbox.counters().totalCalls).toBe(0);
	});
});

// -------------------------------------------------------------------------------------------------

describe(`dropdowns (loadOptions) against the sandbox (${ENGINE_LABEL})`, () => {
	it('getUsers: every user, by name', async () => {
		expect(await editorLoadOptions(sandbox, 'getUsers')).toEqual([
			{ name: 'Jane Owner', value: '100001' },
			{ name: 'Riley Support', value: '100003' },
			{ name: 'Sam Seller', value: '100002' },
		]);
	});

	it('getGroups: every group, by name, with its GroupId', async () => {
		const groups = (await lacrm(sandbox, 'GetGroups')).Results as IDataObject[];
		const options = await editorLoadOptions(sandbox, 'getGroups');
		expect(options.map((option) => option.name)).toEqual([
			'Newsletter',
			'Partners',
			'Prospects',
			'VIP Clients',
		]);
		for (const option of options) {
			expect(groups.find((group) => group.GroupId === option.value)?.Name).toBe(option.name);
		}
	});

	it("getStatuses: the chosen pipeline's statuses in pipeline order, closed ones marked", async () => {
		const sales = await pipelineNamed('Sales Leads');
		const options = await editorLoadOptions(sandbox, 'getStatuses', {
			resource: 'pipelineItem',
			operation: 'getAll',
			pipelineId: fromList(sales.PipelineId, 'Sales Leads'),
		});
		expect(options).toEqual(
			sales.statuses.map((status) => ({
				name: `${status.Name}${status.IsActive ? '' : ' (closed)'}`,
				value: status.StatusId,
			})),
		);
		expect(options.map((option) => option.name)).toEqual([
			'New',
			'Contacted',
			'Proposal Sent',
			'Won (closed)',
			'Lost (closed)',
		]);
	});

	// The trigger's status filter uses getStatuses: two pipelines have an "Open" status.
	it('getStatuses without a chosen pipeline names each status "Pipeline → Status", so no two read alike', async () => {
		const support = await pipelineNamed('Support Tickets');
		const old = await pipelineNamed('Old Deals', true);
		const options = await editorLoadOptions(sandbox, 'getStatuses');
		const names = options.map((option) => option.name);
		expect(names).toEqual(
			expect.arrayContaining(['Support Tickets → Open', 'Old Deals → Open', 'Sales Leads → New']),
		);
		expect(new Set(names).size).toBe(names.length);
		expect(options.find((option) => option.name === 'Support Tickets → Open')?.value).toBe(
			support.statuses.find((status) => status.Name === 'Open')?.StatusId,
		);
		expect(options.find((option) => option.name === 'Old Deals → Open')?.value).toBe(
			old.statuses.find((status) => status.Name === 'Open')?.StatusId,
		);
	});

	it('getContactCustomFieldNames: the writable contact fields to match on (no section)', async () => {
		const options = await editorLoadOptions(sandbox, 'getContactCustomFieldNames', {
			resource: 'contact',
			operation: 'upsert',
		});
		expect(options).toEqual(
			['Industry', 'Interests', 'Lead Score', 'Next Review', 'Referral Source'].map((name) => ({
				name,
				value: name,
			})),
		);
	});
});

// -------------------------------------------------------------------------------------------------

describe(`custom-field mapper (resourceMapping) against the sandbox (${ENGINE_LABEL})`, () => {
	it('getContactCustomFields: every writable contact field with its type and options; the section is not offered', async () => {
		const { fields } = await editorResourceMapping(sandbox, 'getContactCustomFields', {
			resource: 'contact',
			operation: 'create',
		});
		const shown = visible(fields);
		expect(shown.map((field) => field.id).sort()).toEqual([
			'Industry',
			'Interests',
			'Lead Score',
			'Next Review',
			'Referral Source',
		]);
		expect(shown.map((field) => field.id)).not.toContain('Marketing');
		const field = byIdOf(fields);
		expect(field.Industry).toMatchObject({
			displayName: 'Industry',
			type: 'options',
			required: false,
			options: ['Retail', 'Manufacturing', 'Software', 'Healthcare', 'Finance', 'Education'].map(
				(name) => ({ name, value: name }),
			),
		});
		// Issue 14: checkbox lists and numbers are typed in as text (n8n's list type wants JSON, its
		// number box stores 0 for an untouched field); the LACRM type travels in the schema.
		expect(field.Interests).toMatchObject({
			type: 'string',
			lacrmType: 'Checkbox',
			displayName:
				'Interests (any of: Product A, Product B, Support Plan, Training; separate with commas)',
			options: ['Product A', 'Product B', 'Support Plan', 'Training'].map((name) => ({
				name,
				value: name,
			})),
		});
		expect(field['Lead Score']).toMatchObject({
			type: 'string',
			lacrmType: 'Number',
			displayName: 'Lead Score (number)',
			required: false,
		});
		expect(field['Next Review']).toMatchObject({ type: 'dateTime', required: false });
		expect(field['Referral Source']).toMatchObject({ type: 'string', required: false });
		for (const entry of fields) expect(entry.canBeUsedToMatch).toBe(false);
	});

	it('a required contact field is marked required for create, not for update', async () => {
		await lacrm(sandbox, 'CreateCustomField', {
			Name: 'Customer Number',
			Type: 'Text',
			RecordType: 'Contact',
			IsRequired: true,
		});
		const forCreate = byIdOf(
			(
				await editorResourceMapping(sandbox, 'getContactCustomFields', {
					resource: 'contact',
					operation: 'create',
				})
			).fields,
		);
		const forUpdate = byIdOf(
			(
				await editorResourceMapping(sandbox, 'getContactCustomFieldsForUpdate', {
					resource: 'contact',
					operation: 'update',
				})
			).fields,
		);
		expect(forCreate['Customer Number']).toMatchObject({ required: true, type: 'string' });
		expect(forCreate['Referral Source'].required).toBe(false);
		expect(forUpdate['Customer Number']).toMatchObject({ required: false, type: 'string' });
	});

	it('getCompanyCustomFields: the company fields only', async () => {
		const { fields } = await editorResourceMapping(sandbox, 'getCompanyCustomFields', {
			resource: 'company',
			operation: 'create',
		});
		const field = byIdOf(visible(fields));
		expect(Object.keys(field).sort()).toEqual(['Account Tier', 'Annual Revenue', 'Company Size']);
		expect(field['Annual Revenue']).toMatchObject({ type: 'string', lacrmType: 'Currency' });
		expect(field['Company Size']).toMatchObject({
			type: 'options',
			options: ['1-10', '11-50', '51-200', '201+'].map((name) => ({ name, value: name })),
		});
	});

	it("getPipelineCustomFields: the chosen pipeline's fields, its required field marked (create only)", async () => {
		const sales = await pipelineNamed('Sales Leads');
		const support = await pipelineNamed('Support Tickets');
		/** The visible mapper fields for Pipeline Item → Create with this pipeline picked, by id. */
		const fieldsFor = async (pipelineId: INodeParameterResourceLocator) =>
			byIdOf(
				visible(
					(
						await editorResourceMapping(sandbox, 'getPipelineCustomFields', {
							resource: 'pipelineItem',
							operation: 'create',
							pipelineId,
						})
					).fields,
				),
			);

		const salesFields = await fieldsFor(fromList(sales.PipelineId));
		expect(Object.keys(salesFields).sort()).toEqual([
			'Deal Value',
			'Expected Close',
			'Hunter',
			'Priority',
			'Products',
		]);
		expect(salesFields.Hunter).toMatchObject({
			required: true,
			type: 'string',
			displayName: 'Hunter',
		});
		expect(salesFields['Deal Value']).toMatchObject({ required: false, type: 'string' });
		expect(salesFields.Priority).toMatchObject({
			type: 'options',
			options: ['Low', 'Medium', 'High'].map((name) => ({ name, value: name })),
		});
		expect(salesFields.Products).toMatchObject({
			type: 'string',
			lacrmType: 'Checkbox',
			options: ['Product A', 'Product B', 'Support Plan'].map((name) => ({ name, value: name })),
		});
		expect(salesFields['Expected Close']).toMatchObject({ type: 'dateTime' });

		const supportFields = await fieldsFor(byId(support.PipelineId));
		expect(Object.keys(supportFields).sort()).toEqual(['Severity', 'Ticket Summary']);
		// The sandbox answers Severity's options as plain names, Company Size's too (both shapes occur).
		expect(supportFields.Severity).toMatchObject({
			type: 'options',
			required: false,
			options: ['Low', 'Normal', 'Urgent'].map((name) => ({ name, value: name })),
		});

		const forUpdate = byIdOf(
			(
				await editorResourceMapping(sandbox, 'getPipelineCustomFieldsForUpdate', {
					resource: 'pipelineItem',
					operation: 'update',
					pipelineId: fromList(sales.PipelineId),
				})
			).fields,
		);
		expect(forUpdate.Hunter.required).toBe(false);
	});

	it('a failed load says it could not load the fields (with LACRM\'s reason, never the key), not "no fields"', async () => {
		const wrongKey = 'wrong-key-7f3e9a1c5b';
		const result = await resourceMapping(
			new Lacrm(),
			{ authentication: 'apiKey', resource: 'contact', operation: 'create' },
			'getContactCustomFields',
			{ credentials: sandboxCredentials(sandbox, wrongKey), nodeCredentials: NODE_CREDENTIALS },
		);
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toMatch(/^Could not load the custom fields from LACRM: /);
		expect(result.emptyFieldsNotice).toContain('Check the credential, then choose Retry.');
		expect(result.emptyFieldsNotice).not.toContain(wrongKey);
		expect(result.emptyFieldsNotice).not.toMatch(/no custom/i);
	});

	it('an account without custom company fields gets a notice saying where to add them', async () => {
		const fields = (await lacrm(sandbox, 'GetCustomFields', {
			RecordType: 'Company',
		})) as unknown as IDataObject[] | { Results: IDataObject[] };
		const list = Array.isArray(fields) ? fields : fields.Results;
		for (const field of list)
			await lacrm(sandbox, 'DeleteCustomField', { CustomFieldId: field.CustomFieldId });
		const result = await editorResourceMapping(sandbox, 'getCompanyCustomFields', {
			resource: 'company',
			operation: 'create',
		});
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toBe(
			'Your LACRM account has no custom company fields. Add them in LACRM (Settings → Custom Fields) to fill them here.',
		);
	});

	it('getPipelineCustomFields before a pipeline is chosen: no fields, a notice, no request', async () => {
		sandbox.resetCounters();
		const result = await editorResourceMapping(sandbox, 'getPipelineCustomFields', {
			resource: 'pipelineItem',
			operation: 'create',
		});
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toBe('Choose a pipeline first to see its custom fields');
		expect(sandbox.counters().totalCalls).toBe(0);
	});
});
