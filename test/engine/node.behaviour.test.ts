/**
 * What a user of the "Less Annoying CRM" node notices, end to end: the node runs through n8n-core's
 * real WorkflowExecute (once on n8n-core 1.122.48, once on 2.x) against the local LACRM sandbox over
 * real HTTP. Assertions read LACRM's state back through the sandbox API, the items n8n outputs,
 * the errors n8n records and the sandbox's call counters — never the node's internals.
 */
import type { IBinaryData, IDataObject, ResourceMapperField } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { ENGINE_LABEL, N8N_CORE_MAJOR } from '../harness/version';
import {
	byId,
	contactCount,
	contactsWithEmail,
	editorResourceMapping,
	fromList,
	lacrm,
	mapperValue,
	runLacrm,
} from './helpers/sandboxNode';

const JANE = '100001';
const UID = /^\d{31}$/;

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox({ quiet: true });
});

afterEach(async () => {
	await sandbox.stop();
});

/** Creates a contact straight through the LACRM API (not through the node) and returns its id. */
async function seedContact(parameters: IDataObject): Promise<string> {
	const { ContactId } = await lacrm(sandbox, 'CreateContact', {
		IsCompany: false,
		AssignedTo: JANE,
		...parameters,
	});
	return ContactId as string;
}

/** The description n8n shows under an error's message. */
function descriptionOf(error: unknown): string | undefined {
	return (error as { description?: string } | undefined)?.description ?? undefined;
}

