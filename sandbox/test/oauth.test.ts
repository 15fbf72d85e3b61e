import { httpRequest } from '../core/http';
import { startSandbox, type Sandbox } from '../index';
import { basicAuth, expectLacrmError, getJson, postToken, type JsonResponse } from './helpers';

/** Every OAuth rule of LACRM's OAuth page (REFERENCE §2.2), plus what n8n sends (form bodies, redirect_uri). */

let sandbox: Sandbox;
let basic: string;

beforeAll(async () => {
	sandbox = await startSandbox();
	basic = basicAuth(sandbox.clientId, sandbox.clientSecret);
});

afterAll(() => sandbox.stop());

/** GET authorize.php without following the redirect. */
async function authorizeRaw(
	params: Record<string, string>,
): Promise<{ status: number; location: URL | null; body: string }> {
	const res = await httpRequest(`${sandbox.authorizeUrl}?${new URLSearchParams(params)}`);
	const location = res.headers.location;
	return {
		status: res.status,
		location: location ? new URL(location) : null,
		body: res.body.toString('utf8'),
	};
}

/** authorize.php as the registered client asking for a code, with these parameters besides. */
const authorizeAsClient = (params: Record<string, string>) =>
	authorizeRaw({ response_type: 'code', client_id: sandbox.clientId, ...params });

async function exchange(
	code: string,
	extra: Record<string, string> = {},
	format: 'json' | 'form' = 'json',
): Promise<JsonResponse> {
	return postToken(
		sandbox.tokenUrl,
		{ grant_type: 'authorization_code', code, ...extra },
		{ format, authorization: basic },
	);
}

async function refresh(token: string, format: 'json' | 'form' = 'json'): Promise<JsonResponse> {
	return postToken(
		sandbox.tokenUrl,
		{ grant_type: 'refresh_token', refresh_token: token },
		{ format, authorization: basic },
	);
}

function expectTokenError(res: JsonResponse, status: number, error: string): void {
	expect(res.status).toBe(status);
	expect(res.headers['content-type']).toMatch(/^application\/json/);
	expect(res.body.error).toBe(error);
	expect(typeof res.body.error_description).toBe('string');
}

async function grant(): Promise<{ access_token: string; refresh_token: string }> {
	const { code } = await sandbox.authorize();
	const res = await exchange(code);
	expect(res.status).toBe(200);
	return res.body as { access_token: string; refresh_token: string };
}

describe('authorize.php', () => {
	it('redirects to the registered URL with a code and the echoed state', async () => {
		const res = await authorizeAsClient({ state: 'xyz-123' });
		expect(res.status).toBe(302);
		expect(res.location?.origin + (res.location?.pathname ?? '')).toBe(sandbox.redirectUrl);
		expect(res.location?.searchParams.get('code')).toEqual(expect.any(String));
		expect(res.location?.searchParams.get('state')).toBe('xyz-123');
	});

	it('response_type must be "code" (error redirect, state still echoed)', async () => {
		const res = await authorizeRaw({
			response_type: 'token',
			client_id: sandbox.clientId,
			state: 's1',
		});
		expect(res.status).toBe(302);
		expect(res.location?.searchParams.get('error')).toBe('unsupported_response_type');
		expect(res.location?.searchParams.get('code')).toBeNull();
		expect(res.location?.searchParams.get('state')).toBe('s1');
		const missing = await authorizeRaw({ client_id: sandbox.clientId });
		expect(missing.location?.searchParams.get('error')).toBe('unsupported_response_type');
	});

	it('client_id is checked (no redirect for an unknown client)', async () => {
		const unknown = await authorizeRaw({ response_type: 'code', client_id: 'someone-else' });
		expect(unknown.status).toBe(400);
		expect(JSON.parse(unknown.body).error).toBe('unauthorized_client');
		const missing = await authorizeRaw({ response_type: 'code' });
		expect(missing.status).toBe(400);
	});

	it('redirect_url, when given, must equal the registered URL', async () => {
		const res = await authorizeAsClient({
			redirect_url: 'https://evil.example/cb',
			state: 'q',
		});
		expect(res.location?.origin).not.toBe('https://evil.example');
		expect(res.location?.searchParams.get('error')).toBe('invalid_request');
		expect(res.location?.searchParams.get('state')).toBe('q');
	});

	it("redirect_uri (n8n's name) is ignored: the registered URL is used", async () => {
		const res = await authorizeAsClient({
			redirect_uri: 'https://elsewhere.example/cb',
			scope: '',
			state: 'n8n',
		});
		expect(res.status).toBe(302);
		expect(res.location?.toString().startsWith(sandbox.redirectUrl)).toBe(true);
		expect(res.location?.searchParams.get('code')).toEqual(expect.any(String));
	});

	it('authorize() runs the real endpoint and returns the code', async () => {
		const result = await sandbox.authorize({ state: 'abc' });
		expect(result.state).toBe('abc');
		expect(result.code.length).toBeGreaterThan(10);
		await expect(sandbox.authorize({ response_type: 'token' })).rejects.toThrow(
			/unsupported_response_type/,
		);
	});
});

