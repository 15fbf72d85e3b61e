/**
 * Contact and Company operations: the exact request LACRM receives from the node's parameters,
 * and the items n8n outputs.
 */
import nock from 'nock';
import type {
	IDataObject,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	ResourceMapperValue,
} from 'n8n-workflow';

import { Lacrm } from '../../../nodes/Lacrm/Lacrm.node';
import { resourceMapping } from '../../harness/load-options';
import { mapper } from '../helpers/resourceMapper';
import { lacrmContact } from '../helpers/records';
import {
	byId,
	credentialsFor,
	expectLacrmCall,
	runExpectingCall,
	runExpectingRefusal,
	runNode,
	uid,
} from '../helpers/runNode';
import type { RunNodeOptions } from '../helpers/runNode';

const CONTACT_ID = uid(101);
const OTHER_ID = uid(102);

describe('Contact → Create', () => {
	it('sends CreateContact with the fields set and outputs the contact as LACRM stored it', async () => {
		const scope = expectLacrmCall(
			'CreateContact',
			{
				Name: 'Jane Q. Smith',
				AssignedTo: '1001',
				Email: [{ Text: 'jane@example.com', Type: 'Work' }],
				'Company Name': 'Acme Inc',
				IsCompany: false,
			},
			{ ContactId: CONTACT_ID },
		);
		const { json, items } = await runExpectingCall(
			['GetContact', { ContactId: CONTACT_ID }, lacrmContact(CONTACT_ID)],
			{
				resource: 'contact',
				operation: 'create',
				parameters: {
					name: 'Jane Q. Smith',
					assignedTo: byId('1001'),
					additionalFields: {
						email: { entries: [{ text: 'jane@example.com', type: 'Work' }] },
						companyName: 'Acme Inc',
					},
				},
			},
		);
		expect(scope.isDone()).toBe(true);
		// Created records are read back (simplified, as Get outputs them), not only their id.
		expect(json).toEqual([
			expect.objectContaining({
				ContactId: CONTACT_ID,
				Name: 'Jane Q. Smith',
				Email: 'jane@example.com',
				'Company Name': 'Acme Inc',
			}),
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it("assigns the credential's user when Assigned To is empty (GetUser once for all items)", async () => {
		const getUser = expectLacrmCall(
			'GetUser',
			{},
			{ UserId: '2002', FirstName: 'Key', LastName: 'Owner' },
		);
		const create = expectLacrmCall(
			'CreateContact',
			{ Name: 'A', AssignedTo: '2002', IsCompany: false },
			{ ContactId: uid(1) },
		)
			.post('/v2/', {
				Function: 'CreateContact',
				Parameters: { Name: 'B', AssignedTo: '2002', IsCompany: false },
			})
			.reply(200, { ContactId: uid(2) });
		const { json } = await runExpectingCall(
			[
				'GetContactsById',
				{ ContactIds: [uid(1), uid(2)], MaxNumberOfResults: 2, Page: 1 },
				{ HasMoreResults: false, Results: [lacrmContact(uid(2)), lacrmContact(uid(1))] },
			],
			{
				resource: 'contact',
				operation: 'create',
				parameters: { name: '={{ $json.name }}' },
				input: [{ name: 'A' }, { name: 'B' }],
			},
		);
		expect(getUser.isDone()).toBe(true);
		expect(create.isDone()).toBe(true);
		expect(json.map((contact) => contact.ContactId)).toEqual([uid(1), uid(2)]);
	});

	it('a created contact LACRM cannot read back yet is output as its id plus the fields sent, not an error', async () => {
		expectLacrmCall(
			'CreateContact',
			{ Name: 'Jane', AssignedTo: '1001', IsCompany: false },
			{ ContactId: CONTACT_ID },
		);
		expectLacrmCall(
			'GetContact',
			{ ContactId: CONTACT_ID },
			{ ErrorCode: 'x1', ErrorDescription: 'Invalid ContactId' },
			{ status: 400 },
		);
		const { json, error } = await runNode({
			resource: 'contact',
			operation: 'create',
			parameters: { name: 'Jane', assignedTo: byId('1001') },
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{ ContactId: CONTACT_ID, Name: 'Jane', AssignedTo: '1001', IsCompany: false },
		]);
	});

	// Values come from expressions, as mapped data does: n8n itself refuses literal values of the
	// wrong type before the node runs, so the node's own conversion matters for mapped data.
	it('writes custom fields from the resource mapper by display name, converted to their types', async () => {
		await runExpectingCall(
			[
				'CreateContact',
				{
					Name: 'Jane',
					AssignedTo: '1001',
					IsCompany: false,
					Industry: 'Retail',
					Score: 42,
					'Renewal Date': '2025-03-01',
					Tags: ['A', 'B'],
				},
				{ ContactId: CONTACT_ID },
			],
			{
				resource: 'contact',
				operation: 'create',
				parameters: {
					name: 'Jane',
					assignedTo: byId('1001'),
					customFields: mapper(
						{
							Industry: 'Retail',
							Score: '={{ "42" }}',
							'Renewal Date': '2025-03-01T00:00:00',
							Tags: '={{ "A, B" }}',
							Empty: '',
						},
						[
							{ id: 'Industry', type: 'options', options: [{ name: 'Retail', value: 'Retail' }] },
							{ id: 'Score', type: 'number' },
							{ id: 'Renewal Date', type: 'dateTime' },
							{
								id: 'Tags',
								type: 'array',
								options: [
									{ name: 'A', value: 'A' },
									{ name: 'B', value: 'B' },
								],
							},
							{ id: 'Empty', type: 'string' },
						],
					),
				},
			},
		);
	});

	it('rejects a dropdown value that is not one of its options, before any request', async () => {
		const scope = expectLacrmCall('CreateContact', {}, {});
		const { error } = await runNode({
			resource: 'contact',
			operation: 'create',
			parameters: {
				name: 'Jane',
				assignedTo: byId('1001'),
				customFields: mapper({ Industry: '={{ "Mining" }}' }, [
					{ id: 'Industry', type: 'options', options: [{ name: 'Retail', value: 'Retail' }] },
				]),
			},
		});
		expect(error?.message).toBe(
			'Invalid "Custom Fields → Industry": "Mining" is not one of its options: Retail',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('accepts a valid option when the saved schema lists options without values (read before both option shapes were)', async () => {
		await runExpectingCall(
			[
				'CreateContact',
				{ Name: 'Jane', AssignedTo: '1001', IsCompany: false, 'Company Size': '11-50' },
				{ ContactId: CONTACT_ID },
			],
			{
				resource: 'contact',
				operation: 'create',
				parameters: {
					name: 'Jane',
					assignedTo: byId('1001'),
					customFields: mapper(
						// Mapped from the input (n8n itself checks fixed values against the saved options).
						{ 'Company Size': '={{ $json.size }}' },
						[
							// What n8n saved when plain-name options were read as {Name}: names and values undefined.
							{
								id: 'Company Size',
								type: 'options',
								options: [{}, {}] as unknown as Array<{ name: string; value: string }>,
							},
						],
					),
				},
				input: [{ size: '11-50' }],
			},
		);
	});

	it('the field mapper lists options LACRM answers as {Name, OptionId} and as plain names', async () => {
		const scope = expectLacrmCall(
			'GetCustomFields',
			{ RecordType: 'Contact', MaxNumberOfResults: 10000, Page: 1 },
			{
				HasMoreResults: false,
				Results: [
					{
						CustomFieldId: uid(1),
						Name: 'Industry',
						Type: 'Dropdown',
						RecordType: 'Contact',
						PipelineId: null,
						IsRequired: false,
						Options: [
							{ OptionId: uid(11), Name: 'Retail' },
							{ OptionId: uid(12), Name: 'Software' },
						],
					},
					{
						CustomFieldId: uid(2),
						Name: 'Interests',
						Type: 'Checkbox',
						RecordType: 'Contact',
						PipelineId: null,
						IsRequired: false,
						Options: ['Product A', 'Training'],
					},
				],
			},
		);
		const { fields } = await resourceMapping(
			new Lacrm(),
			{ authentication: 'apiKey', resource: 'contact', operation: 'create' },
			'getContactCustomFields',
			{
				credentials: credentialsFor('apiKey'),
				nodeCredentials: { lacrmApi: { id: 'cred-api', name: 'LACRM API key' } },
			},
		);
		expect(scope.isDone()).toBe(true);
		expect(fields.map((field) => [field.id, field.options])).toEqual([
			[
				'Industry',
				[
					{ name: 'Retail', value: 'Retail' },
					{ name: 'Software', value: 'Software' },
				],
			],
			[
				'Interests',
				[
					{ name: 'Product A', value: 'Product A' },
					{ name: 'Training', value: 'Training' },
				],
			],
		]);
	});

	it('rejects an id that is not a LACRM id, naming the field, with zero requests sent', async () => {
		const { error } = await runNode({
			resource: 'contact',
			operation: 'create',
			parameters: { name: 'Jane', assignedTo: byId('={{ "user-7" }}') },
		});
		expect(error?.message).toBe(
			'Invalid "Assigned To": "user-7" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
		);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Company → Create', () => {
	it('creates a company: IsCompany true, its name as Name and Company Name', async () => {
		const { json } = await runExpectingCall(
			[
				'CreateContact',
				{
					Name: 'Acme Inc',
					AssignedTo: '1001',
					IsCompany: true,
					'Company Name': 'Acme Inc',
					Website: [{ Text: 'https://acme.example' }],
				},
				{ ContactId: uid(900) },
			],
			{
				resource: 'company',
				operation: 'create',
				parameters: {
					name: 'Acme Inc',
					assignedTo: byId('1001'),
					additionalFields: { website: { entries: [{ text: 'https://acme.example', type: '' }] } },
					options: { idOnly: true },
				},
			},
		);
		// Options → Return Only ID: no read-back call (nock would refuse it), just the id.
		expect(json).toEqual([{ ContactId: uid(900) }]);
	});
});

describe('Companies have no birthday', () => {
	it('the Company resource offers no Birthday (or Founded) field anywhere; Contact does', () => {
		const fieldNamesOf = (resource: string) =>
			new Lacrm().description.properties
				.filter((property) => property.displayOptions?.show?.resource?.includes(resource))
				.flatMap((property) => [
					property.name,
					...((property.options ?? []) as Array<{ name?: string; value?: unknown }>).map(
						(option) => `${String(option.name)}=${String(option.value)}`,
					),
				])
				.join(' ');
		expect(fieldNamesOf('company')).not.toMatch(/birthday|founded/i);
		expect(fieldNamesOf('contact')).toMatch(/birthday/);
	});

	it('Company → Create leaves a Birthday saved by an older version out of the request', async () => {
		const { json } = await runExpectingCall(
			[
				'CreateContact',
				{ Name: 'Acme Inc', AssignedTo: '1001', IsCompany: true, 'Company Name': 'Acme Inc' },
				{ ContactId: uid(900) },
			],
			{
				resource: 'company',
				operation: 'create',
				parameters: {
					name: 'Acme Inc',
					assignedTo: byId('1001'),
					additionalFields: { birthday: '1999-04-01' },
					options: { idOnly: true },
				},
			},
		);
		expect(json).toEqual([{ ContactId: uid(900) }]);
	});
});

describe('Yearless birthdays', () => {
	it.each([
		['7-25', '0000-07-25'],
		['0000-7-5', '0000-07-05'],
		['0000-07-25', '0000-07-25'],
		['2-29', '0000-02-29'],
		['1990-07-25', '1990-07-25'],
	])('Contact → Create sends the birthday %s as %s', async (given, sent) => {
		await runExpectingCall(
			[
				'CreateContact',
				{ Name: 'Jane Smith', AssignedTo: '1001', IsCompany: false, Birthday: sent },
				{ ContactId: CONTACT_ID },
			],
			{
				resource: 'contact',
				operation: 'create',
				parameters: {
					name: 'Jane Smith',
					assignedTo: byId('1001'),
					additionalFields: { birthday: given },
				},
			},
		);
	});

	it('Contact → Update sends a yearless birthday as 0000-MM-DD', async () => {
		await runExpectingCall(['EditContact', { ContactId: CONTACT_ID, Birthday: '0000-12-03' }, {}], {
			resource: 'contact',
			operation: 'update',
			parameters: { contactId: byId(CONTACT_ID), updateFields: { birthday: '12-3' } },
		});
	});

	it.each(['2-30', '13-1', '0000-00-10'])(
		'refuses %s, which is no day of the year, before any request',
		async (given) => {
			const any = nock('https://api.lessannoyingcrm.com').post('/v2/').reply(200, {});
			const { error } = await runNode({
				resource: 'contact',
				operation: 'create',
				parameters: {
					name: 'Jane Smith',
					assignedTo: byId('1001'),
					additionalFields: { birthday: given },
				},
			});
			expect(error?.message).toBe(
				`Invalid "Birthday": "${given}" is not a day of the year (without a year use 0000-mm-dd or m-d, e.g. 0000-07-25 or 7-25)`,
			);
			expect(any.isDone()).toBe(false);
		},
	);
});

describe('Contact → Update', () => {
	it('sends only the fields set, plus nulls for the fields to clear', async () => {
		const { json } = await runExpectingCall(
			[
				'EditContact',
				{ ContactId: CONTACT_ID, 'Job Title': 'CTO', Birthday: null, Phone: null },
				{},
			],
			{
				resource: 'contact',
				operation: 'update',
				parameters: {
					contactId: byId(CONTACT_ID),
					updateFields: { jobTitle: 'CTO' },
					fieldsToClear: ['birthday', 'phone'],
				},
			},
		);
		expect(json).toEqual([{ ContactId: CONTACT_ID, updated: true }]);
	});

	it('refuses a field that is both set and cleared', async () => {
		const { error } = await runNode({
			resource: 'contact',
			operation: 'update',
			parameters: {
				contactId: byId(CONTACT_ID),
				updateFields: { jobTitle: 'CTO' },
				fieldsToClear: ['jobTitle'],
			},
		});
		expect(error?.message).toMatch(
			/Invalid "Fields to Clear": "Job Title" is both set and cleared/,
		);
	});

	it('refuses an update that changes nothing', async () => {
		const { error } = await runNode({
			resource: 'contact',
			operation: 'update',
			parameters: { contactId: byId(CONTACT_ID) },
		});
		expect(error?.message).toMatch(/Invalid "Update Fields": nothing to change/);
	});
});

describe('Contact → Delete / Get / Get Many / Get Many by ID', () => {
	it('Get sends GetContact and simplifies: flat name, emails, phones and address; custom fields kept', async () => {
		const { json } = await runExpectingCall(
			['GetContact', { ContactId: CONTACT_ID }, lacrmContact(CONTACT_ID)],
			{
				resource: 'contact',
				operation: 'get',
				parameters: { contactId: byId(CONTACT_ID) },
			},
		);
		expect(json).toEqual([
			expect.objectContaining({
				ContactId: CONTACT_ID,
				Name: 'Jane Q. Smith',
				FirstName: 'Jane',
				LastName: 'Smith',
				Email: 'jane@example.com',
				Emails: ['jane@example.com', 'jane@home.example'],
				Phone: '+1 (555) 010-0100',
				Address: '1 Main St, Springfield MO 65801, US',
				'Company Name': 'Acme Inc',
				AssignedToName: 'Owen Owner',
				Industry: 'Retail',
			}),
		]);
	});

	it('Get Many sends GetContacts with search, filters and the record type, one item per contact', async () => {
		const { json } = await runExpectingCall(
			[
				'GetContacts',
				{
					SearchTerms: 'smith',
					OwnerFilter: ['1001'],
					SortBy: 'LastName',
					AdvancedFilters: [{ Name: 'Email', Operation: 'Contains', Value: '@example.com' }],
					RecordTypeFilter: 'Contacts',
					MaxNumberOfResults: 10,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [lacrmContact(CONTACT_ID), lacrmContact(OTHER_ID)] },
			],
			{
				resource: 'contact',
				operation: 'getAll',
				parameters: {
					searchTerms: 'smith',
					limit: 10,
					simplify: false,
					filters: {
						ownerFilter: ['1001'],
						sortBy: 'LastName',
						advancedFilters: {
							entries: [{ name: 'Email', filterOperation: 'Contains', value: '@example.com' }],
						},
					},
				},
			},
		);
		expect(json.map((contact) => contact.ContactId)).toEqual([CONTACT_ID, OTHER_ID]);
	});

	it('the advanced filter Operation offers Has Attached Item and Has No Attached Item', () => {
		const operations = new Lacrm().description.properties
			.filter((property) => property.name === 'filters')
			.flatMap((property) => (property.options ?? []) as INodeProperties[])
			.filter((option) => option.name === 'advancedFilters')
			.flatMap((option) => (option.options ?? []) as INodePropertyCollection[])
			.flatMap((collection) => collection.values)
			.filter((value) => value.name === 'filterOperation')
			.flatMap((value) => (value.options ?? []) as INodePropertyOptions[])
			.map((option) => option.value);
		expect(operations).toEqual(expect.arrayContaining(['HasAttachedItem', 'HasNoAttachedItem']));
	});

	it('Get Many sends Cal / Pipeline attached-item filters with their options as an object', async () => {
		await runExpectingCall(
			[
				'GetContacts',
				{
					AdvancedFilters: [
						{
							Name: 'Cal',
							Operation: 'HasAttachedItem',
							Value: { Type: 'Task', Status: 'Pending' },
						},
						{ Name: 'Pipeline', Operation: 'HasNoAttachedItem', Value: null },
					],
					RecordTypeFilter: 'Contacts',
					MaxNumberOfResults: 50,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [] },
			],
			{
				resource: 'contact',
				operation: 'getAll',
				parameters: {
					filters: {
						advancedFilters: {
							entries: [
								{
									name: 'Cal',
									filterOperation: 'HasAttachedItem',
									value: '{"Type": "Task", "Status": "Pending"}',
								},
								{ name: 'Pipeline', filterOperation: 'HasNoAttachedItem', value: '' },
							],
						},
					},
				},
			},
		);
	});

	it('refuses attached-item options that are not a JSON object, before any request', async () => {
		const any = nock('https://api.lessannoyingcrm.com').post('/v2/').reply(200, {});
		const { error } = await runNode({
			resource: 'contact',
			operation: 'getAll',
			parameters: {
				filters: {
					advancedFilters: {
						entries: [{ name: 'Cal', filterOperation: 'HasAttachedItem', value: 'Task' }],
					},
				},
			},
		});
		expect(error?.message).toBe(
			'Invalid "Advanced Filters value": HasAttachedItem takes JSON options such as {"Type": "Task", "Status": "Pending"}, or nothing; got "Task"',
		);
		expect(any.isDone()).toBe(false);
	});

	it('Company → Get Many filters on companies', async () => {
		const { json } = await runExpectingCall(
			[
				'GetContacts',
				{ RecordTypeFilter: 'Companies', MaxNumberOfResults: 10000, Page: 1 },
				{ HasMoreResults: false, Results: [] },
			],
			{
				resource: 'company',
				operation: 'getAll',
				parameters: { returnAll: true },
			},
		);
		expect(json).toEqual([]);
	});

	it('Get Many by ID sends GetContactsById with the ids as strings', async () => {
		const { json } = await runExpectingCall(
			[
				'GetContactsById',
				{ ContactIds: [CONTACT_ID, OTHER_ID], MaxNumberOfResults: 50, Page: 1 },
				{ HasMoreResults: false, Results: [lacrmContact(CONTACT_ID)] },
			],
			{
				resource: 'contact',
				operation: 'getAllById',
				parameters: { contactIds: `${CONTACT_ID}, ${OTHER_ID}` },
			},
		);
		expect(json).toHaveLength(1);
		expect(json[0].Email).toBe('jane@example.com');
	});
});

describe('Contact → Create or Update', () => {
	const upsert = (parameters: INodeParameters): RunNodeOptions => ({
		resource: 'contact',
		operation: 'upsert',
		parameters,
	});
	const search = (parameters: Record<string, unknown>, results: unknown[]) =>
		expectLacrmCall(
			'GetContacts',
			{ ...parameters, RecordTypeFilter: 'Contacts', MaxNumberOfResults: 500, Page: 1 },
			{
				HasMoreResults: false,
				Results: results,
			},
		);

	it('creates when no contact has that exact email (a fuzzy search hit does not count)', async () => {
		const fuzzyHit = lacrmContact(OTHER_ID, {
			Email: [{ Text: 'jane@example.com.au', Type: 'Work' }],
		});
		const lookup = search({ SearchTerms: 'jane@example.com' }, [fuzzyHit]);
		const create = expectLacrmCall(
			'CreateContact',
			{
				Name: 'Jane Smith',
				AssignedTo: '1001',
				Email: [{ Text: 'jane@example.com' }],
				IsCompany: false,
			},
			{ ContactId: CONTACT_ID },
		);
		// The look after the create, for a copy another process created at the same moment.
		const recheck = search({ SearchTerms: 'jane@example.com' }, [
			fuzzyHit,
			lacrmContact(CONTACT_ID),
		]);
		const { json } = await runNode(
			upsert({
				matchOn: 'email',
				matchValue: 'jane@example.com',
				name: 'Jane Smith',
				assignedTo: byId('1001'),
			}),
		);
		expect(lookup.isDone()).toBe(true);
		expect(create.isDone()).toBe(true);
		expect(recheck.isDone()).toBe(true);
		expect(json).toEqual([
			{
				ContactId: CONTACT_ID,
				action: 'created',
				matchedOn: 'Email',
				matchValue: 'jane@example.com',
				matchCount: 0,
			},
		]);
	});

	it('updates the one contact whose email matches, ignoring case', async () => {
		search({ SearchTerms: 'JANE@example.com' }, [lacrmContact(CONTACT_ID)]);
		const { json } = await runExpectingCall(
			['EditContact', { Name: 'Jane Smith', 'Job Title': 'CTO', ContactId: CONTACT_ID }, {}],
			upsert({
				matchOn: 'email',
				matchValue: 'JANE@example.com',
				name: 'Jane Smith',
				additionalFields: { jobTitle: 'CTO' },
			}),
		);
		expect(json).toEqual([
			{
				ContactId: CONTACT_ID,
				action: 'updated',
				matchedOn: 'Email',
				matchValue: 'JANE@example.com',
				matchCount: 1,
			},
		]);
	});

	it('matches phones by digits only, searching by digits first', async () => {
		search({ SearchTerms: '5550100100' }, [
			lacrmContact(CONTACT_ID, { Phone: [{ Text: '(555) 010-0100', Type: 'Work' }] }),
		]);
		const { json } = await runExpectingCall(
			['EditContact', { Name: 'Jane Smith', ContactId: CONTACT_ID }, {}],
			upsert({ matchOn: 'phone', matchValue: '555.010.0100', name: 'Jane Smith' }),
		);
		expect(json[0].action).toBe('updated');
	});

	it('searches a phone number as typed too, before concluding nobody has it', async () => {
		const byDigits = search({ SearchTerms: '15550100100' }, []);
		const asTyped = search({ SearchTerms: '+1 555 010 0100' }, [
			lacrmContact(CONTACT_ID, { Phone: [{ Text: '+1 (555) 010-0100', Type: 'Work' }] }),
		]);
		const { json } = await runExpectingCall(
			['EditContact', { Name: 'Jane Smith', ContactId: CONTACT_ID }, {}],
			upsert({ matchOn: 'phone', matchValue: '+1 555 010 0100', name: 'Jane Smith' }),
		);
		expect(byDigits.isDone()).toBe(true);
		expect(asTyped.isDone()).toBe(true);
		expect(json[0]).toMatchObject({ ContactId: CONTACT_ID, action: 'updated' });
	});

	it('matches on a custom field through an exact advanced filter', async () => {
		search({ AdvancedFilters: [{ Name: 'Customer No', Operation: 'IsExactly', Value: 'C-42' }] }, [
			lacrmContact(CONTACT_ID, { 'Customer No': 'C-42' }),
		]);
		const { json } = await runExpectingCall(
			['EditContact', { Name: 'Jane Smith', ContactId: CONTACT_ID }, {}],
			upsert({
				matchOn: 'customField',
				matchCustomField: 'Customer No',
				matchValue: 'C-42',
				name: 'Jane Smith',
			}),
		);
		expect(json[0]).toMatchObject({ action: 'updated', matchedOn: 'Customer No' });
	});

	it('stops with an error listing the matches when several contacts match (the default)', async () => {
		search({ SearchTerms: 'jane@example.com' }, [lacrmContact(CONTACT_ID), lacrmContact(OTHER_ID)]);
		const { error } = await runNode(
			upsert({ matchOn: 'email', matchValue: 'jane@example.com', name: 'Jane Smith' }),
		);
		expect(error?.message).toBe('2 contacts match Email "jane@example.com"');
		expect((error as { description?: string }).description).toContain(CONTACT_ID);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('updates all matches when asked, one output item each', async () => {
		search({ SearchTerms: 'jane@example.com' }, [lacrmContact(CONTACT_ID), lacrmContact(OTHER_ID)]);
		const edits = expectLacrmCall('EditContact', { Name: 'Jane Smith', ContactId: CONTACT_ID }, {})
			.post('/v2/', {
				Function: 'EditContact',
				Parameters: { Name: 'Jane Smith', ContactId: OTHER_ID },
			})
			.reply(200, {});
		const { json } = await runNode(
			upsert({
				matchOn: 'email',
				matchValue: 'jane@example.com',
				name: 'Jane Smith',
				options: { onMultipleMatches: 'updateAll' },
			}),
		);
		expect(edits.isDone()).toBe(true);
		expect(json.map((item) => item.ContactId)).toEqual([CONTACT_ID, OTHER_ID]);
	});

	it('updates only the most recently changed match when asked', async () => {
		search({ SearchTerms: 'jane@example.com' }, [
			lacrmContact(CONTACT_ID, { LastUpdate: '2025-01-01T00:00:00-08:00' }),
			lacrmContact(OTHER_ID, { LastUpdate: '2025-06-01T00:00:00-08:00' }),
		]);
		const { json } = await runExpectingCall(
			['EditContact', { Name: 'Jane Smith', ContactId: OTHER_ID }, {}],
			upsert({
				matchOn: 'email',
				matchValue: 'jane@example.com',
				name: 'Jane Smith',
				options: { onMultipleMatches: 'updateLatest' },
			}),
		);
		expect(json).toEqual([
			expect.objectContaining({ ContactId: OTHER_ID, action: 'updated', matchCount: 2 }),
		]);
	});

	describe('when another process created the same contact at the same moment', () => {
		const OWN_ID = uid(205);
		const upsertJane = async () =>
			await runNode(
				upsert({
					matchOn: 'email',
					matchValue: 'jane@example.com',
					name: 'Jane Smith',
					assignedTo: byId('1001'),
					additionalFields: { jobTitle: 'CTO' },
				}),
			);
		/** The search that finds nothing, then the create (answered with `reply`). */
		const createOwn = (reply: unknown = { ContactId: OWN_ID }, status = 200) => {
			search({ SearchTerms: 'jane@example.com' }, []);
			return expectLacrmCall(
				'CreateContact',
				{
					Name: 'Jane Smith',
					AssignedTo: '1001',
					'Job Title': 'CTO',
					Email: [{ Text: 'jane@example.com' }],
					IsCompany: false,
				},
				reply,
				{ status },
			);
		};

		/** The edit of the surviving contact `id` with Jane's fields. */
		const editJane = (id: string) =>
			expectLacrmCall(
				'EditContact',
				{ Name: 'Jane Smith', AssignedTo: '1001', 'Job Title': 'CTO', ContactId: id },
				{},
			);

		it('its copy has the smaller ContactId: deletes only its own new contact, edits the survivor, says so', async () => {
			createOwn();
			search({ SearchTerms: 'jane@example.com' }, [lacrmContact(OWN_ID), lacrmContact(uid(204))]);
			const removeOwn = expectLacrmCall('DeleteContact', { ContactId: OWN_ID }, {});
			const editSurvivor = editJane(uid(204));
			const { json, error } = await upsertJane();
			expect(error).toBeUndefined();
			expect(removeOwn.isDone()).toBe(true);
			expect(editSurvivor.isDone()).toBe(true);
			expect(json).toEqual([
				{
					ContactId: uid(204),
					action: 'merged race duplicate',
					matchedOn: 'Email',
					matchValue: 'jane@example.com',
					matchCount: 0,
					deletedDuplicateId: OWN_ID,
				},
			]);
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('its own contact has the smaller ContactId: keeps it and deletes nothing (the other run removes its copy)', async () => {
			createOwn();
			search({ SearchTerms: 'jane@example.com' }, [lacrmContact(uid(206)), lacrmContact(OWN_ID)]);
			const { json, error } = await upsertJane();
			expect(error).toBeUndefined();
			expect(json).toEqual([expect.objectContaining({ ContactId: OWN_ID, action: 'created' })]);
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('compares ContactIds as numbers: a shorter id is the smaller one', async () => {
			createOwn();
			const shorter = '999999999999999999999999999999';
			search({ SearchTerms: 'jane@example.com' }, [lacrmContact(OWN_ID), lacrmContact(shorter)]);
			expectLacrmCall('DeleteContact', { ContactId: OWN_ID }, {});
			editJane(shorter);
			const { json } = await upsertJane();
			expect(json[0]).toMatchObject({ ContactId: shorter, deletedDuplicateId: OWN_ID });
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('a company: the same — its own new company is deleted and the survivor edited', async () => {
			const companySearch = (results: unknown[]) =>
				expectLacrmCall(
					'GetContacts',
					{
						SearchTerms: 'hello@acme.example',
						RecordTypeFilter: 'Companies',
						MaxNumberOfResults: 500,
						Page: 1,
					},
					{ HasMoreResults: false, Results: results },
				);
			const company = (id: string) =>
				lacrmContact(id, {
					IsCompany: true,
					Email: [{ Text: 'hello@acme.example', Type: 'Work' }],
				});
			companySearch([]);
			expectLacrmCall(
				'CreateContact',
				{
					Name: 'Acme',
					'Company Name': 'Acme',
					AssignedTo: '1001',
					Email: [{ Text: 'hello@acme.example' }],
					IsCompany: true,
				},
				{ ContactId: OWN_ID },
			);
			companySearch([company(OWN_ID), company(uid(204))]);
			expectLacrmCall('DeleteContact', { ContactId: OWN_ID }, {});
			expectLacrmCall(
				'EditContact',
				{ Name: 'Acme', 'Company Name': 'Acme', AssignedTo: '1001', ContactId: uid(204) },
				{},
			);
			const { json, error } = await runNode({
				resource: 'company',
				operation: 'upsert',
				parameters: {
					matchOn: 'email',
					matchValue: 'hello@acme.example',
					name: 'Acme',
					assignedTo: byId('1001'),
				},
			});
			expect(error).toBeUndefined();
			expect(json).toEqual([
				expect.objectContaining({
					ContactId: uid(204),
					action: 'merged race duplicate',
					deletedDuplicateId: OWN_ID,
				}),
			]);
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('LACRM refuses the create and the contact is there now: it is updated instead', async () => {
			createOwn(
				{ ErrorCode: 'duplicatename00', ErrorDescription: 'A record with this name exists.' },
				400,
			);
			search({ SearchTerms: 'jane@example.com' }, [lacrmContact(uid(204))]);
			editJane(uid(204));
			const { json, error } = await upsertJane();
			expect(error).toBeUndefined();
			expect(json).toEqual([
				expect.objectContaining({ ContactId: uid(204), action: 'updated', matchCount: 1 }),
			]);
			expect(nock.pendingMocks()).toEqual([]);
		});

		it("LACRM refuses the create and nothing matches now either: LACRM's error, unchanged", async () => {
			createOwn(
				{ ErrorCode: 'badfieldvalue000', ErrorDescription: "'Job Title' is too long." },
				400,
			);
			search({ SearchTerms: 'jane@example.com' }, []);
			const { json, error } = await upsertJane();
			expect(json).toEqual([]);
			expect(error?.message).toBe("'Job Title' is too long.");
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('LACRM refuses the delete: the item fails naming both ContactIds, and the survivor is not edited', async () => {
			createOwn();
			search({ SearchTerms: 'jane@example.com' }, [lacrmContact(OWN_ID), lacrmContact(uid(204))]);
			expectLacrmCall(
				'DeleteContact',
				{ ContactId: OWN_ID },
				{ ErrorCode: 'nodeletepermissio', ErrorDescription: 'This API key cannot delete.' },
				{ status: 400 },
			);
			const { error, json } = await upsertJane();
			expect(json).toEqual([]);
			expect(error?.message).toBe(
				`Another run created contact ${uid(204)} for Email "jane@example.com" at the same moment as this one created ${OWN_ID}, and ${OWN_ID} could not be deleted`,
			);
			expect((error as { description?: string }).description).toMatch(
				new RegExp(
					`This API key cannot delete.*Both contacts \\(${uid(204)} and ${OWN_ID}\\) now exist`,
				),
			);
			expect(nock.pendingMocks()).toEqual([]);
		});
	});

	it('refuses a match value that is not an email when matching on email, before any request', async () => {
		const { error } = await runNode(
			upsert({ matchOn: 'email', matchValue: 'not-an-email', name: 'Jane Smith' }),
		);
		expect(error?.message).toBe('Invalid "Value to Match": "not-an-email" is not an email address');
	});
});

describe('Contact → Get Activity Timeline', () => {
	it('merges notes, tasks, events, emails, pipeline items and files, newest first', async () => {
		const paged = (results: unknown[]) => ({ HasMoreResults: false, Results: results });
		const calls = [
			expectLacrmCall(
				'GetNotesAttachedToContact',
				{ ContactId: CONTACT_ID, MaxNumberOfResults: 10000, Page: 1 },
				paged([
					{
						NoteId: uid(1),
						Note: 'Called, left voicemail\nsecond line',
						DateDisplayedInHistory: '2025-03-01T10:00:00-08:00',
					},
				]),
			),
			expectLacrmCall(
				'GetTasksAttachedToContact',
				{ ContactId: CONTACT_ID, MaxNumberOfResults: 10000, Page: 1 },
				paged([{ TaskId: uid(2), Name: 'Follow up', DueDate: '2025-03-05' }]),
			),
			expectLacrmCall(
				'GetEventsAttachedToContact',
				{ ContactId: CONTACT_ID, MaxNumberOfResults: 10000, Page: 1 },
				paged([{ EventId: uid(3), Name: 'Demo', StartDate: '2025-02-01T14:00:00-05:00' }]),
			),
			expectLacrmCall(
				'GetEmailsAttachedToContact',
				{ ContactId: CONTACT_ID, MaxNumberOfResults: 10000, Page: 1 },
				paged([{ EmailId: uid(4), Subject: 'Hello', Date: '2025-01-15T08:00:00-08:00' }]),
			),
			expectLacrmCall('GetPipelineItemsAttachedToContact', { ContactId: CONTACT_ID }, [
				{
					PipelineId: uid(50),
					PipelineItems: [
						{
							PipelineItemId: uid(5),
							LastUpdate: '2025-03-10T00:00:00-08:00',
							PipelineMetaData: { Name: 'Leads' },
							StatusMetaData: { Name: 'Won' },
						},
					],
				},
			]),
			expectLacrmCall('GetFilesAttachedToContact', { ContactId: CONTACT_ID }, [
				{
					FileId: uid(6),
					FileName: 'quote.pdf',
					DisplayName: 'quote.pdf',
					DateCreated: '2024-12-21T04:06:49-08:00',
				},
			]),
		];
		const { json, error } = await runNode({
			resource: 'contact',
			operation: 'getTimeline',
			parameters: { contactId: byId(CONTACT_ID), returnAll: true, simplify: false },
		});
		expect(error).toBeUndefined();
		for (const call of calls) expect(call.isDone()).toBe(true);
		expect(json.map((activity) => [activity.type, activity.title])).toEqual([
			['pipelineItem', 'Leads: Won'],
			['task', 'Follow up'],
			['note', 'Called, left voicemail'],
			['event', 'Demo'],
			['email', 'Hello'],
			['file', 'quote.pdf'],
		]);
		expect(json[0]).toMatchObject({ id: uid(5), date: '2025-03-10T00:00:00-08:00' });
	});

	it('can be limited to some activity types and a start date', async () => {
		const { json } = await runExpectingCall(
			[
				'GetNotesAttachedToContact',
				{ ContactId: CONTACT_ID, MaxNumberOfResults: 10000, Page: 1 },
				{
					HasMoreResults: false,
					Results: [
						{ NoteId: uid(1), Note: 'old', DateDisplayedInHistory: '2024-01-01T10:00:00-08:00' },
						{ NoteId: uid(2), Note: 'new', DateDisplayedInHistory: '2025-03-01T10:00:00-08:00' },
					],
				},
			],
			{
				resource: 'contact',
				operation: 'getTimeline',
				parameters: {
					contactId: byId(CONTACT_ID),
					returnAll: true,
					options: { types: ['note'], since: '2025-01-01' },
				},
			},
		);
		expect(json.map((activity) => activity.title)).toEqual(['new']);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('per-item errors', () => {
	it("continue on fail: the failed item carries LACRM's error, the others their results, each paired", async () => {
		// Get over several items asks GetContactsById first; if LACRM rejects the whole call for
		// one bad id, each id is asked for on its own, as a one-by-one Get would.
		expectLacrmCall(
			'GetContactsById',
			{ ContactIds: [CONTACT_ID, OTHER_ID], MaxNumberOfResults: 2, Page: 1 },
			{ ErrorCode: 'x1', ErrorDescription: 'Invalid ContactId' },
			{ status: 400 },
		);
		expectLacrmCall('GetContact', { ContactId: CONTACT_ID }, lacrmContact(CONTACT_ID));
		expectLacrmCall(
			'GetContact',
			{ ContactId: OTHER_ID },
			{ ErrorCode: 'x1', ErrorDescription: 'Invalid ContactId' },
			{ status: 400 },
		);
		const { items, error } = await runNode({
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: byId('={{ $json.id }}'), options: { concurrency: 1 } },
			input: [{ id: CONTACT_ID }, { id: OTHER_ID }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { ContactId: CONTACT_ID }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({
			json: { error: 'Invalid ContactId' },
			pairedItem: { item: 1 },
		});
	});

	it('without continue on fail, a bad second item fails the run before the first is sent', async () => {
		const first = expectLacrmCall('DeleteContact', { ContactId: CONTACT_ID }, {});
		const { error } = await runNode({
			resource: 'contact',
			operation: 'delete',
			parameters: { contactId: byId('={{ $json.id }}') },
			input: [{ id: CONTACT_ID }, { id: 'oops' }],
		});
		expect(error?.message).toMatch(/Invalid "Contact": "oops" is not a LACRM ID/);
		expect(first.isDone()).toBe(false);
	});
});

describe('the version 2 form (new nodes)', () => {
	it('Create takes email and phone at the top of the form', async () => {
		await runExpectingCall(
			[
				'CreateContact',
				{
					Name: 'Jane Q. Smith',
					AssignedTo: '1001',
					Email: [{ Text: 'jane@example.com', Type: 'Work' }],
					Phone: [{ Text: '+1 555 0100' }],
					'Job Title': 'CTO',
					IsCompany: false,
				},
				{ ContactId: CONTACT_ID },
			],
			{
				resource: 'contact',
				operation: 'create',
				typeVersion: 2,
				parameters: {
					name: 'Jane Q. Smith',
					assignedTo: byId('1001'),
					email: { entries: [{ text: 'jane@example.com', type: 'Work' }] },
					phone: { entries: [{ text: '+1 555 0100', type: '' }] },
					additionalFields: { jobTitle: 'CTO' },
				},
			},
		);
	});

	it('Get Many takes its sorting from Options', async () => {
		await runExpectingCall(
			[
				'GetContacts',
				{
					SortBy: 'LastName',
					SortDirection: 'Ascending',
					OwnerFilter: ['1001'],
					RecordTypeFilter: 'Contacts',
					MaxNumberOfResults: 10,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [] },
			],
			{
				resource: 'contact',
				operation: 'getAll',
				typeVersion: 2,
				parameters: {
					limit: 10,
					filters: { ownerFilter: ['1001'] },
					options: { sortBy: 'LastName', sortDirection: 'Ascending' },
				},
			},
		);
	});
});

describe('custom fields typed in as text (numbers, checkbox lists)', () => {
	/** The schema the mapper method now gives: numbers and checkbox lists as text, typed by LACRM. */
	const schema = [
		{
			id: 'Lead Score',
			displayName: 'Lead Score (number)',
			required: false,
			defaultMatch: false,
			display: true,
			type: 'string',
			lacrmType: 'Number',
		},
		{
			id: 'Interests',
			displayName: 'Interests (any of: Product A, Training; separate with commas)',
			required: false,
			defaultMatch: false,
			display: true,
			type: 'string',
			options: [
				{ name: 'Product A', value: 'Product A' },
				{ name: 'Training', value: 'Training' },
			],
			lacrmType: 'Checkbox',
		},
	];
	const mapped = (value: IDataObject) =>
		({
			mappingMode: 'defineBelow',
			value,
			matchingColumns: [],
			schema,
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		}) as unknown as ResourceMapperValue;

	it('sends a number and a plain "a, b" list converted, and nothing for an untouched number', async () => {
		const scope = expectLacrmCall(
			'CreateContact',
			{
				Name: 'Jane',
				AssignedTo: '1001',
				IsCompany: false,
				'Lead Score': 87,
				Interests: ['Product A', 'Training'],
			},
			{ ContactId: CONTACT_ID },
		);
		const { error } = await runNode({
			resource: 'contact',
			operation: 'create',
			parameters: {
				name: 'Jane',
				assignedTo: byId('1001'),
				customFields: mapped({ 'Lead Score': '87', Interests: 'Product A, Training' }),
			},
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);

		const untouched = expectLacrmCall(
			'CreateContact',
			{ Name: 'Joe', AssignedTo: '1001', IsCompany: false },
			{ ContactId: OTHER_ID },
		);
		// What the editor stores for a number field nobody filled in: nothing (null is pruned).
		const second = await runNode({
			resource: 'contact',
			operation: 'create',
			parameters: { name: 'Joe', assignedTo: byId('1001'), customFields: mapped({}) },
		});
		expect(second.error).toBeUndefined();
		expect(untouched.isDone()).toBe(true);
	});

	it.each([
		[
			'refuses a checkbox value that is not an option, naming the field, before any request',
			{ Interests: 'Product A, Golf' },
			'Invalid "Custom Fields → Interests": "Golf" is not one of its options: Product A, Training',
		],
		[
			'refuses a number field holding text, naming the field, before any request',
			{ 'Lead Score': 'high' },
			'Invalid "Custom Fields → Lead Score": expected a number, got "high"',
		],
	])('%s', async (_test, value, message) => {
		const error = await runExpectingRefusal({
			resource: 'contact',
			operation: 'create',
			parameters: { name: 'Jane', assignedTo: byId('1001'), customFields: mapped(value) },
		});
		expect(error.message).toBe(message);
	});
});

describe('Contact → Update: Custom Fields to Clear', () => {
	it('blanks the listed custom fields (sent as null), alone or with other changes', async () => {
		const scope = expectLacrmCall(
			'EditContact',
			{ ContactId: CONTACT_ID, 'Job Title': 'CEO', 'Lead Score': null, Interests: null },
			{},
		);
		const { json, error } = await runNode({
			resource: 'contact',
			operation: 'update',
			parameters: {
				contactId: byId(CONTACT_ID),
				updateFields: { jobTitle: 'CEO' },
				customFieldsToClear: ['Lead Score', 'Interests'],
			},
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json).toEqual([{ ContactId: CONTACT_ID, updated: true }]);

		const only = expectLacrmCall('EditContact', { ContactId: CONTACT_ID, Industry: null }, {});
		const second = await runNode({
			resource: 'contact',
			operation: 'update',
			parameters: { contactId: byId(CONTACT_ID), customFieldsToClear: '={{ "Industry" }}' },
		});
		expect(second.error).toBeUndefined();
		expect(only.isDone()).toBe(true);
	});
});