/** The input item n8n says an error belongs to. */
function itemIndexOf(error: unknown): number | undefined {
	return (error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex;
}

async function getContact(contactId: string): Promise<IDataObject> {
	return await lacrm(sandbox, 'GetContact', { ContactId: contactId });
}

async function pipelineNamed(
	name: string,
): Promise<{ PipelineId: string; statuses: Record<string, string> }> {
	const pipelines = (await lacrm(sandbox, 'GetPipelines')) as unknown as IDataObject[];
	const pipeline = pipelines.find((candidate) => candidate.Name === name);
	if (!pipeline) throw new Error(`no pipeline ${name}`);
	const statuses = (await lacrm(sandbox, 'GetPipelineStatuses', {
		PipelineId: pipeline.PipelineId,
	})) as unknown as IDataObject[];
	return {
		PipelineId: pipeline.PipelineId as string,
		statuses: Object.fromEntries(
			statuses.map((status) => [status.Name as string, status.StatusId as string]),
		),
	};
}

// -------------------------------------------------------------------------------------------------

describe(`Contact → Create or Update against the sandbox (${ENGINE_LABEL})`, () => {
	it('creates the contact when nothing matches, owned by the key user; Get Contact shows it', async () => {
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: {
				matchOn: 'email',
				matchValue: 'ada.new@example.com',
				name: 'Ada Newcomer',
				additionalFields: { jobTitle: 'Engineer' },
			},
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{
				ContactId: expect.stringMatching(UID),
				action: 'created',
				matchedOn: 'Email',
				matchValue: 'ada.new@example.com',
				matchCount: 0,
			},
		]);
		const contact = await getContact(json[0].ContactId as string);
		expect(contact.Name).toMatchObject({ FirstName: 'Ada', LastName: 'Newcomer' });
		expect((contact.Email as IDataObject[]).map((email) => email.Text)).toEqual([
			'ada.new@example.com',
		]);
		expect(contact['Job Title']).toBe('Engineer');
		expect(String(contact.AssignedTo)).toBe(JANE);
		// The second GetContacts is the look after the create for a copy made by a racing process.
		expect(calls).toEqual({ GetContacts: 2, GetUser: 1, CreateContact: 1 });
	});

	it('updates the contact whose email matches (ignoring case), and creates nothing', async () => {
		const id = await seedContact({
			Name: 'Pat Example',
			Email: 'Pat.Example@Example.com',
			'Job Title': 'Analyst',
		});
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: {
				matchOn: 'email',
				matchValue: 'pat.example@example.com',
				name: 'Pat Example',
				additionalFields: { jobTitle: 'Director' },
			},
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{
				ContactId: id,
				action: 'updated',
				matchedOn: 'Email',
				matchValue: 'pat.example@example.com',
				matchCount: 1,
			},
		]);
		expect((await getContact(id))['Job Title']).toBe('Director');
		expect(await contactsWithEmail(sandbox, 'pat.example@example.com')).toHaveLength(1);
		expect(calls).toEqual({ GetContacts: 1, EditContact: 1 });
	});

	it('matches on phone digits, whatever the punctuation', async () => {
		const id = await seedContact({ Name: 'Phone Person', Phone: '(555) 777-1234' });
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: {
				matchOn: 'phone',
				matchValue: '555.777.1234',
				name: 'Phone Person',
				additionalFields: { backgroundInfo: 'Matched by phone' },
			},
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{
				ContactId: id,
				action: 'updated',
				matchedOn: 'Phone',
				matchValue: '555.777.1234',
				matchCount: 1,
			},
		]);
		expect((await getContact(id))['Background Info']).toBe('Matched by phone');
		expect(calls.CreateContact).toBeUndefined();
	});

	// The same number, written the same way, with a country code: the digits are identical, so the
	// node's own comparison says "match" — but it asks LACRM with the raw text, whose word "+1" is
	// not a phone number to LACRM's search, so no candidate comes back and a duplicate is created.
	it('matches a phone number that carries a country code (same digits) instead of creating a duplicate', async () => {
		const id = await seedContact({ Name: 'Intl Person', Phone: '+1 (555) 777-9876' });
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: { matchOn: 'phone', matchValue: '+1 (555) 777-9876', name: 'Intl Person' },
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{
				ContactId: id,
				action: 'updated',
				matchedOn: 'Phone',
				matchValue: '+1 (555) 777-9876',
				matchCount: 1,
			},
		]);
		expect(calls.CreateContact).toBeUndefined();
	});

	it('matches on a custom field (exact value) and updates that contact', async () => {
		const id = await seedContact({ Name: 'Custom Match', 'Referral Source': 'CRM-0042' });
		await seedContact({ Name: 'Near Miss', 'Referral Source': 'CRM-00421' });
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: {
				matchOn: 'customField',
				matchCustomField: 'Referral Source',
				matchValue: 'CRM-0042',
				name: 'Custom Match',
				additionalFields: { jobTitle: 'Buyer' },
			},
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{
				ContactId: id,
				action: 'updated',
				matchedOn: 'Referral Source',
				matchValue: 'CRM-0042',
				matchCount: 1,
			},
		]);
		expect((await getContact(id))['Job Title']).toBe('Buyer');
		expect(calls).toEqual({ GetContacts: 1, EditContact: 1 });
	});

	it('creates by custom field when absent, writing the match value into that field', async () => {
		const { json, error } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: {
				matchOn: 'customField',
				matchCustomField: 'Referral Source',
				matchValue: 'CRM-7777',
				name: 'Fresh Lead',
			},
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ action: 'created', matchCount: 0 });
		expect((await getContact(json[0].ContactId as string))['Referral Source']).toBe('CRM-7777');
	});

	describe('when several contacts match', () => {
		let first: string;
		let second: string;

		beforeEach(async () => {
			first = await seedContact({
				Name: 'Twin One',
				Email: 'twin@example.com',
				'Job Title': 'Original',
			});
			sandbox.clock.advance(60_000);
			second = await seedContact({
				Name: 'Twin Two',
				Email: 'TWIN@example.com',
				'Job Title': 'Original',
			});
			sandbox.clock.advance(60_000);
			// The first one is now the most recently changed.
			await lacrm(sandbox, 'EditContact', { ContactId: first, 'Background Info': 'touched last' });
			sandbox.clock.advance(60_000);
		});

		const upsert = (onMultipleMatches?: string) =>
			runLacrm(sandbox, {
				resource: 'contact',
				operation: 'upsert',
				parameters: {
					matchOn: 'email',
					matchValue: 'twin@example.com',
					name: 'Twin',
					additionalFields: { jobTitle: 'Changed' },
					...(onMultipleMatches ? { options: { onMultipleMatches } } : {}),
				},
			});

		it('by default stops with an error listing the matching ids, and writes nothing', async () => {
			const { error, items, calls } = await upsert();
			expect(error?.message).toBe('2 contacts match Email "twin@example.com"');
			expect(descriptionOf(error)).toContain(first);
			expect(descriptionOf(error)).toContain(second);
			expect(descriptionOf(error)).toContain('If Several Match');
			expect(items).toEqual([]);
			expect(calls).toEqual({ GetContacts: 1 });
			expect((await getContact(first))['Job Title']).toBe('Original');
			expect((await getContact(second))['Job Title']).toBe('Original');
		});

		it('"Update All of Them" updates every match, one output item each', async () => {
			const { error, json, calls } = await upsert('updateAll');
			expect(error).toBeUndefined();
			expect(json.map((item) => [item.ContactId, item.action, item.matchCount]).sort()).toEqual(
				[
					[first, 'updated', 2],
					[second, 'updated', 2],
				].sort(),
			);
			expect(calls).toEqual({ GetContacts: 1, EditContact: 2 });
			expect((await getContact(first))['Job Title']).toBe('Changed');
			expect((await getContact(second))['Job Title']).toBe('Changed');
		});

		it('"Update the Most Recently Changed" updates only the latest-changed match', async () => {
			const { error, json, calls } = await upsert('updateLatest');
			expect(error).toBeUndefined();
			expect(json).toEqual([
				{
					ContactId: first,
					action: 'updated',
					matchedOn: 'Email',
					matchValue: 'twin@example.com',
					matchCount: 2,
				},
			]);
			expect(calls).toEqual({ GetContacts: 1, EditContact: 1 });
			expect((await getContact(first))['Job Title']).toBe('Changed');
			expect((await getContact(second))['Job Title']).toBe('Original');
		});
	});

	it('two items with the same email in one execution (5 in parallel): one contact created, then updated', async () => {
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			parameters: {
				matchOn: 'email',
				matchValue: '={{ $json.email }}',
				name: '={{ $json.name }}',
				additionalFields: { jobTitle: '={{ $json.title }}' },
				options: { concurrency: 5 },
			},
			input: [
				{ email: 'same@example.com', name: 'Same Person', title: 'First' },
				{ email: 'Same@Example.com', name: 'Same Person', title: 'Second' },
				{ email: 'other@example.com', name: 'Other Person', title: 'Other' },
			],
		});
		expect(error).toBeUndefined();
		expect(json.map((item) => item.action)).toEqual(['created', 'updated', 'created']);
		expect(json[1].ContactId).toBe(json[0].ContactId);
		const stored = await contactsWithEmail(sandbox, 'same@example.com');
		expect(stored.map((contact) => contact.ContactId)).toEqual([json[0].ContactId]);
		expect(stored[0]['Job Title']).toBe('Second');
		expect(calls.CreateContact).toBe(2);
		expect(calls.EditContact).toBe(1);
	});
});

