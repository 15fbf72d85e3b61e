/**
 * Harness self-test: OAuth2 through n8n-core's REAL token manager (requestOAuth2 →
 * @n8n/client-oauth2 refresh → credentialsHelper.updateCredentialsOauthTokenData), on both pinned
 * n8n-core versions, with a plain fixture node that has NO refresh gate of its own.
 *
 * The second test demonstrates the hazard this package exists to solve: with single-use refresh
 * tokens, n8n-core 1.122.48 (no lock) refreshes once per concurrent execution with the SAME
 * refresh token; n8n-core 2.41.1 (single-flight refresh per credential, PR n8n-io/n8n#33092)
 * refreshes exactly once.
 */
import {
	ENGINE_LABEL,
	HAS_OAUTH2_REFRESH_LOCK,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	loadOptions,
	N8N_CORE_MAJOR,
	runWorkflow,
} from '../harness';
import type { HarnessWorkflow } from '../harness';
import {
	chain,
	node,
	OAUTH2_CREDENTIAL_ID,
	fixtureOAuth2Credential,
	oauth2NodeCredentials,
} from '../harness/fixtures/builders';
import type { FixtureServer } from '../harness/fixtures/fixture-server';
import { startFixtureServer } from '../harness/fixtures/fixture-server';
import { fixtureNodeTypes, HTTP_FIXTURE_TYPE } from '../harness/fixtures/nodes';

