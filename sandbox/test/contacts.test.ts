import { startSandbox, type Sandbox } from '../index';
import { UID_RE, expectLacrmError, type Body, callOk, person } from './helpers';

/** Contacts and companies: shapes, company linking, custom fields, edit semantics, search and filters. */

let sandbox: Sandbox;
const ADMIN = '100001';
const SAM = '100002';

const ok = (fn: string, params: object = {}) => callOk(sandbox, fn, params);

async function create(params: object): Promise<Body> {
	const { ContactId } = await ok('CreateContact', {
		IsCompany: false,
		AssignedTo: ADMIN,
		...params,
	});
	return ok('GetContact', { ContactId });
}

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(() => sandbox.stop());

describe('shapes', () => {
	it('Name goes in as one string and comes out as parts', async () => {
		const c = await create({ Name: 'Dr. Mary Ann Smith Jr.' });
		expect(c.Name).toEqual({
			Salutation: 'Dr.',
			FirstName: 'Mary',
			MiddleName: 'Ann',
			LastName: 'Smith',
			Suffix: 'Jr.',
		});
	});

	it('Email/Phone/Website accept a string, an array of strings or {Text,Type} objects and return {Text,Type,TypeId}', async () => {
		const c = await create({
			Name: 'Shape Tester',
			Email: 'one@example.com',
			Phone: ['555-1111', '555-2222'],
			Website: [{ Text: 'https://a.example', Type: 'Personal' }, { Text: 'https://b.example' }],
		});
		expect(c.Email).toEqual([{ Text: 'one@example.com', Type: 'Work', TypeId: 1 }]);
		expect(c.Phone).toEqual([
			{ Text: '555-1111', Type: 'Work', TypeId: 1 },
			{ Text: '555-2222', Type: 'Work', TypeId: 1 },
		]);
		expect(c.Website).toEqual([
			{ Text: 'https://a.example', Type: 'Personal', TypeId: 2 },
			{ Text: 'https://b.example', Type: 'Work', TypeId: 1 },
		]);
	});

	it('an unknown Email Type is a 400 naming the valid types', async () => {
		expectLacrmError(
			await sandbox.call(
				'CreateContact',
				person('X', { Email: [{ Text: 'a@b.c', Type: 'Pager' }] }),
			),
			400,
			/Pager.*Work, Personal/,
		);
	});

	it('ids are 31-digit numeric strings, never JSON numbers; dates are ISO 8601 with an offset', async () => {
		const res = await sandbox.call('CreateContact', person('Id Check'));
		expect(typeof res.body.ContactId).toBe('string');
		expect(res.body.ContactId).toMatch(UID_RE);
		const c = await ok('GetContact', { ContactId: res.body.ContactId });
		expect(c.DateCreated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		const page = await ok('GetContacts', { MaxNumberOfResults: 50 });
		for (const contact of page.Results) {
			expect(typeof contact.ContactId).toBe('string');
			expect(contact.ContactId).toMatch(UID_RE);
		}
	});

	it('the AssignedTo user must exist', async () => {
		expectLacrmError(
			await sandbox.call('CreateContact', {
				IsCompany: false,
				AssignedTo: '999999',
				Name: 'Nobody',
			}),
			400,
			/AssignedTo/,
		);
	});
});

describe('companies', () => {
	it('a contact with a new Company Name creates the company and links it', async () => {
		const c = await create({ Name: 'Link Tester', 'Company Name': 'Brand New Co' });
		expect(c.CompanyId).toMatch(UID_RE);
		expect(c['Company Name']).toBe('Brand New Co');
		expect(c.CompanyMetaData).toEqual({ CompanyName: 'Brand New Co' });
		const company = await ok('GetContact', { ContactId: c.CompanyId });
		expect(company.IsCompany).toBe(true);
		expect(company['Company Name']).toBe('Brand New Co');
	});

	it('an existing company is reused (names compared case-insensitively)', async () => {
		const a = await create({ Name: 'First Employee', 'Company Name': 'Reuse Corp' });
		const b = await create({ Name: 'Second Employee', 'Company Name': 'reuse corp' });
		expect(b.CompanyId).toBe(a.CompanyId);
		const companies = await ok('GetContacts', {
			RecordTypeFilter: 'Companies',
			SearchTerms: 'Reuse Corp',
		});
		expect(companies.Results).toHaveLength(1);
	});

	it('companies may be created with Name or with Company Name, and names are unique', async () => {
		const viaName = await ok('CreateContact', {
			IsCompany: true,
			AssignedTo: ADMIN,
			Name: 'Unique Widgets',
		});
		const viaCompanyName = await ok('CreateContact', {
			IsCompany: true,
			AssignedTo: ADMIN,
			'Company Name': 'Other Widgets',
		});
		expect((await ok('GetContact', { ContactId: viaName.ContactId }))['Company Name']).toBe(
			'Unique Widgets',
		);
		expect((await ok('GetContact', { ContactId: viaCompanyName.ContactId }))['Company Name']).toBe(
			'Other Widgets',
		);
		expectLacrmError(
			await sandbox.call('CreateContact', {
				IsCompany: true,
				AssignedTo: ADMIN,
				Name: 'unique widgets',
			}),
			400,
			/already exists/,
		);
		expectLacrmError(
			await sandbox.call('EditContact', {
				ContactId: viaCompanyName.ContactId,
				'Company Name': 'Unique Widgets',
			}),
			400,
			/already exists/,
		);
	});

	it('a company needs a name', async () => {
		expectLacrmError(
			await sandbox.call('CreateContact', { IsCompany: true, AssignedTo: ADMIN }),
			400,
			/'Name'/,
		);
	});

	it('EditContact can turn a person into a company', async () => {
		const c = await create({ Name: 'Soon Incorporated', 'Company Name': 'Parent Co' });
		await ok('EditContact', {
			ContactId: c.ContactId,
			IsCompany: true,
			'Company Name': 'Spun Off LLC',
		});
		const after = await ok('GetContact', { ContactId: c.ContactId });
		expect(after).toMatchObject({
			IsCompany: true,
			CompanyId: null,
			'Company Name': 'Spun Off LLC',
		});
		expectLacrmError(
			await sandbox.call('CreateContact', {
				IsCompany: true,
				AssignedTo: ADMIN,
				Name: 'Spun Off LLC',
			}),
			400,
			/already exists/,
		);
	});

	it('renaming a company shows on its people; deleting it unlinks them', async () => {
		const person = await create({ Name: 'Rename Watcher', 'Company Name': 'Old Name Ltd' });
		await ok('EditContact', { ContactId: person.CompanyId, Name: 'New Name Ltd' });
		expect((await ok('GetContact', { ContactId: person.ContactId }))['Company Name']).toBe(
			'New Name Ltd',
		);
		await ok('DeleteContact', { ContactId: person.CompanyId });
		const after = await ok('GetContact', { ContactId: person.ContactId });
		expect(after.CompanyId).toBeNull();
		expect(after['Company Name']).toBe('');
	});
});

describe('edit semantics', () => {
	it('omitted = unchanged, null = cleared', async () => {
		const c = await create({
			Name: 'Edit Semantics',
			Email: 'keep@example.com',
			Phone: '555-0000',
			'Job Title': 'Boss',
			Industry: 'Retail',
			'Lead Score': 5,
		});
		await ok('EditContact', {
			ContactId: c.ContactId,
			Phone: null,
			'Job Title': null,
			Industry: null,
		});
		const after = await ok('GetContact', { ContactId: c.ContactId });
		expect(after.Email).toEqual(c.Email);
		expect(after['Lead Score']).toBe(5);
		expect(after.Phone).toEqual([]);
		expect(after['Job Title']).toBe('');
		expect(after.Industry).toBeNull();
		expect(after.Name).toEqual(c.Name);
	});

	it('a failed edit changes nothing', async () => {
		const c = await create({ Name: 'Atomic Edit', 'Job Title': 'Before' });
		expectLacrmError(
			await sandbox.call('EditContact', {
				ContactId: c.ContactId,
				'Job Title': 'After',
				Industry: 'Not An Option',
			}),
			400,
		);
		expect((await ok('GetContact', { ContactId: c.ContactId }))['Job Title']).toBe('Before');
	});
});

describe('custom fields', () => {
	it('are keyed by display name and validated by type', async () => {
		const c = await create({
			Name: 'Custom Values',
			Industry: 'Software',
			Interests: ['Product A', 'Training'],
			'Lead Score': 42,
			'Next Review': '2030-01-31',
			'Referral Source': 'Friend',
		});
		expect(c).toMatchObject({
			Industry: 'Software',
			Interests: ['Product A', 'Training'],
			'Lead Score': 42,
			'Next Review': '2030-01-31',
			'Referral Source': 'Friend',
		});
	});

	it.each([
		['Industry', 'Space Mining', /not an option of 'Industry'/],
		['Industry', ['Retail'], /takes the text of one of its options/],
		['Interests', 'Product A', /Checkbox/],
		['Interests', ['Product Z'], /not an option of 'Interests'/],
		['Lead Score', 'lots', /must be a number/],
		['Next Review', '31/01/2030', /yyyy-mm-dd/],
		['Marketing', 'x', /Section field/],
	])('%s = %j is refused', async (field, value, pattern) => {
		expectLacrmError(
			await sandbox.call('CreateContact', person('Bad Value', { [field]: value })),
			400,
			pattern,
		);
	});

	it('an unknown key on create or edit is a 400 naming it', async () => {
		expectLacrmError(
			await sandbox.call('CreateContact', person('X', { 'Shoe Size': 9 })),
			400,
			/'Shoe Size'/,
		);
		const c = await create({ Name: 'Unknown Edit' });
		expectLacrmError(
			await sandbox.call('EditContact', { ContactId: c.ContactId, Favourite: 'x' }),
			400,
			/'Favourite'/,
		);
	});

	it('contact and company fields are separate sets', async () => {
		expectLacrmError(
			await sandbox.call('CreateContact', person('X', { 'Annual Revenue': 5 })),
			400,
			/'Annual Revenue'/,
		);
		const company = await ok('CreateContact', {
			IsCompany: true,
			AssignedTo: ADMIN,
			Name: 'Revenue Co',
			'Annual Revenue': 1000000,
			'Company Size': '11-50',
		});
		expect(await ok('GetContact', { ContactId: company.ContactId })).toMatchObject({
			'Annual Revenue': 1000000,
			'Company Size': '11-50',
		});
	});

	it('renaming a field or an option keeps stored values; removing an option drops it', async () => {
		const { CustomFieldId } = await ok('CreateCustomField', {
			Name: 'Plan',
			Type: 'Dropdown',
			RecordType: 'Contact',
			Options: ['Basic', 'Pro'],
		});
		const c = await create({ Name: 'Plan Holder', Plan: 'Pro' });
		const field = await ok('GetCustomField', { CustomFieldId });
		const [basic, pro] = field.Options;
		await ok('EditCustomField', {
			CustomFieldId,
			Name: 'Subscription',
			Options: [basic, { OptionId: pro.OptionId, Name: 'Professional' }, 'Enterprise'],
		});
		expect((await ok('GetContact', { ContactId: c.ContactId })).Subscription).toBe('Professional');
		await ok('EditCustomField', { CustomFieldId, Options: [basic] });
		expect((await ok('GetContact', { ContactId: c.ContactId })).Subscription).toBeNull();
		expectLacrmError(
			await sandbox.call('CreateCustomField', { Name: 'Email', Type: 'Text' }),
			400,
			/built-in/,
		);
		expectLacrmError(
			await sandbox.call('CreateCustomField', { Name: 'subscription', Type: 'Text' }),
			400,
			/already exists/,
		);
		await ok('DeleteCustomField', { CustomFieldId });
	});

	it('a required contact field is enforced on create with LACRM wording', async () => {
		await ok('CreateCustomField', {
			Name: 'Account Number',
			Type: 'Text',
			RecordType: 'Contact',
			IsRequired: true,
		});
		try {
			const res = await sandbox.call('CreateContact', person('Needs Account'));
			expectLacrmError(res, 400);
			expect(res.body.ErrorDescription).toBe(
				"'Account Number' field is required for CreateContact",
			);
			await ok('CreateContact', person('Has Account', { 'Account Number': 'A-1' }));
		} finally {
			const fields = await ok('GetCustomFields', { RecordType: 'Contact' });
			await ok('DeleteCustomField', {
				CustomFieldId: fields.Results.find((f: Body) => f.Name === 'Account Number').CustomFieldId,
			});
		}
	});
});

describe('GetContacts', () => {
	let owned: Body;
	beforeAll(async () => {
		owned = await ok('CreateContact', {
			IsCompany: false,
			AssignedTo: SAM,
			Name: 'Zebulon Quixote',
			Email: 'zq@searchable.example',
			Phone: '(555) 867-5309',
			'Company Name': 'Searchable Partners',
		});
	});

	it('SearchTerms match name, email, phone digits and company name', async () => {
		for (const term of [
			'Zebulon',
			'quixote',
			'zq@searchable',
			'867-5309',
			'5558675309',
			'Searchable Partners',
		]) {
			const res = await ok('GetContacts', { SearchTerms: term, RecordTypeFilter: 'Contacts' });
			expect(res.Results.map((c: Body) => c.ContactId)).toContain(owned.ContactId);
		}
		expect((await ok('GetContacts', { SearchTerms: 'nosuchpersonanywhere' })).Results).toEqual([]);
	});

	it('RecordTypeFilter and OwnerFilter', async () => {
		const companies = await ok('GetContacts', {
			RecordTypeFilter: 'Companies',
			MaxNumberOfResults: 10000,
		});
		expect(companies.Results.every((c: Body) => c.IsCompany)).toBe(true);
		const people = await ok('GetContacts', {
			RecordTypeFilter: 'Contacts',
			MaxNumberOfResults: 10000,
		});
		expect(people.Results.every((c: Body) => !c.IsCompany)).toBe(true);
		const sams = await ok('GetContacts', { OwnerFilter: [SAM], MaxNumberOfResults: 10000 });
		expect(sams.Results.length).toBeGreaterThan(0);
		expect(sams.Results.every((c: Body) => c.AssignedTo === Number(SAM))).toBe(true);
	});

	it('SortBy/SortDirection', async () => {
		const asc = await ok('GetContacts', {
			RecordTypeFilter: 'Contacts',
			SortBy: 'LastName',
			SortDirection: 'Ascending',
			MaxNumberOfResults: 10000,
		});
		const names = asc.Results.map((c: Body) => c.Name.LastName.toLowerCase());
		expect(names).toEqual([...names].sort());
		const desc = await ok('GetContacts', {
			SortBy: 'DateCreated',
			SortDirection: 'Descending',
			MaxNumberOfResults: 10000,
		});
		const created = desc.Results.map((c: Body) => Date.parse(c.DateCreated));
		expect(created).toEqual([...created].sort((a, b) => b - a));
	});

	it.each([
		[[{ Name: 'First name', Operation: 'IsExactly', Value: 'zebulon' }], true],
		[[{ Name: 'LastName', Operation: 'Contains', Value: 'quix' }], true],
		[[{ Name: 'LastName', Operation: 'DoesNotContain', Value: 'quix' }], false],
		[[{ Name: 'Email', Operation: 'Contains', Value: 'searchable.example' }], true],
		[[{ Name: 'Phone', Operation: 'IsEmpty' }], false],
		[[{ Name: 'Phone', Operation: 'IsNotEmpty' }], true],
		[[{ Name: 'Company Name', Operation: 'IsExactly', Value: 'Searchable Partners' }], true],
		[[{ Name: 'Company Name', Operation: 'IsNot', Value: 'Searchable Partners' }], false],
		[[{ Name: 'Job Title', Operation: 'IsEmpty', Value: null }], true],
		[[{ Name: 'DateCreated', Operation: 'IsAfter', Value: '2000-01-01' }], true],
		[[{ Name: 'DateEntered', Operation: 'IsBefore', Value: '2000-01-01' }], false],
		[[{ Name: 'DateUpdated', Operation: 'IsBetween', Value: ['2000-01-01', '2999-12-31'] }], true],
		[[{ Name: 'Group', Operation: 'IsNotInAnyGroup' }], true],
		[
			[
				{ Name: 'FirstName', Operation: 'IsExactly', Value: 'Zebulon' },
				{ Name: 'Email', Operation: 'IsEmpty' },
			],
			false,
		],
	])('AdvancedFilters %j', async (filters, matches) => {
		const res = await ok('GetContacts', { AdvancedFilters: filters, MaxNumberOfResults: 10000 });
		expect(res.Results.map((c: Body) => c.ContactId).includes(owned.ContactId)).toBe(matches);
	});

	it('AdvancedFilters DateCreated IsExactly today, and custom fields', async () => {
		const today = (await ok('GetContact', { ContactId: owned.ContactId })).DateCreated.slice(0, 10);
		const res = await ok('GetContacts', {
			AdvancedFilters: [{ Name: 'DateCreated', Operation: 'IsExactly', Value: today }],
			MaxNumberOfResults: 10000,
		});
		expect(res.Results.map((c: Body) => c.ContactId)).toContain(owned.ContactId);
		const retail = await ok('GetContacts', {
			AdvancedFilters: [{ Name: 'Industry', Operation: 'IsExactly', Value: 'Retail' }],
			MaxNumberOfResults: 10000,
		});
		expect(retail.Results.length).toBeGreaterThan(0);
		expect(retail.Results.every((c: Body) => c.Industry === 'Retail')).toBe(true);
		const scored = await ok('GetContacts', {
			AdvancedFilters: [{ Name: 'Lead Score', Operation: 'IsGreaterThan', Value: 50 }],
			MaxNumberOfResults: 10000,
		});
		expect(scored.Results.every((c: Body) => c['Lead Score'] > 50)).toBe(true);
	});

	it('AdvancedFilters Group IsInGroupList / IsNotInGroupList', async () => {
		const groups = await ok('GetGroups');
		const vip = groups.Results.find((g: Body) => g.Name === 'VIP Clients');
		const members = await ok('GetContactsInGroup', {
			GroupId: vip.GroupId,
			MaxNumberOfResults: 10000,
		});
		const inList = await ok('GetContacts', {
			AdvancedFilters: [{ Name: 'Group', Operation: 'IsInGroupList', Value: [vip.GroupId] }],
			MaxNumberOfResults: 10000,
		});
		expect(inList.Results.map((c: Body) => c.ContactId).sort()).toEqual(
			members.Results.map((m: Body) => m.ContactId).sort(),
		);
		const notIn = await ok('GetContacts', {
			AdvancedFilters: [{ Name: 'Group', Operation: 'IsNotInGroupList', Value: [vip.GroupId] }],
			MaxNumberOfResults: 10000,
		});
		expect(
			notIn.Results.some((c: Body) =>
				members.Results.some((m: Body) => m.ContactId === c.ContactId),
			),
		).toBe(false);
	});

	it('unknown filter names and operations are a 400', async () => {
		expectLacrmError(
			await sandbox.call('GetContacts', {
				AdvancedFilters: [{ Name: 'Shoe Size', Operation: 'IsExactly', Value: '9' }],
			}),
			400,
			/'Shoe Size' is not a filter/,
		);
		expectLacrmError(
			await sandbox.call('GetContacts', {
				AdvancedFilters: [{ Name: 'Email', Operation: 'Resembles', Value: 'x' }],
			}),
			400,
			/'Resembles' is not a valid Operation/,
		);
		expectLacrmError(
			await sandbox.call('GetContacts', {
				AdvancedFilters: [{ Name: 'DateCreated', Operation: 'Contains', Value: 'x' }],
			}),
			400,
			/not a valid Operation/,
		);
		expectLacrmError(
			await sandbox.call('GetContacts', { AdvancedFilters: { Name: 'Email' } }),
			400,
		);
	});

	it('GetContactsById skips unknown ids', async () => {
		const res = await ok('GetContactsById', { ContactIds: [owned.ContactId, '4'.repeat(31)] });
		expect(res.Results.map((c: Body) => c.ContactId)).toEqual([owned.ContactId]);
	});

	it("GetContactsById with unknownIdsInBulkReads: 'reject' fails the whole call naming the id", async () => {
		const strict = await startSandbox({ unknownIdsInBulkReads: 'reject' });
		try {
			const { body } = await strict.call('CreateContact', person('Known Person'));
			const unknown = '4'.repeat(31);
			expectLacrmError(
				await strict.call('GetContactsById', { ContactIds: [body.ContactId, unknown] }),
				400,
				new RegExp(unknown),
			);
			const res = await strict.call('GetContactsById', { ContactIds: [body.ContactId] });
			expect(res.body.Results.map((c: Body) => c.ContactId)).toEqual([body.ContactId]);
		} finally {
			await strict.stop();
		}
	});
});

describe('DeleteContact', () => {
	it('removes what hangs off the contact', async () => {
		const c = await create({ Name: 'Cascade Person' });
		const note = await ok('CreateNote', { ContactId: c.ContactId, Note: 'n' });
		const task = await ok('CreateTask', { Name: 't', ContactId: c.ContactId });
		await ok('DeleteContact', { ContactId: c.ContactId });
		expectLacrmError(await sandbox.call('GetNote', { NoteId: note.NoteId }), 400);
		expectLacrmError(await sandbox.call('GetTask', { TaskId: task.TaskId }), 400);
		expectLacrmError(
			await sandbox.call('DeleteContact', { ContactId: c.ContactId }),
			400,
			/No contact/,
		);
	});
});