describe(`Company → Create or Update and Get against the sandbox (${ENGINE_LABEL})`, () => {
	async function companyNamed(name: string): Promise<IDataObject> {
		const found = (
			await lacrm(sandbox, 'GetContacts', { SearchTerms: name, RecordTypeFilter: 'Companies' })
		).Results as IDataObject[];
		const company = found.find((candidate) => candidate['Company Name'] === name);
		if (!company) throw new Error(`no company ${name}`);
		return company;
	}

	it('matching on the name updates the existing company (company names are unique in LACRM)', async () => {
		const acme = await companyNamed('Acme Inc');
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'company',
			operation: 'upsert',
			parameters: {
				matchOn: 'name',
				matchValue: 'Acme Inc',
				additionalFields: { backgroundInfo: 'Key account' },
			},
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{
				ContactId: acme.ContactId,
				action: 'updated',
				matchedOn: 'Name',
				matchValue: 'Acme Inc',
				matchCount: 1,
			},
		]);
		expect((await getContact(acme.ContactId as string))['Background Info']).toBe('Key account');
		expect(calls.CreateContact).toBeUndefined();
	});

	it('matching on the name creates a company that does not exist yet', async () => {
		const { json, error } = await runLacrm(sandbox, {
			resource: 'company',
			operation: 'upsert',
			parameters: { matchOn: 'name', matchValue: 'Brand New Ltd' },
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ action: 'created', matchCount: 0 });
		expect((await companyNamed('Brand New Ltd')).ContactId).toBe(json[0].ContactId);
	});

	it("Get (simplified) shows the company's name as Name", async () => {
		const acme = await companyNamed('Acme Inc');
		const { json, error } = await runLacrm(sandbox, {
			resource: 'company',
			operation: 'get',
			parameters: { contactId: byId(acme.ContactId as string) },
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({
			ContactId: acme.ContactId,
			IsCompany: true,
			Name: 'Acme Inc',
			'Company Name': 'Acme Inc',
		});
	});
});

// -------------------------------------------------------------------------------------------------