describe('token.php', () => {
	it('exchanges a code (JSON body) for Bearer tokens with Content-Type application/json', async () => {
		const { code } = await sandbox.authorize();
		const res = await exchange(code);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^application\/json/);
		expect(res.body).toEqual({
			access_token: expect.any(String),
			token_type: 'Bearer',
			expires_in: 3600,
			refresh_token: expect.any(String),
		});
		const me = await sandbox.call('GetUser', {}, { accessToken: res.body.access_token as string });
		expect(me.status).toBe(200);
		expect(me.body.UserId).toBe('100001');
	});

	it('accepts the form body n8n sends (redirect_uri, client auth in the header)', async () => {
		const { code } = await sandbox.authorize({
			redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback',
			scope: '',
		});
		const res = await exchange(
			code,
			{ redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback' },
			'form',
		);
		expect(res.status).toBe(200);
		expect(res.body.token_type).toBe('Bearer');
		const refreshed = await refresh(res.body.refresh_token as string, 'form');
		expect(refreshed.status).toBe(200);
	});

	it('requires HTTP Basic client authentication', async () => {
		const { code } = await sandbox.authorize();
		const none = await postToken(
			sandbox.tokenUrl,
			{ grant_type: 'authorization_code', code },
			{ authorization: null },
		);
		expectTokenError(none, 401, 'invalid_client');
		expect(none.headers['www-authenticate']).toMatch(/^Basic/);
		const inBody = await postToken(
			sandbox.tokenUrl,
			{
				grant_type: 'authorization_code',
				code,
				client_id: sandbox.clientId,
				client_secret: sandbox.clientSecret,
			},
			{ authorization: null },
		);
		expectTokenError(inBody, 401, 'invalid_client');
		const wrong = await postToken(
			sandbox.tokenUrl,
			{ grant_type: 'authorization_code', code },
			{ authorization: basicAuth(sandbox.clientId, 'wrong') },
		);
		expectTokenError(wrong, 401, 'invalid_client');
		// The code was not consumed by the failed attempts.
		expect((await exchange(code)).status).toBe(200);
	});

	it('codes are single-use', async () => {
		const { code } = await sandbox.authorize();
		expect((await exchange(code)).status).toBe(200);
		expectTokenError(await exchange(code), 400, 'invalid_grant');
	});

	it('codes expire after 10 minutes (sandbox clock)', async () => {
		const fresh = await sandbox.authorize();
		const stale = await sandbox.authorize();
		sandbox.clock.advance(9 * 60_000);
		expect((await exchange(fresh.code)).status).toBe(200);
		sandbox.clock.advance(2 * 60_000);
		expectTokenError(await exchange(stale.code), 400, 'invalid_grant');
	});

	it('a redirect_url used on authorize must be repeated at the token endpoint', async () => {
		const { code } = await sandbox.authorize({ redirect_url: sandbox.redirectUrl });
		const without = await exchange(code);
		expectTokenError(without, 400, 'invalid_grant');
		expect(without.body.error_description).toMatch(/redirect_url/);
		expectTokenError(
			await exchange(code, { redirect_url: 'https://other.example/cb' }),
			400,
			'invalid_grant',
		);
		expect((await exchange(code, { redirect_url: sandbox.redirectUrl })).status).toBe(200);
	});

	it('unknown codes and grant types are 4xx JSON errors', async () => {
		expectTokenError(await exchange('not-a-code'), 400, 'invalid_grant');
		expectTokenError(
			await postToken(sandbox.tokenUrl, { grant_type: 'password' }, { authorization: basic }),
			400,
			'unsupported_grant_type',
		);
		expectTokenError(
			await postToken(sandbox.tokenUrl, {}, { authorization: basic }),
			400,
			'invalid_request',
		);
	});
});