const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe(`harness OAuth2 refresh on ${ENGINE_LABEL}`, () => {
	let server: FixtureServer;
	let credentials: HarnessCredentialsHelper;
	const nodeTypes = new HarnessNodeTypes(fixtureNodeTypes().types);

	const workflow = (): HarnessWorkflow => ({
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			node(
				'Call',
				HTTP_FIXTURE_TYPE,
				{ authentication: 'oAuth2', url: server.apiUrl, fn: 'GetUser' },
				{ credentials: oauth2NodeCredentials() },
			),
		],
		connections: chain('Start', 'Call'),
	});

	afterEach(async () => {
		await server.close();
	});

	test('an expired access token is refreshed once through n8n-core, persisted, and the call retried', async () => {
		server = await startFixtureServer();
		credentials = new HarnessCredentialsHelper().add(fixtureOAuth2Credential(server));
		expect(credentials.getParentTypes('lacrmOAuth2Api')).toEqual(['oAuth2Api']);
		server.expireAccessToken(); // the API now answers 401 to access-0

		const result = await runWorkflow(workflow(), { nodeTypes, credentials, mode: 'trigger' });

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.itemsOf('Call')).toEqual([
			{ echo: { Function: 'GetUser', Parameters: {} }, authorization: 'Bearer access-1' },
		]);

		// What the token endpoint received: n8n-core's real refresh request.
		const tokenRequests = server.tokenRequests();
		expect(tokenRequests).toHaveLength(1);
		const [refresh] = tokenRequests;
		expect(refresh.method).toBe('POST');
		expect(refresh.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(refresh.headers.authorization).toBe(basic('client-id', 'client-secret'));
		expect(refresh.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-0' });
		expect(refresh.rawBody).not.toContain('client_secret');

		// The API saw the old token (401), then the new one (retried once).
		expect(server.apiRequests().map((r) => [r.headers.authorization, r.status])).toEqual([
			['Bearer access-0', 401],
			['Bearer access-1', 200],
		]);

		// The new token was persisted into the store, exactly once.
		expect(credentials.writeCount(OAUTH2_CREDENTIAL_ID, 'oauthTokenData')).toBe(1);
		const stored = credentials.get(OAUTH2_CREDENTIAL_ID).data.oauthTokenData as Record<
			string,
			unknown
		>;
		expect(stored).toMatchObject({
			access_token: 'access-1',
			refresh_token: 'refresh-1',
			token_type: 'Bearer',
		});
		if (N8N_CORE_MAJOR >= 2) {
			// n8n-core 2.x stores an absolute expiry next to the token; 1.x stores the response as is.
			expect(Number(stored.n8n_expires_at)).toBeGreaterThan(Date.now());
		} else {
			expect(stored.n8n_expires_at).toBeUndefined();
		}
		// The rest of the credential is untouched.
		expect(credentials.get(OAUTH2_CREDENTIAL_ID).data).toMatchObject({
			clientId: 'client-id',
			accessTokenUrl: server.tokenUrl,
			baseUrl: server.apiUrl,
		});

		// The next execution re-reads the store and uses the refreshed token directly.
		const next = await runWorkflow(workflow(), { nodeTypes, credentials, mode: 'trigger' });
		expect(next.status).toBe('success');
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests().at(-1)?.headers.authorization).toBe('Bearer access-1');
	});

	test('load-options methods refresh through the same path (LoadOptionsContext)', async () => {
		server = await startFixtureServer({
			functions: { GetThings: () => ({ Results: [{ Id: 7, Name: 'Seven' }] }) },
		});
		credentials = new HarnessCredentialsHelper().add(fixtureOAuth2Credential(server));
		server.expireAccessToken();
		const options = await loadOptions(
			fixtureNodeTypes().http,
			{ authentication: 'oAuth2', url: server.apiUrl },
			'getThings',
			{ credentials, nodeCredentials: oauth2NodeCredentials() },
		);
		expect(options).toEqual([{ name: 'Seven', value: '7' }]);
		expect(server.tokenRequests().map((r) => r.form?.refresh_token)).toEqual(['refresh-0']);
		expect(credentials.get(OAUTH2_CREDENTIAL_ID).data.oauthTokenData).toMatchObject({
			access_token: 'access-1',
		});
	});

	test('5 concurrent executions, expired token, no gate: n8n-core 1.x reuses the refresh token, 2.x refreshes once', async () => {
		// The token endpoint answers after 300 ms, so every execution that is going to refresh
		// has sent its refresh request before the first one is answered.
		server = await startFixtureServer({ tokenDelayMs: 300 });
		credentials = new HarnessCredentialsHelper().add(fixtureOAuth2Credential(server));
		server.expireAccessToken();

		const results = await Promise.all(
			Array.from(
				{ length: 5 },
				async () => await runWorkflow(workflow(), { nodeTypes, credentials, mode: 'trigger' }),
			),
		);

		const refreshTokensSent = server.tokenRequests().map((r) => r.form?.refresh_token);
		const statuses = results.map((r) => r.status);

		if (HAS_OAUTH2_REFRESH_LOCK) {
			// n8n-core >= 2.30: single-flight refresh per credential id, credential re-read first.
			expect(refreshTokensSent).toEqual(['refresh-0']);
			expect(statuses).toEqual(Array(5).fill('success'));
			expect(credentials.writeCount(OAUTH2_CREDENTIAL_ID, 'oauthTokenData')).toBe(1);
			expect(results.map((r) => r.itemsOf('Call')[0]?.authorization)).toEqual(
				Array(5).fill('Bearer access-1'),
			);
		} else {
			// n8n-core 1.122.48: every execution refreshes on its own with the same refresh token.
			expect(refreshTokensSent.length).toBeGreaterThan(1);
			expect(new Set(refreshTokensSent)).toEqual(new Set(['refresh-0']));
			// The provider honours the first use only; the others are refused (invalid_grant) and
			// their executions fail (@n8n/client-oauth2 turns invalid_grant into its standard text)
			// — with LACRM the whole grant may be revoked.
			const failed = results.filter((r) => r.status === 'error');
			expect(failed).toHaveLength(refreshTokensSent.length - 1);
			for (const r of failed)
				expect(r.error?.message).toMatch(/refresh token is invalid|invalid_grant/);
			expect(credentials.writeCount(OAUTH2_CREDENTIAL_ID, 'oauthTokenData')).toBe(1);
		}
		// Either way the store ends with the one token pair the provider issued.
		expect(credentials.get(OAUTH2_CREDENTIAL_ID).data.oauthTokenData).toMatchObject({
			access_token: 'access-1',
			refresh_token: 'refresh-1',
		});
		expect(server.state.issued).toBe(1);
	});
});