describe(`custom fields through the field mapper (${ENGINE_LABEL})`, () => {
	/** The mapper's fields as the editor loads them for Create of a contact or a company. */
	const mapperFields = async (resource: 'contact' | 'company' = 'contact') =>
		(
			await editorResourceMapping(
				sandbox,
				resource === 'contact' ? 'getContactCustomFields' : 'getCompanyCustomFields',
				{ resource, operation: 'create' },
			)
		).fields;

	/** Create, owned by Jane, with these values in the custom-field mapper. */
	const createMapped = (
		name: string,
		fields: ResourceMapperField[],
		values: IDataObject,
		{ resource = 'contact', input }: { resource?: string; input?: IDataObject[] } = {},
	) =>
		runLacrm(sandbox, {
			resource,
			operation: 'create',
			parameters: { name, assignedTo: byId(JANE), customFields: mapperValue(fields, values) },
			input,
		});
	it('Contact → Create writes dropdown, checkbox, number, date and text fields; Get Contact reads them back by name', async () => {
		const fields = await mapperFields();
		const { json, error } = await createMapped('Mapped Person', fields, {
			Industry: 'Software',
			Interests: ['Product A', 'Training'],
			'Lead Score': 87,
			'Next Review': '2025-06-30T00:00:00',
			'Referral Source': 'Webinar',
		});
		expect(error).toBeUndefined();
		const contact = await getContact(json[0].ContactId as string);
		expect(contact).toMatchObject({
			Industry: 'Software',
			Interests: ['Product A', 'Training'],
			'Lead Score': 87,
			'Next Review': '2025-06-30',
			'Referral Source': 'Webinar',
		});
	});

	it('converts mapped expression values to the field types (number text, "a, b" lists)', async () => {
		const fields = await mapperFields();
		const { json, error } = await createMapped(
			'Expression Person',
			fields,
			{
				Interests: '={{ $json.interests }}',
				'Lead Score': '={{ $json.score }}',
				'Next Review': '={{ DateTime.fromISO($json.review, { zone: "America/Chicago" }) }}',
				Industry: null,
			},
			{
				input: [
					{ interests: 'Product B, Support Plan', score: '12', review: '2025-07-01T23:30:00' },
				],
			},
		);
		expect(error).toBeUndefined();
		const contact = await getContact(json[0].ContactId as string);
		expect(contact).toMatchObject({
			Interests: ['Product B', 'Support Plan'],
			'Lead Score': 12,
			'Next Review': '2025-07-01',
			Industry: null,
		});
	});

	it('Company → Create writes a radio-list field whose options LACRM lists as plain names', async () => {
		const fields = await mapperFields('company');
		const { json, error } = await createMapped(
			'Plain Options Ltd',
			fields,
			{ 'Company Size': '11-50' },
			{ resource: 'company' },
		);
		expect(error).toBeUndefined();
		const company = await getContact(json[0].ContactId as string);
		expect(company['Company Size']).toBe('11-50');
	});

	it.each([
		[
			'a dropdown value that is not an option',
			'Bad Option',
			{ Industry: '={{ "Mining" }}' },
			'Invalid "Custom Fields → Industry": "Mining" is not one of its options: Retail, Manufacturing, Software, Healthcare, Finance, Education',
		],
		[
			'a malformed checkbox value',
			'Bad Values',
			{ Interests: '["Product A", ' },
			'Invalid "Custom Fields → Interests": expected a list of options, e.g. ["A", "B"] or A, B',
		],
		[
			'a malformed number',
			'Bad Values',
			{ 'Lead Score': 'lots' },
			'Invalid "Custom Fields → Lead Score": expected a number, got "lots"',
		],
	])('refuses %s, naming the field, with zero requests', async (_case, name, value, message) => {
		const fields = await mapperFields();
		const { error, totalCalls } = await createMapped(name, fields, value as IDataObject);
		expect(error?.message).toBe(message);
		expect(totalCalls).toBe(0);
	});

	it('takes a checkbox list as plain "a, b" text; with the old JSON-list schema n8n refused to start', async () => {
		const fields = await mapperFields();
		const { json, error } = await createMapped('Plain List Person', fields, {
			Interests: 'Product A, Training',
			'Lead Score': '42',
		});
		expect(error).toBeUndefined();
		expect(await getContact(json[0].ContactId as string)).toMatchObject({
			Interests: ['Product A', 'Training'],
			'Lead Score': 42,
		});

		// Before issue 14 the schema typed checkbox fields as n8n's 'array' (JSON only).
		const before = fields.map((field) =>
			field.id === 'Interests' ? { ...field, type: 'array' as const } : field,
		);
		const refused = await createMapped('Plain List Person 2', before, {
			Interests: 'Product A, Training',
		});
		expect(refused.error?.constructor.name).toBe('WorkflowHasIssuesError');
		expect(refused.totalCalls).toBe(0);
	});

	it('fields left empty in the mapper (as the editor saves them) send nothing: no Lead Score 0', async () => {
		const fields = await mapperFields();
		// "Add all fields" with only Industry filled: the editor prunes the empty (null) values.
		const { json, error } = await createMapped('Untouched Numbers', fields, {
			Industry: 'Retail',
			'Lead Score': '',
		});
		expect(error).toBeUndefined();
		const contact = await getContact(json[0].ContactId as string);
		expect(contact.Industry).toBe('Retail');
		expect(contact['Lead Score'] ?? null).toBeNull();
	});

	it('Contact → Update blanks the custom fields listed in Custom Fields to Clear', async () => {
		const contactId = await seedContact({
			Name: 'Clear Me',
			'Lead Score': 55,
			Interests: ['Training'],
			Industry: 'Retail',
		});
		const { error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'update',
			parameters: {
				contactId: byId(contactId),
				customFieldsToClear: ['Lead Score', 'Interests'],
			},
		});
		expect(error).toBeUndefined();
		expect(calls).toEqual({ EditContact: 1 });
		const contact = await getContact(contactId);
		expect(contact['Lead Score'] ?? null).toBeNull();
		expect(contact.Interests ?? []).toEqual([]);
		expect(contact.Industry).toBe('Retail');
	});

	describe('Pipeline Item → Create in a pipeline with a required custom field', () => {
		let sales: { PipelineId: string; statuses: Record<string, string> };
		let contactId: string;
		let schema: ResourceMapperField[];

		beforeEach(async () => {
			sales = await pipelineNamed('Sales Leads');
			contactId = await seedContact({ Name: 'Deal Maker' });
			const parameters = {
				resource: 'pipelineItem',
				operation: 'create',
				pipelineId: fromList(sales.PipelineId, 'Sales Leads'),
			};
			schema = (await editorResourceMapping(sandbox, 'getPipelineCustomFields', parameters)).fields;
		});

		const create = (customFields: IDataObject, fieldSchema = schema) =>
			runLacrm(sandbox, {
				resource: 'pipelineItem',
				operation: 'create',
				parameters: {
					contactId: byId(contactId),
					pipelineId: fromList(sales.PipelineId, 'Sales Leads'),
					statusId: byId(sales.statuses.New),
					customFields: mapperValue(fieldSchema, customFields),
				},
			});

		it('without the required field: an error naming it, and no request sent', async () => {
			// What the editor stores with "add all fields": every field present, unfilled ones null.
			const { error, totalCalls } = await create({
				Hunter: null,
				'Deal Value': 12500,
				Priority: null,
				Products: null,
				'Expected Close': null,
			});
			expect(error?.message).toBe('Invalid "Custom Fields → Hunter": this pipeline requires it');
			expect(totalCalls).toBe(0);
			expect(
				await lacrm(sandbox, 'GetPipelineItemsAttachedToContact', { ContactId: contactId }),
			).toEqual([]);
		});

		it("with a schema saved before the field became required, LACRM's own refusal is shown and nothing is created", async () => {
			const stale = schema.map((field) => ({ ...field, required: false }));
			const { error, calls } = await create({ 'Deal Value': 12500 }, stale);
			expect(error?.message).toBe("'Hunter' field is required for CreatePipelineItem");
			expect(descriptionOf(error)).toMatch(
				/^LACRM rejected CreatePipelineItem \(error code [0-9a-z]{16}\)/,
			);
			// The status is checked against the pipeline first (issue 14): one read, then the write.
			expect(calls).toEqual({ GetPipelineStatuses: 1, CreatePipelineItem: 1 });
			expect(
				await lacrm(sandbox, 'GetPipelineItemsAttachedToContact', { ContactId: contactId }),
			).toEqual([]);
		});

		it('a status of another pipeline is refused before anything is written, naming both by name', async () => {
			const support = await pipelineNamed('Support Tickets');
			const { error, calls } = await runLacrm(sandbox, {
				resource: 'pipelineItem',
				operation: 'create',
				parameters: {
					contactId: byId(contactId),
					pipelineId: fromList(support.PipelineId, 'Support Tickets'),
					// Picked while Sales Leads was the pipeline; the pipeline was changed afterwards.
					statusId: fromList(sales.statuses.New, 'New'),
				},
			});
			expect(error?.message).toBe(
				'Invalid "Status": "New" is a status of the pipeline "Sales Leads", not of "Support Tickets"',
			);
			expect(descriptionOf(error)).toBe(
				'Statuses of "Support Tickets": Open, Waiting on Customer, Resolved. Pick the status again after choosing the pipeline.',
			);
			expect(calls.CreatePipelineItem).toBeUndefined();
			expect(calls.GetPipelineStatuses).toBeGreaterThan(0);
			expect(
				await lacrm(sandbox, 'GetPipelineItemsAttachedToContact', { ContactId: contactId }),
			).toEqual([]);
		});

		it("Update refuses a new status of another pipeline than the item's, before editing", async () => {
			const support = await pipelineNamed('Support Tickets');
			const { PipelineItemId } = await lacrm(sandbox, 'CreatePipelineItem', {
				ContactId: contactId,
				PipelineId: sales.PipelineId,
				StatusId: sales.statuses.New,
				Hunter: 'Matt',
			});
			const { error, calls } = await runLacrm(sandbox, {
				resource: 'pipelineItem',
				operation: 'update',
				parameters: {
					pipelineItemId: byId(PipelineItemId as string),
					updateFields: { statusId: byId(support.statuses.Open) },
				},
			});
			expect(error?.message).toBe(
				'Invalid "New Status": "Open" is a status of the pipeline "Support Tickets", not of "Sales Leads"',
			);
			expect(calls.EditPipelineItem).toBeUndefined();
			const item = await lacrm(sandbox, 'GetPipelineItem', { PipelineItemId });
			expect(item.StatusId).toBe(sales.statuses.New);
		});

		it('with it: the item is created, and reads back with every field by its display name', async () => {
			const { json, error, calls } = await create({
				Hunter: 'Matt',
				'Deal Value': 12500,
				Priority: 'High',
				Products: ['Product A', 'Support Plan'],
				'Expected Close': '2025-09-30T00:00:00',
			});
			expect(error).toBeUndefined();
			// The new id plus the fields sent; no extra call for the output.
			expect(json).toEqual([
				expect.objectContaining({ PipelineItemId: expect.stringMatching(UID) }),
			]);
			// The status is checked against the pipeline first (issue 14): one read, then the write.
			expect(calls).toEqual({ GetPipelineStatuses: 1, CreatePipelineItem: 1 });
			const item = await lacrm(sandbox, 'GetPipelineItem', {
				PipelineItemId: json[0].PipelineItemId,
			});
			expect(item).toMatchObject({
				ContactId: contactId,
				PipelineId: sales.PipelineId,
				StatusId: sales.statuses.New,
				Hunter: 'Matt',
				'Deal Value': 12500,
				Priority: 'High',
				Products: ['Product A', 'Support Plan'],
				'Expected Close': '2025-09-30',
			});
		});
	});
});

