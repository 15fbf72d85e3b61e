/**
 * The transport as LACRM and the user see it: the exact request LACRM receives with each
 * credential, how failures read, what is retried (and what must never be), paging across LACRM's
 * three list shapes, and ids that never lose a digit. Runs inside n8n-core's real execution
 * context; nock plays LACRM.
 */
import nock from 'nock';

import {
	LACRM_ORIGIN,
	TEST_ACCESS_TOKEN,
	TEST_API_KEY,
	TEST_CLIENT_SECRET,
	TEST_REFRESH_TOKEN,
	credentialsFor,
	uid,
} from '../unit/helpers/runNode';
import { withClient } from '../unit/helpers/runClient';
import { rateGate } from '../../nodes/Lacrm/transport/rateGate';

// The rate gate is process state on purpose (it spans executions); each test starts afresh.
afterEach(() => rateGate.reset());

const SECRETS = [TEST_API_KEY, TEST_ACCESS_TOKEN, TEST_REFRESH_TOKEN, TEST_CLIENT_SECRET];

function expectNoSecret(error: unknown) {
	const text =
		JSON.stringify(error) +
		String((error as Error)?.message) +
		String((error as { description?: string })?.description);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function lacrm() {
	return nock(LACRM_ORIGIN);
}

/** A socket-level failure as Node reports it (nock needs a real Error). */
function networkError(code: string, message: string) {
	return Object.assign(new Error(message), { code });
}

describe('the request LACRM receives', () => {
	it('API key: POST /v2/ with the raw key as the whole Authorization header and a JSON {Function, Parameters} body', async () => {
		let seen: { headers: Record<string, unknown>; body: unknown; path: string } | undefined;
		lacrm()
			.post('/v2/')
			.reply(function (path, body) {
				seen = { headers: this.req.headers, body, path };
				return [200, { ContactId: uid(7), Name: { FirstName: 'Jane' } }];
			});
		const { value, error } = await withClient((client) =>
			client.call('GetContact', { ContactId: uid(7) }),
		);
		expect(error).toBeUndefined();
		expect(seen?.path).toBe('/v2/');
		expect(seen?.headers.authorization).toBe(TEST_API_KEY);
		expect(seen?.headers['content-type']).toMatch(/^application\/json/);
		expect(seen?.body).toEqual({ Function: 'GetContact', Parameters: { ContactId: uid(7) } });
		expect(value).toEqual({ ContactId: uid(7), Name: { FirstName: 'Jane' } });
	});

	it('OAuth2: the same body with "Bearer <access token>"', async () => {
		const scope = lacrm()
			.matchHeader('authorization', `Bearer ${TEST_ACCESS_TOKEN}`)
			.post('/v2/', { Function: 'GetUser', Parameters: {} })
			.reply(200, { UserId: '1001', FirstName: 'Jane' });
		const { value, error } = await withClient((client) => client.call('GetUser', {}), {
			authentication: 'oAuth2',
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(value).toEqual({ UserId: '1001', FirstName: 'Jane' });
	});

	it("uses the credential's API Base URL (a sandbox or proxy), adding the trailing slash LACRM's endpoint has", async () => {
		const scope = nock('http://127.0.0.1:48765')
			.post('/v2/', { Function: 'GetUsers', Parameters: {} })
			.reply(200, []);
		const credentials = credentialsFor('apiKey', { baseUrl: 'http://127.0.0.1:48765/v2' });
		const { error } = await withClient((client) => client.call('GetUsers', {}), { credentials });
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});
});

describe('errors a user sees', () => {
	it("400 {ErrorCode, ErrorDescription}: LACRM's own text as the message, the code in the details", async () => {
		lacrm().post('/v2/').reply(400, {
			ErrorCode: '4178t6namw3vx9s6',
			ErrorDescription: "'Hunter' field is required for CreatePipelineItem",
		});
		const { error } = await withClient((client) =>
			client.call('CreatePipelineItem', {
				ContactId: uid(1),
				PipelineId: uid(2),
				StatusId: uid(3),
			}),
		);
		expect(error?.constructor.name).toBe('NodeApiError');
		expect(error?.message).toBe("'Hunter' field is required for CreatePipelineItem");
		expect(error?.description).toContain('4178t6namw3vx9s6');
		expect(error?.description).toContain('CreatePipelineItem');
		expect(error?.httpCode).toBe('400');
	});

	it("reads the misspelt ErrorDecription of LACRM's Debugging page too", async () => {
		lacrm()
			.post('/v2/')
			.reply(400, { ErrorCode: 'abc123abc123abc1', ErrorDecription: 'Invalid ContactId' });
		const { error } = await withClient((client) =>
			client.call('GetContact', { ContactId: uid(1) }),
		);
		expect(error?.message).toBe('Invalid ContactId');
	});

	it('treats an ErrorCode inside a 200 answer as an error', async () => {
		lacrm().post('/v2/').reply(200, { ErrorCode: 'zzz', ErrorDescription: 'Something went wrong' });
		const { error, value } = await withClient((client) => client.call('GetUser', {}));
		expect(value).toBeUndefined();
		expect(error?.message).toBe('Something went wrong');
	});

	it('401: says to check the key, and never shows it — even when LACRM echoes it', async () => {
		lacrm()
			.post('/v2/')
			.reply(401, { ErrorCode: 'auth', ErrorDescription: `Unknown API key ${TEST_API_KEY}` });
		const { error } = await withClient((client) => client.call('GetUser', {}));
		expect(error?.message).toMatch(/rejected the credential \(HTTP 401\)/);
		expect(error?.description).toMatch(/API key/);
		expect(error?.message).toContain('[redacted]');
		expectNoSecret(error);
	});

	it('400 "Invalid credentials" (how LACRM refuses an API key): says to check the key in the credential, not "bad request"', async () => {
		lacrm()
			.post('/v2/')
			.reply(400, { ErrorCode: 'a1b2c3d4e5f6a7b8', ErrorDescription: 'Invalid credentials.' });
		const { error } = await withClient((client) => client.call('GetUser', {}));
		expect(error?.constructor.name).toBe('NodeApiError');
		expect(error?.message).toBe('LACRM rejected the credential (HTTP 400): Invalid credentials.');
		expect(error?.description).toMatch(
			/^Check the API key in the "Less Annoying CRM API" credential/,
		);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/bad request/i);
		expectNoSecret(error);
	});

	it('403 reads as a permission problem of the credential', async () => {
		lacrm()
			.post('/v2/')
			.reply(403, { ErrorCode: 'perm', ErrorDescription: 'This key may not delete' });
		const { error } = await withClient((client) =>
			client.call('DeleteContact', { ContactId: uid(1) }),
		);
		expect(error?.message).toMatch(/HTTP 403.*This key may not delete/);
	});

	it('network failure of a read: retried, then "Could not reach LACRM" with the error code and no secret', async () => {
		const scope = lacrm()
			.post('/v2/')
			.times(3)
			.replyWithError(networkError('ECONNRESET', 'socket hang up'));
		const { error } = await withClient((client) => client.call('GetUser', {}), {
			client: { retry: { maxAttempts: 3 } },
		});
		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe('Could not reach LACRM (ECONNRESET)');
		expectNoSecret(error);
	});

	it('OAuth2 errors never show the access token, refresh token or client secret', async () => {
		lacrm()
			.post('/v2/')
			.reply(400, {
				ErrorCode: 'x',
				ErrorDescription: `Bad request with ${TEST_ACCESS_TOKEN} / ${TEST_CLIENT_SECRET}`,
			});
		const { error } = await withClient(
			(client) => client.call('GetContact', { ContactId: uid(1) }),
			{
				authentication: 'oAuth2',
			},
		);
		expect(error?.message).toContain('[redacted]');
		expectNoSecret(error);
	});

	it('an answer that is not JSON points at the API Base URL', async () => {
		lacrm().post('/v2/').reply(200, '<html>Not LACRM</html>', { 'Content-Type': 'text/html' });
		const { error } = await withClient((client) => client.call('GetUser', {}));
		expect(error?.message).toMatch(/not JSON/);
		expect(error?.description).toMatch(/API Base URL/);
	});
});

describe('retries', () => {
	it('429 then success: waits as Retry-After says and returns the result', async () => {
		const scope = lacrm()
			.post('/v2/')
			.reply(429, { ErrorCode: 'rate', ErrorDescription: 'Slow down' }, { 'Retry-After': '1' })
			.post('/v2/')
			.reply(200, { UserId: '1001' });
		const started = Date.now();
		const { value, error } = await withClient((client) => client.call('GetUser', {}));
		expect(error).toBeUndefined();
		expect(value).toEqual({ UserId: '1001' });
		expect(scope.isDone()).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('a create answered 429 is retried: LACRM rejected it before acting', async () => {
		const scope = lacrm()
			.post('/v2/')
			.reply(429, {}, { 'Retry-After': '0' })
			.post('/v2/')
			.reply(200, { NoteId: uid(9) });
		const { value } = await withClient((client) =>
			client.call('CreateNote', { ContactId: uid(1), Note: 'Hi' }),
		);
		expect(value).toEqual({ NoteId: uid(9) });
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		{
			failure: 'answered 500',
			firstAnswer: () => lacrm().post('/v2/').reply(500, 'Internal Server Error'),
			message: /server error \(HTTP 500\) during CreateContact/,
			description: /Not retried automatically/,
		},
		{
			failure: 'whose connection drops after sending',
			firstAnswer: () =>
				lacrm().post('/v2/').replyWithError(networkError('ECONNRESET', 'socket hang up')),
			message: /./,
			description: /not retried automatically/,
		},
	])(
		'a create $failure is NOT retried: LACRM may already have created it',
		async ({ firstAnswer, message, description }) => {
			const first = firstAnswer();
			const second = lacrm()
				.post('/v2/')
				.reply(200, { ContactId: uid(2) });
			const { error } = await withClient((client) =>
				client.call('CreateContact', { IsCompany: false, AssignedTo: '1', Name: 'Dup Risk' }),
			);
			expect(first.isDone()).toBe(true);
			expect(second.isDone()).toBe(false);
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(description);
		},
	);

	it('a create whose connection is refused IS retried: nothing reached LACRM', async () => {
		const scope = lacrm()
			.post('/v2/')
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'))
			.post('/v2/')
			.reply(200, { ContactId: uid(3) });
		const { value, error } = await withClient((client) =>
			client.call('CreateContact', { IsCompany: false, AssignedTo: '1', Name: 'Safe' }),
		);
		expect(error).toBeUndefined();
		expect(value).toEqual({ ContactId: uid(3) });
		expect(scope.isDone()).toBe(true);
	});

	it('a read answered 502 then 200 is retried', async () => {
		const scope = lacrm().post('/v2/').reply(502, 'Bad Gateway').post('/v2/').reply(200, []);
		const { value, error } = await withClient((client) => client.call('GetUsers', {}));
		expect(error).toBeUndefined();
		expect(value).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('a read answered 502 every time gives up after the bounded number of attempts', async () => {
		const scope = lacrm().post('/v2/').times(4).reply(502, 'Bad Gateway');
		const { error } = await withClient((client) => client.call('GetUsers', {}), {
			client: { retry: { maxAttempts: 4 } },
		});
		expect(scope.isDone()).toBe(true);
		expect(error?.description).toMatch(/Tried 4 times/);
	});

	it('a write answered 429 is sent again until it succeeds — not only 5 times: LACRM did nothing', async () => {
		const refused = lacrm().post('/v2/').times(8).reply(429, {}, { 'Retry-After': '0' });
		const accepted = lacrm()
			.post('/v2/')
			.reply(200, { PipelineItemId: uid(4) });
		const { value, error } = await withClient((client) =>
			client.call('CreatePipelineItem', {
				ContactId: uid(1),
				PipelineId: uid(2),
				StatusId: uid(3),
			}),
		);
		expect(error).toBeUndefined();
		expect(value).toEqual({ PipelineItemId: uid(4) });
		expect(refused.isDone()).toBe(true);
		expect(accepted.isDone()).toBe(true);
	});

	it('a 429 fails once the wait budget (Options → Max Wait When Rate Limited) is used up, and says so', async () => {
		const scope = lacrm().post('/v2/').times(2).reply(429, {}, { 'Retry-After': '1' });
		const { error } = await withClient((client) => client.call('GetUsers', {}), {
			client: { rateLimitWaitMs: 1_500 },
		});
		expect(scope.isDone()).toBe(true);
		expect(error?.message).toMatch(/rate limiting/);
		expect(error?.description).toMatch(/tried 2 times .*Max Wait When Rate Limited/);
	});

	it('a Retry-After longer than the whole wait budget fails at once instead of waiting in vain', async () => {
		const first = lacrm().post('/v2/').reply(429, {}, { 'Retry-After': '3600' });
		const second = lacrm().post('/v2/').reply(200, []);
		const { error } = await withClient((client) => client.call('GetUsers', {}), {
			client: { rateLimitWaitMs: 60_000 },
		});
		expect(first.isDone()).toBe(true);
		expect(second.isDone()).toBe(false);
		expect(error?.description).toMatch(/tried 1 times/);
	});

	it('does not retry a 400: LACRM errors are deterministic', async () => {
		const first = lacrm().post('/v2/').reply(400, { ErrorCode: 'e', ErrorDescription: 'Nope' });
		const second = lacrm().post('/v2/').reply(200, {});
		await withClient((client) => client.call('GetUser', {}));
		expect(first.isDone()).toBe(true);
		expect(second.isDone()).toBe(false);
	});
});

describe('paging', () => {
	const contact = (n: number) => ({
		ContactId: `${4000000000000000000000000000000 + 0}`.slice(0, 22) + String(n).padStart(9, '0'),
	});

	it('Return All over 25,001 results: exactly 3 calls of 10,000 per page, stopping when LACRM says there is no more', async () => {
		const requested: unknown[] = [];
		lacrm()
			.post('/v2/')
			.times(3)
			.reply((_path, body) => {
				const { Parameters } = body as { Parameters: { Page: number; MaxNumberOfResults: number } };
				requested.push(Parameters);
				const start = (Parameters.Page - 1) * Parameters.MaxNumberOfResults;
				const end = Math.min(25001, start + Parameters.MaxNumberOfResults);
				const Results = Array.from({ length: Math.max(0, end - start) }, (_, i) =>
					contact(start + i),
				);
				return [200, { HasMoreResults: end < 25001, Results }];
			});
		const { value, error } = await withClient((client) =>
			client.callAll('GetContacts', { SearchTerms: 'x' }),
		);
		expect(error).toBeUndefined();
		expect(requested).toEqual([
			{ SearchTerms: 'x', MaxNumberOfResults: 10000, Page: 1 },
			{ SearchTerms: 'x', MaxNumberOfResults: 10000, Page: 2 },
			{ SearchTerms: 'x', MaxNumberOfResults: 10000, Page: 3 },
		]);
		expect(value).toHaveLength(25001);
		expect(value?.[25000]).toEqual(contact(25000));
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a limit below one page asks for just that many', async () => {
		const scope = lacrm()
			.post('/v2/', { Function: 'GetNotes', Parameters: { MaxNumberOfResults: 20, Page: 1 } })
			.reply(200, {
				HasMoreResults: true,
				Results: Array.from({ length: 20 }, (_, i) => ({ NoteId: String(i) })),
			});
		const { value } = await withClient((client) => client.callAll('GetNotes', {}, { limit: 20 }));
		expect(scope.isDone()).toBe(true);
		expect(value).toHaveLength(20);
	});

	it('bare arrays come back in one call, with no paging parameters sent', async () => {
		const scope = lacrm()
			.post('/v2/', { Function: 'GetPipelines', Parameters: {} })
			.reply(200, [{ PipelineId: uid(1) }, { PipelineId: uid(2) }]);
		const { value } = await withClient((client) => client.callAll('GetPipelines', {}));
		expect(scope.isDone()).toBe(true);
		expect(value).toEqual([{ PipelineId: uid(1) }, { PipelineId: uid(2) }]);
	});

	it('objects keyed by id become a list', async () => {
		lacrm()
			.post('/v2/')
			.reply(200, {
				[uid(1)]: { CustomFieldId: uid(1), Name: 'Industry' },
				[uid(2)]: { CustomFieldId: uid(2), Name: 'Hunter' },
			});
		const { value } = await withClient((client) => client.callAll('GetCustomFields', {}));
		expect(value).toEqual([
			{ CustomFieldId: uid(1), Name: 'Industry' },
			{ CustomFieldId: uid(2), Name: 'Hunter' },
		]);
	});

	it('stops on an empty page even if LACRM claims there is more', async () => {
		const scope = lacrm().post('/v2/').reply(200, { HasMoreResults: true, Results: [] });
		const { value } = await withClient((client) => client.callAll('GetGroups', {}));
		expect(scope.isDone()).toBe(true);
		expect(value).toEqual([]);
	});
});

describe('31-digit ids', () => {
	it('stay exact strings even if LACRM sent one as a bare JSON number', async () => {
		const id = '4006273942886858777552707100828';
		lacrm()
			.post('/v2/')
			.reply(
				200,
				`{"ContactId": ${id}, "CompanyId": "${id}", "AssignedTo": 483823, "Score": 1.5e3}`,
				{
					'Content-Type': 'application/json',
				},
			);
		const { value } = await withClient((client) => client.call('GetContact', { ContactId: id }));
		expect(value).toEqual({ ContactId: id, CompanyId: id, AssignedTo: 483823, Score: 1500 });
	});

	it('are sent as strings, never numbers', async () => {
		const id = '4006273942886858777552707100828';
		let raw = '';
		lacrm()
			.post('/v2/')
			.reply(function (_path, body) {
				raw = typeof body === 'string' ? body : JSON.stringify(body);
				return [200, {}];
			});
		await withClient((client) => client.call('DeleteNote', { NoteId: id }));
		expect(raw).toContain(`"NoteId":"${id}"`);
	});
});