describe('access tokens', () => {
	it('act as the user who granted them', async () => {
		const { code } = await sandbox.authorize({ sandbox_user_id: '100003' });
		const tokens = (await exchange(code)).body;
		const me = await sandbox.call('GetUser', {}, { accessToken: tokens.access_token as string });
		expect(me.body.FirstName).toBe('Riley');
		const issued = sandbox.issueTokens('100002');
		expect(
			(await sandbox.call('GetUser', {}, { accessToken: issued.access_token })).body.FirstName,
		).toBe('Sam');
	});

	it('expire after an hour → 401 with ErrorCode', async () => {
		const tokens = await grant();
		sandbox.clock.advance(3599_000);
		expect((await sandbox.call('GetUser', {}, { accessToken: tokens.access_token })).status).toBe(
			200,
		);
		sandbox.clock.advance(2000);
		const before = sandbox.counters();
		const res = await sandbox.call('GetUser', {}, { accessToken: tokens.access_token });
		expectLacrmError(res, 401, /expired/);
		const after = sandbox.counters();
		expect(after.unauthorized).toBe(before.unauthorized + 1);
		expect(after.expiredTokenRejections).toBe(before.expiredTokenRejections + 1);
		// The refresh token still works and yields a working access token.
		const refreshed = await refresh(tokens.refresh_token);
		expect(refreshed.status).toBe(200);
		expect(
			(await sandbox.call('GetUser', {}, { accessToken: refreshed.body.access_token as string }))
				.status,
		).toBe(200);
	});

	it('expireAccessTokens() expires every current access token', async () => {
		const tokens = sandbox.issueTokens();
		sandbox.expireAccessTokens();
		expectLacrmError(await sandbox.call('GetUser', {}, { accessToken: tokens.access_token }), 401);
	});

	it('unknown bearer tokens are 401, a missing header too; an unknown API key is 400 "Invalid credentials" as LACRM answers it', async () => {
		const before = sandbox.counters().unauthorized;
		expectLacrmError(await sandbox.call('GetUser', {}, { accessToken: 'nope' }), 401);
		expectLacrmError(
			await sandbox.call('GetUser', {}, { apiKey: 'not-a-key' }),
			400,
			/^Invalid credentials/,
		);
		const res = await httpRequest(sandbox.apiUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{"Function":"GetUser"}',
		});
		expect(res.status).toBe(401);
		expect(JSON.parse(res.body.toString()).ErrorCode).toMatch(/^[a-z0-9]{16}$/);
		expect(sandbox.counters().unauthorized).toBe(before + 2);
	});

	it('each API key acts as one user', async () => {
		expect(
			(await sandbox.call('GetUser', {}, { apiKey: sandbox.apiKeyFor('100002') })).body.FirstName,
		).toBe('Sam');
		expect(sandbox.apiKeyFor('100001')).toBe(sandbox.apiKey);
		expect(sandbox.users().filter((u) => u.IsAdmin)).toHaveLength(1);
		expect(sandbox.users().length).toBeGreaterThanOrEqual(3);
	});
});

describe('refresh tokens', () => {
	it('rotate: each refresh returns a new pair; the old refresh token is spent', async () => {
		const first = await grant();
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.body).toEqual({
			access_token: expect.any(String),
			token_type: 'Bearer',
			expires_in: 3600,
			refresh_token: expect.any(String),
		});
		expect(second.body.refresh_token).not.toBe(first.refresh_token);
		expect(second.body.access_token).not.toBe(first.access_token);
		const third = await refresh(second.body.refresh_token as string);
		expect(third.status).toBe(200);
	});

	it('a refresh token used twice: the second use is rejected and the whole grant is revoked', async () => {
		const before = sandbox.counters();
		const first = await grant();
		const rotated = await refresh(first.refresh_token);
		expect(rotated.status).toBe(200);
		const newAccess = rotated.body.access_token as string;
		expect((await sandbox.call('GetUser', {}, { accessToken: newAccess })).status).toBe(200);

		const reuse = await refresh(first.refresh_token);
		expectTokenError(reuse, 400, 'invalid_grant');
		expect(reuse.body.error_description).toMatch(/already been used/);

		// Every token of the grant is dead: the access token from the rotation and the newest refresh token.
		expectLacrmError(await sandbox.call('GetUser', {}, { accessToken: newAccess }), 401, /revoked/);
		expectLacrmError(await sandbox.call('GetUser', {}, { accessToken: first.access_token }), 401);
		expectTokenError(await refresh(rotated.body.refresh_token as string), 400, 'invalid_grant');

		const after = sandbox.counters();
		expect(after.tokenGrants).toBe(before.tokenGrants + 1);
		expect(after.refreshes).toBe(before.refreshes + 1);
		expect(after.refreshReuses).toBe(before.refreshReuses + 1);
		expect(after.revokedGrants).toBe(before.revokedGrants + 1);

		// Other grants are unaffected.
		const other = await grant();
		expect((await sandbox.call('GetUser', {}, { accessToken: other.access_token })).status).toBe(
			200,
		);
	});

	it('refresh tokens last 30 days', async () => {
		const a = await grant();
		const b = await grant();
		sandbox.clock.advance(29 * 86_400_000);
		expect((await refresh(a.refresh_token)).status).toBe(200);
		sandbox.clock.advance(2 * 86_400_000);
		expectTokenError(await refresh(b.refresh_token), 400, 'invalid_grant');
	});
});