// -------------------------------------------------------------------------------------------------

const FILE_BYTES = Buffer.concat([
	Buffer.from('%PDF-1.4\nQuote for Ada: 1.000 € — ünïcödé\n'),
	Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
	Buffer.from('\r\n--boundary-lookalike--\r\n%%EOF\n'),
]);

function binaryItem(bytes: Buffer, meta: Partial<IBinaryData> = {}) {
	return {
		json: { name: 'quote' },
		binary: {
			data: {
				data: bytes.toString('base64'),
				mimeType: 'application/pdf',
				fileName: 'quote.pdf',
				fileExtension: 'pdf',
				...meta,
			},
		},
	};
}

/**
 * The bytes of an output binary property. The harness leaves n8n-core's BinaryDataService in its
 * default, un-initialised state (no filesystem/S3 manager), so n8n keeps binaries in memory as
 * base64 — in both n8n-core versions — and there is no binary data id to resolve.
 */
function bytesOf(binary: IBinaryData | undefined): Buffer {
	if (!binary) throw new Error('no binary property');
	if (binary.id)
		throw new Error(`binary stored by id (${binary.id}): the test expects n8n's in-memory mode`);
	return Buffer.from(binary.data, 'base64');
}

async function uploadThroughNode(
	contactId: string,
	bytes = FILE_BYTES,
	meta: Partial<IBinaryData> = {},
) {
	return await runLacrm(sandbox, {
		resource: 'file',
		operation: 'upload',
		parameters: { contactId: byId(contactId), binaryPropertyName: 'data' },
		input: [binaryItem(bytes, meta)],
	});
}

