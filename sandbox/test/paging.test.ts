import { startSandbox, type Sandbox } from '../index';
import { UID_RE, expectLacrmError, type Body } from './helpers';

/** Paging (default 500, max 10,000, past the end), bare-array functions, the bulk generator and determinism. */

describe('paging', () => {
	let sandbox: Sandbox;
	let total: number;

	beforeAll(async () => {
		sandbox = await startSandbox();
		const demo = (await sandbox.call('GetContacts', { MaxNumberOfResults: 10000 })).body.Results
			.length;
		sandbox.seedContacts(25_000, { companies: 50 });
		total = demo + 25_050;
	});

	afterAll(() => sandbox.stop());

	it('pages through more than 10,000 records with HasMoreResults, 1-based, and an empty page past the end', async () => {
		const seen = new Set<string>();
		let page = 1;
		const sizes: number[] = [];
		for (;;) {
			const res = await sandbox.call('GetContacts', { MaxNumberOfResults: 10000, Page: page });
			expect(res.status).toBe(200);
			sizes.push(res.body.Results.length);
			for (const c of res.body.Results) {
				expect(c.ContactId).toMatch(UID_RE);
				seen.add(c.ContactId);
			}
			if (!res.body.HasMoreResults) break;
			page++;
		}
		expect(sizes).toEqual([10000, 10000, total - 20000]);
		expect(seen.size).toBe(total);
		expect(
			(await sandbox.call('GetContacts', { MaxNumberOfResults: 10000, Page: 4 })).body,
		).toEqual({ HasMoreResults: false, Results: [] });
		expect((await sandbox.call('GetContacts', { Page: 1000 })).body).toEqual({
			HasMoreResults: false,
			Results: [],
		});
	});

	it('defaults to 500 per page', async () => {
		const res = await sandbox.call('GetContacts', {});
		expect(res.body.Results).toHaveLength(500);
		expect(res.body.HasMoreResults).toBe(true);
	});

	it('MaxNumberOfResults above 10,000 (or below 1) and Page below 1 are a 400', async () => {
		expectLacrmError(
			await sandbox.call('GetContacts', { MaxNumberOfResults: 10001 }),
			400,
			/at most 10000/,
		);
		expectLacrmError(
			await sandbox.call('GetNotes', { MaxNumberOfResults: 20000 }),
			400,
			/MaxNumberOfResults/,
		);
		expectLacrmError(
			await sandbox.call('GetContacts', { MaxNumberOfResults: 0 }),
			400,
			/MaxNumberOfResults/,
		);
		expectLacrmError(await sandbox.call('GetContacts', { Page: 0 }), 400, /'Page'/);
		expectLacrmError(
			await sandbox.call('GetContacts', { MaxNumberOfResults: 'many' }),
			400,
			/number/,
		);
	});

	it('search and filters work on the bulk data', async () => {
		const res = await sandbox.call('GetContacts', {
			SearchTerms: 'bulk.example',
			RecordTypeFilter: 'Contacts',
			MaxNumberOfResults: 10000,
		});
		expect(res.body.Results).toHaveLength(10000);
		expect(res.body.HasMoreResults).toBe(true);
		const companies = await sandbox.call('GetContacts', {
			RecordTypeFilter: 'Companies',
			SearchTerms: 'Bulk Company',
			MaxNumberOfResults: 100,
		});
		expect(companies.body.Results).toHaveLength(50);
	});
});

describe('the documented example: 700 matches, page size 500', () => {
	it('page 1 has 500 and more; page 2 has 200 and no more', async () => {
		const sandbox = await startSandbox({ seed: 'empty' });
		try {
			sandbox.seedContacts(700);
			const one = await sandbox.call('GetContacts', { MaxNumberOfResults: 500, Page: 1 });
			const two = await sandbox.call('GetContacts', { MaxNumberOfResults: 500, Page: 2 });
			expect([one.body.Results.length, one.body.HasMoreResults]).toEqual([500, true]);
			expect([two.body.Results.length, two.body.HasMoreResults]).toEqual([200, false]);
		} finally {
			await sandbox.stop();
		}
	});
});