describe('switches', () => {
	it('tokenEndpointJsonOnly refuses form bodies with a 4xx JSON error and still accepts JSON', async () => {
		const strict = await startSandbox({ tokenEndpointJsonOnly: true });
		try {
			const auth = basicAuth(strict.clientId, strict.clientSecret);
			const { code } = await strict.authorize();
			const form = await postToken(
				strict.tokenUrl,
				{ grant_type: 'authorization_code', code },
				{ format: 'form', authorization: auth },
			);
			expect(form.status).toBeGreaterThanOrEqual(400);
			expect(form.status).toBeLessThan(500);
			expect(form.headers['content-type']).toMatch(/^application\/json/);
			expect(form.body.error).toBe('invalid_request');
			expect(form.body.error_description).toMatch(/JSON/);
			const json = await postToken(
				strict.tokenUrl,
				{ grant_type: 'authorization_code', code },
				{ authorization: auth },
			);
			expect(json.status).toBe(200);
		} finally {
			await strict.stop();
		}
	});

	it('expiredTokenStatus: 400 answers expired tokens with 400 + ErrorCode (revoked/unknown stay 401)', async () => {
		const other = await startSandbox({ expiredTokenStatus: 400, accessTokenTtlSeconds: 60 });
		try {
			const tokens = other.issueTokens();
			expect(tokens.expires_in).toBe(60);
			other.clock.advance(61_000);
			expectLacrmError(
				await other.call('GetUser', {}, { accessToken: tokens.access_token }),
				400,
				/expired/,
			);
			expectLacrmError(await other.call('GetUser', {}, { accessToken: 'unknown' }), 401);
			expect(other.counters().expiredTokenRejections).toBe(1);
		} finally {
			await other.stop();
		}
	});

	it('expireAccessTokens({status: 400}) refuses current tokens with 400 "expired" long before their expires_in; a refreshed token works', async () => {
		const tokens = sandbox.issueTokens();
		expect(tokens.expires_in).toBe(3600);
		sandbox.expireAccessTokens({ status: 400 });
		const before = sandbox.counters();
		expectLacrmError(
			await sandbox.call('GetUser', {}, { accessToken: tokens.access_token }),
			400,
			/access token has expired/,
		);
		expect(sandbox.counters().expiredTokenRejections).toBe(before.expiredTokenRejections + 1);
		expect(sandbox.counters().unauthorized).toBe(before.unauthorized);
		const refreshed = await refresh(tokens.refresh_token);
		expect(
			(await sandbox.call('GetUser', {}, { accessToken: refreshed.body.access_token as string }))
				.status,
		).toBe(200);
		// Without a status the instance's expiredTokenStatus (401 here) applies, as before.
		sandbox.expireAccessTokens();
		expectLacrmError(
			await sandbox.call('GetUser', {}, { accessToken: refreshed.body.access_token as string }),
			401,
			/expired/,
		);
	});

	it("consent: 'page' shows a one-button page; Allow → code, Deny → access_denied", async () => {
		const paged = await startSandbox({ consent: 'page' });
		try {
			const page = await httpRequest(
				`${paged.authorizeUrl}?${new URLSearchParams({ response_type: 'code', client_id: paged.clientId, state: 'st' })}`,
			);
			expect(page.status).toBe(200);
			expect(page.headers['content-type']).toMatch(/text\/html/);
			expect(page.body.toString()).toMatch(/Allow access/);
			const form = (decision: string): string =>
				new URLSearchParams({
					response_type: 'code',
					client_id: paged.clientId,
					state: 'st',
					decision,
				}).toString();
			const deny = await httpRequest(paged.authorizeUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: form('deny'),
			});
			const denied = new URL(deny.headers.location as string);
			expect(denied.searchParams.get('error')).toBe('access_denied');
			expect(denied.searchParams.get('state')).toBe('st');
			const { code, state } = await paged.authorize({ state: 'st' });
			expect(state).toBe('st');
			const res = await postToken(
				paged.tokenUrl,
				{ grant_type: 'authorization_code', code },
				{ authorization: basicAuth(paged.clientId, paged.clientSecret) },
			);
			expect(res.status).toBe(200);
		} finally {
			await paged.stop();
		}
	});

	it('the root page lists the endpoints', async () => {
		const root = await getJson(sandbox.url + '/');
		expect(root.body.tokenUrl).toBe(sandbox.tokenUrl);
	});
});