describe(`files (${ENGINE_LABEL})`, () => {
	it('uploads a binary property and downloads it into a binary property: bytes, name and type identical', async () => {
		const contactId = await seedContact({ Name: 'File Owner' });
		const upload = await uploadThroughNode(contactId);
		expect(upload.error).toBeUndefined();
		// The new id plus the fields sent.
		expect(upload.json).toEqual([{ FileId: expect.stringMatching(UID), ContactId: contactId }]);
		expect(upload.calls).toEqual({ CreateFile: 1 });
		const fileId = upload.json[0].FileId as string;

		// What LACRM stored, fetched through its own FileUrl, not through the node.
		const info = await lacrm(sandbox, 'GetFile', { FileId: fileId });
		expect(info).toMatchObject({
			FileName: 'quote.pdf',
			FileType: 'application/pdf',
			FileSize: FILE_BYTES.length,
			ParentId: contactId,
		});
		const stored = Buffer.from(await (await fetch(info.FileUrl as string)).arrayBuffer());
		expect(stored.equals(FILE_BYTES)).toBe(true);

		const download = await runLacrm(sandbox, {
			resource: 'file',
			operation: 'download',
			parameters: { fileId, binaryPropertyName: 'attachment' },
		});
		expect(download.error).toBeUndefined();
		expect(download.items).toHaveLength(1);
		const [item] = download.items;
		expect(item.json).toMatchObject({
			FileId: fileId,
			FileName: 'quote.pdf',
			FileSize: FILE_BYTES.length,
		});
		expect(item.json).not.toHaveProperty('FileUrl');
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment']);
		expect(item.binary?.attachment).toMatchObject({
			fileName: 'quote.pdf',
			mimeType: 'application/pdf',
		});
		expect(bytesOf(item.binary?.attachment).equals(FILE_BYTES)).toBe(true);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('File → Get with Download on gives the details and the bytes', async () => {
		const contactId = await seedContact({ Name: 'File Getter' });
		const upload = await uploadThroughNode(contactId, Buffer.from('plain text file\n'), {
			mimeType: 'text/plain',
			fileName: 'notes.txt',
		});
		const fileId = upload.json[0].FileId as string;
		const { items, error } = await runLacrm(sandbox, {
			resource: 'file',
			operation: 'get',
			parameters: { fileId, options: { download: true, binaryPropertyName: 'file' } },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			FileId: fileId,
			FileName: 'notes.txt',
			FileType: 'text/plain',
		});
		expect(bytesOf(items[0].binary?.file).toString()).toBe('plain text file\n');
	});

	it('an item without the binary property is refused, naming the field, with zero requests', async () => {
		const contactId = await seedContact({ Name: 'No File' });
		const { error, totalCalls } = await runLacrm(sandbox, {
			resource: 'file',
			operation: 'upload',
			parameters: { contactId: byId(contactId), binaryPropertyName: 'document' },
			input: [binaryItem(FILE_BYTES)],
		});
		expect(error?.message).toBe(
			'Invalid "Input Binary Field": the input item has no binary field "document"',
		);
		expect(descriptionOf(error)).toBe('Binary fields of this item: data');
		expect(totalCalls).toBe(0);
	});
});

// -------------------------------------------------------------------------------------------------

describe(`Contact → Get Activity Timeline (${ENGINE_LABEL})`, () => {
	it('lists notes, tasks, events, emails, pipeline items and files of the contact, newest first', async () => {
		const contactId = await seedContact({ Name: 'Busy Person', Email: 'busy@example.com' });
		const sales = await pipelineNamed('Sales Leads');

		sandbox.clock.set(Date.parse('2025-02-20T12:00:00Z'));
		const { PipelineItemId } = await lacrm(sandbox, 'CreatePipelineItem', {
			ContactId: contactId,
			PipelineId: sales.PipelineId,
			StatusId: sales.statuses.Contacted,
			Hunter: 'Jane',
		});
		sandbox.clock.set(Date.parse('2025-02-25T12:00:00Z'));
		const upload = await uploadThroughNode(contactId);
		expect(upload.error).toBeUndefined();
		const { EmailId } = await lacrm(sandbox, 'CreateEmail', {
			ContactIds: [contactId],
			From: { Address: 'busy@example.com', Name: 'Busy Person' },
			To: [{ Address: 'jane@owner.example' }],
			Subject: 'Re: pricing',
			Body: 'Sounds good.',
			Date: '2025-03-02T08:00:00-06:00',
		});
		const { TaskId } = await lacrm(sandbox, 'CreateTask', {
			Name: 'Send contract',
			DueDate: '2025-03-03',
			ContactId: contactId,
		});
		const { EventId } = await lacrm(sandbox, 'CreateEvent', {
			Name: 'Kick-off call',
			StartDate: '2025-03-04T09:00:00-06:00',
			EndDate: '2025-03-04T10:00:00-06:00',
			Attendees: [{ IsUser: false, AttendeeId: contactId, AttendanceStatus: 'IsAttending' }],
		});
		const { NoteId } = await lacrm(sandbox, 'CreateNote', {
			ContactId: contactId,
			Note: 'Signed!\nDetails follow.',
			DateDisplayedInHistory: '2025-03-05T10:00:00-06:00',
		});

		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'getTimeline',
			parameters: { contactId: byId(contactId), returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(json.map((activity) => [activity.type, activity.id, activity.title])).toEqual([
			['note', NoteId, 'Signed!'],
			['event', EventId, 'Kick-off call'],
			['task', TaskId, 'Send contract'],
			['email', EmailId, 'Re: pricing'],
			['file', upload.json[0].FileId, 'quote.pdf'],
			['pipelineItem', PipelineItemId, 'Sales Leads: Contacted'],
		]);
		for (const activity of json) expect(activity.record).toEqual(expect.any(Object));
		expect(calls).toEqual({
			GetNotesAttachedToContact: 1,
			GetTasksAttachedToContact: 1,
			GetEventsAttachedToContact: 1,
			GetEmailsAttachedToContact: 1,
			GetPipelineItemsAttachedToContact: 1,
			GetFilesAttachedToContact: 1,
		});

		const onlySome = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'getTimeline',
			parameters: {
				contactId: byId(contactId),
				returnAll: true,
				options: { types: ['task', 'note'], since: '2025-03-04' },
			},
		});
		expect(onlySome.json.map((activity) => activity.type)).toEqual(['note']);
		expect(onlySome.calls).toEqual({ GetNotesAttachedToContact: 1, GetTasksAttachedToContact: 1 });
	});
});

// -------------------------------------------------------------------------------------------------

describe(`paging past 10,000 (${ENGINE_LABEL})`, () => {
	let total: number;

	beforeEach(async () => {
		sandbox.seedContacts(12_000);
		total = await contactCount(sandbox);
		expect(total).toBeGreaterThan(12_000);
	});

	it('Get Many with Return All outputs every contact, once, in exactly 2 GetContacts calls', async () => {
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'getAll',
			parameters: { returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(json).toHaveLength(total);
		expect(new Set(json.map((contact) => contact.ContactId)).size).toBe(total);
		expect(calls).toEqual({ GetContacts: 2 });
	});

	it('Get Many with Limit 10,500 outputs 10,500 contacts in 2 calls', async () => {
		const { json, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'getAll',
			parameters: { returnAll: false, limit: 10_500 },
		});
		expect(error).toBeUndefined();
		expect(json).toHaveLength(10_500);
		expect(new Set(json.map((contact) => contact.ContactId)).size).toBe(10_500);
		expect(calls).toEqual({ GetContacts: 2 });
	});
});

// -------------------------------------------------------------------------------------------------

const MISSING_ID = '4006273942886858777552000000001';

describe(`errors a user sees (${ENGINE_LABEL})`, () => {
	it("Continue On Fail: a failed item becomes an error item with LACRM's message, paired to its input; the others succeed", async () => {
		const alice = await seedContact({ Name: 'Alice Good' });
		const bob = await seedContact({ Name: 'Bob Good' });
		const { items, error, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: byId('={{ $json.id }}') },
			input: [{ id: alice }, { id: MISSING_ID }, { id: 'not-an-id' }, { id: bob }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json).toMatchObject({ ContactId: alice, Name: 'Alice Good' });
		expect(items[1].json).toEqual({
			error: `No contact was found with ContactId '${MISSING_ID}' (or you don't have permission to see it).`,
			details: expect.stringMatching(/^LACRM rejected GetContact \(error code [0-9a-z]{16}\)/),
		});
		expect(items[2].json).toEqual({
			error:
				'Invalid "Contact": "not-an-id" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
		});
		expect(items[3].json).toMatchObject({ ContactId: bob, Name: 'Bob Good' });
		// The malformed id never reached LACRM.
		// The three valid ids go in one GetContactsById; the one it does not return, alone.
		expect(calls).toEqual({ GetContactsById: 1, GetContact: 1 });
	});

	it("without Continue On Fail the execution stops with LACRM's message for the failing item", async () => {
		const alice = await seedContact({ Name: 'Alice Good' });
		const { error, run } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: byId('={{ $json.id }}') },
			input: [{ id: alice }, { id: MISSING_ID }],
		});
		expect(run?.status).toBe('error');
		expect(error?.message).toBe(
			`No contact was found with ContactId '${MISSING_ID}' (or you don't have permission to see it).`,
		);
		expect(itemIndexOf(error)).toBe(1);
	});

	describe('bad input is refused before anything is sent', () => {
		it.each([
			[
				'an id from an expression that is not a LACRM id',
				{
					resource: 'contact',
					operation: 'get',
					parameters: { contactId: byId('={{ "contact-42" }}') },
				},
				'Invalid "Contact": "contact-42" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
			],
			[
				'an id that an expression turned into a number',
				{
					resource: 'contact',
					operation: 'get',
					parameters: { contactId: byId('={{ Number($json.id) }}') },
					input: [{ id: '4006273942886858777552707100828' }],
				},
				/^Invalid "Contact": 4\.00627394288685\d*e\+30 arrived as a number, which cannot hold a LACRM ID exactly$/,
			],
			[
				'a date that does not exist',
				{
					resource: 'task',
					operation: 'create',
					parameters: { name: 'Call back', additionalFields: { dueDate: '2025-02-30' } },
				},
				'Invalid "Due Date": "2025-02-30" is not a date (use yyyy-mm-dd, e.g. 2025-01-31)',
			],
			[
				'JSON that does not parse',
				{
					resource: 'contact',
					operation: 'getAll',
					parameters: {
						filters: {
							advancedFilters: {
								entries: [
									{ name: 'Email', filterOperation: 'IsAnyOf', value: '["a@example.com", ' },
								],
							},
						},
					},
				},
				/^Invalid "Advanced Filters value": not valid JSON \(.+\)$/,
			],
			[
				'a mapped custom-field date that is not a date',
				{
					resource: 'contact',
					operation: 'create',
					parameters: {
						name: 'Jo Date',
						customFields: {
							mappingMode: 'defineBelow',
							value: { 'Next Review': '={{ "next tuesday" }}' },
							matchingColumns: [],
							schema: [
								{
									id: 'Next Review',
									displayName: 'Next Review',
									required: false,
									defaultMatch: false,
									display: true,
									type: 'dateTime',
								},
							],
						},
					},
				},
				'Invalid "Custom Fields → Next Review": "next tuesday" is not a date (use yyyy-mm-dd, e.g. 2025-01-31)',
			],
			[
				'a required value that an expression left empty',
				{ resource: 'contact', operation: 'create', parameters: { name: '={{ $json.missing }}' } },
				'Invalid "Full Name": it is required',
			],
		] as Array<[string, Parameters<typeof runLacrm>[1], string | RegExp]>)(
			'%s',
			async (_case, options, message) => {
				const { error, items, totalCalls } = await runLacrm(sandbox, options);
				if (typeof message === 'string') expect(error?.message).toBe(message);
				else expect(error?.message).toMatch(message);
				expect(items).toEqual([]);
				expect(totalCalls).toBe(0);
			},
		);

		it('a required parameter left empty: n8n itself refuses to start the workflow', async () => {
			const { error, run, totalCalls } = await runLacrm(sandbox, {
				resource: 'note',
				operation: 'create',
				parameters: { contactId: byId('4006273942886858777552707100828'), note: '' },
			});
			expect(run).toBeUndefined();
			expect(error?.constructor.name).toBe('WorkflowHasIssuesError');
			// n8n 2.x names the node and the parameter; 1.x only says the workflow has issues.
			if (N8N_CORE_MAJOR >= 2)
				expect(error?.message).toBe(
					'The \'LACRM\' node has issues:\n- Parameter "Note" is required.',
				);
			expect(totalCalls).toBe(0);
		});

		it('one bad item among good ones stops the whole batch before the first request', async () => {
			const { error, totalCalls } = await runLacrm(sandbox, {
				resource: 'note',
				operation: 'create',
				parameters: { contactId: byId('={{ $json.id }}'), note: 'hello' },
				input: [
					{ id: '4006273942886858777552707100828' },
					{ id: '4006273942886858777552707100829' },
					{ id: '12-34' },
				],
			});
			expect(error?.message).toBe(
				'Invalid "Contact": "12-34" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
			);
			expect(itemIndexOf(error)).toBe(2);
			expect(totalCalls).toBe(0);
		});
	});
});