describe('bare arrays', () => {
	it.each([
		'GetUsers',
		'GetTeams',
		'GetCalendars',
		'GetPipelines',
		'GetPipelineStatuses',
		'GetWebhooks',
	])('%s returns a JSON array', async (fn) => {
		const sandbox = await startSandbox();
		try {
			const res = await sandbox.call(fn, {});
			expect(res.status).toBe(200);
			expect(Array.isArray(res.body)).toBe(true);
		} finally {
			await sandbox.stop();
		}
	});
});

describe('seedContacts', () => {
	it('generates 100,000 contacts quickly (loose sanity bound)', async () => {
		const sandbox = await startSandbox({ seed: 'empty' });
		try {
			const started = Date.now();
			sandbox.seedContacts(100_000, { companies: 100 });
			expect(Date.now() - started).toBeLessThan(5000);
			const last = await sandbox.call('GetContacts', { MaxNumberOfResults: 10000, Page: 11 });
			expect(last.body.Results).toHaveLength(100);
			expect(last.body.HasMoreResults).toBe(false);
			const person = (
				await sandbox.call('GetContacts', { RecordTypeFilter: 'Contacts', MaxNumberOfResults: 1 })
			).body.Results[0];
			expect(person.CompanyId).toMatch(UID_RE);
			expect(person['Company Name']).toMatch(/^Bulk Company/);
		} finally {
			await sandbox.stop();
		}
	});
});

describe('determinism and reset', () => {
	async function snapshot(s: Sandbox): Promise<Body> {
		const contacts = await s.call('GetContacts', {
			MaxNumberOfResults: 10000,
			SortBy: 'LastName',
			SortDirection: 'Ascending',
		});
		const pipelines = await s.call('GetPipelines', { IncludeArchivedPipelines: true });
		return {
			contacts: contacts.body.Results.map((c: Body) => [
				c.ContactId,
				c.Name,
				c.Email,
				c.Industry ?? null,
				c['Company Name'],
			]),
			pipelines: pipelines.body.map((p: Body) => [
				p.PipelineId,
				p.Name,
				p.Statuses.map((x: Body) => x.StatusId),
			]),
		};
	}

	it('the same randomSeed gives the same demo account (ids included); another seed differs', async () => {
		const a = await startSandbox({ randomSeed: 5 });
		const b = await startSandbox({ randomSeed: 5 });
		const c = await startSandbox({ randomSeed: 6 });
		try {
			const snapA = await snapshot(a);
			expect(snapA.contacts.length).toBeGreaterThanOrEqual(25);
			expect(await snapshot(b)).toEqual(snapA);
			expect(await snapshot(c)).not.toEqual(snapA);
		} finally {
			await Promise.all([a.stop(), b.stop(), c.stop()]);
		}
	});

	it('reset() restores the seeded account; seed "empty" has users but no records', async () => {
		const s = await startSandbox();
		const empty = await startSandbox({ seed: 'empty' });
		try {
			const before = await snapshot(s);
			await s.call('CreateContact', {
				IsCompany: false,
				AssignedTo: '100001',
				Name: 'Temporary Tom',
			});
			await s.call('DeletePipeline', { PipelineId: before.pipelines[0][0] });
			s.reset();
			expect(await snapshot(s)).toEqual(before);
			expect((await empty.call('GetContacts', {})).body).toEqual({
				HasMoreResults: false,
				Results: [],
			});
			expect((await empty.call('GetUsers', {})).body).toHaveLength(3);
			expect((await empty.call('GetCalendars', {})).body).toHaveLength(3);
		} finally {
			await Promise.all([s.stop(), empty.stop()]);
		}
	});
});