// -------------------------------------------------------------------------------------------------

describe(`retries never duplicate a write (${ENGINE_LABEL})`, () => {
	const createAda = () =>
		runLacrm(sandbox, {
			resource: 'contact',
			operation: 'create',
			parameters: {
				name: 'Ada Retry',
				assignedTo: byId(JANE),
				additionalFields: { email: { entries: [{ text: 'ada.retry@example.com', type: '' }] } },
			},
		});

	it('a create answered 500 after LACRM committed it: not retried, the error says so, exactly one contact', async () => {
		sandbox.scriptFaults([{ afterCommit: true, status: 500, functions: ['CreateContact'] }]);
		const { error, calls } = await createAda();
		expect(error?.message).toBe('LACRM had a server error (HTTP 500) during CreateContact');
		expect(descriptionOf(error)).toMatch(
			/^Not retried automatically: LACRM may already have made this change/,
		);
		expect(calls).toEqual({ CreateContact: 1 });
		expect(await contactsWithEmail(sandbox, 'ada.retry@example.com')).toHaveLength(1);
	});

	it('a Create or Update whose create is answered 500 after commit: one contact, and the next run updates it', async () => {
		sandbox.scriptFaults([{ afterCommit: true, status: 500, functions: ['CreateContact'] }]);
		const upsert = () =>
			runLacrm(sandbox, {
				resource: 'contact',
				operation: 'upsert',
				parameters: {
					matchOn: 'email',
					matchValue: 'ada.retry@example.com',
					name: 'Ada Retry',
					assignedTo: byId(JANE),
				},
			});
		const first = await upsert();
		expect(first.error?.message).toBe('LACRM had a server error (HTTP 500) during CreateContact');
		expect(first.calls.CreateContact).toBe(1);
		const second = await upsert();
		expect(second.error).toBeUndefined();
		expect(second.json[0]).toMatchObject({ action: 'updated', matchCount: 1 });
		expect(await contactsWithEmail(sandbox, 'ada.retry@example.com')).toHaveLength(1);
	});

	it('a create whose connection drops after LACRM stored it: not retried, the error says so, exactly one contact', async () => {
		sandbox.scriptFaults([
			{ afterCommit: true, networkError: 'reset', functions: ['CreateContact'] },
		]);
		const { error, calls } = await createAda();
		expect(error?.message).toMatch(/^Could not reach LACRM \((ECONNRESET|SOCKET_HANG_UP)\)$/);
		expect(descriptionOf(error)).toMatch(/^CreateContact was not retried automatically/);
		expect(calls).toEqual({ CreateContact: 1 });
		expect(await contactsWithEmail(sandbox, 'ada.retry@example.com')).toHaveLength(1);
	});

	it('a create answered 429 (not performed) is retried once and succeeds: one contact', async () => {
		sandbox.scriptFaults([{ status: 429, retryAfterSeconds: 0, functions: ['CreateContact'] }]);
		const { error, json, calls } = await createAda();
		expect(error).toBeUndefined();
		// Output: the created contact as read back (one GetContact for a single item).
		expect(json).toEqual([expect.objectContaining({ ContactId: expect.stringMatching(UID) })]);
		expect(calls).toEqual({ CreateContact: 2, GetContact: 1 });
		const stored = await contactsWithEmail(sandbox, 'ada.retry@example.com');
		expect(stored.map((contact) => contact.ContactId)).toEqual([json[0].ContactId]);
	});

	it('a read whose connection drops is retried and succeeds', async () => {
		const alice = await seedContact({ Name: 'Alice Reset' });
		sandbox.scriptFaults([{ networkError: 'reset', functions: ['GetContact'] }]);
		const { error, json, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: byId(alice) },
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ ContactId: alice, Name: 'Alice Reset' });
		expect(calls).toEqual({ GetContact: 2 });
	});

	it('a read answered 500 is retried and succeeds', async () => {
		const alice = await seedContact({ Name: 'Alice Read' });
		sandbox.scriptFaults([{ status: 500, functions: ['GetContact'] }]);
		const { error, json, calls } = await runLacrm(sandbox, {
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: byId(alice) },
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ ContactId: alice, Name: 'Alice Read' });
		expect(calls).toEqual({ GetContact: 2 });
	});
});
