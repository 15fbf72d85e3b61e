/**
 * Harness self-test: OAuth2 through n8n-core's REAL token manager (requestOAuth2 →
 * @n8n/client-oauth2 refresh → credentialsHelper.updateCredentialsOauthTokenData), on both pinned
 * n8n-core versions: the LACRM node against the sandbox's token endpoint (HTTP Basic client
 * authentication, single-use refresh tokens).
 *
 * The node's refresh gate is switched off here, so its requests take n8n's plain path (n8n sees
 * the 401 and refreshes by itself): what is proved is the harness's part — n8n-core's refresh and
 * the credentials helper persisting it. The gate, and what n8n-core 1.x does without it under
 * concurrency (the same refresh token used several times, the grant revoked), are
 * refresh-gate.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import { refreshGate } from '../../nodes/Lacrm/transport/refreshGate';
import type { Sandbox, TokenResponse } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import {
	ENGINE_LABEL,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	loadOptions,
	N8N_CORE_MAJOR,
	runWorkflow,
} from '../harness';
import { oauth2Credential, sandboxOAuth2Data } from '../harness/credentials';
import { lacrmWorkflow } from '../harness/lacrm-node';

const OAUTH2 = { id: 'lacrm-oauth2', name: 'LACRM OAuth2 (sandbox)' };
const NODE_CREDENTIALS = { lacrmOAuth2Api: OAUTH2 };

describe(`harness OAuth2 refresh on ${ENGINE_LABEL}`, () => {
	const nodeTypes = new HarnessNodeTypes({ 'n8n-nodes-lacrm.lacrm': new Lacrm() });
	const workflow = lacrmWorkflow({
		resource: 'user',
		operation: 'getCurrent',
		authentication: 'oAuth2',
		credentials: NODE_CREDENTIALS,
	});
	let sandbox: Sandbox;
	let issued: TokenResponse;
	let credentials: HarnessCredentialsHelper;

	const storedTokens = () => credentials.get(OAUTH2.id).data.oauthTokenData as IDataObject;

	beforeEach(async () => {
		refreshGate.reset();
		refreshGate.enabled = false;
		sandbox = await startSandbox({ quiet: true });
		issued = sandbox.issueTokens();
		credentials = new HarnessCredentialsHelper().add(
			oauth2Credential(OAUTH2, sandboxOAuth2Data(sandbox, { ...issued })),
		);
		sandbox.expireAccessTokens(); // the API now answers 401 to the stored access token
	});

	afterEach(async () => {
		refreshGate.reset();
		await sandbox.stop();
	});

	test('an expired access token is refreshed once through n8n-core, persisted, and the call retried', async () => {
		expect(credentials.getParentTypes('lacrmOAuth2Api')).toEqual(['oAuth2Api']);

		const result = await runWorkflow(workflow, { nodeTypes, credentials, mode: 'trigger' });

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.itemsOf('LACRM')).toEqual([expect.objectContaining({ UserId: '100001' })]);

		// The token endpoint refreshed once (it only accepts the client in an HTTP Basic header);
		// the API refused the old token once and answered the retried call.
		const counters = sandbox.counters();
		expect(counters.refreshes).toBe(1);
		expect(counters.refreshReuses).toBe(0);
		expect(counters.unauthorized).toBe(1);
		expect(counters.callsByFunction.GetUser).toBe(2);
		expect(counters.succeededByFunction.GetUser).toBe(1);

		// The new token pair was persisted into the store, exactly once, and it is the one LACRM honours.
		expect(credentials.writeCount(OAUTH2.id, 'oauthTokenData')).toBe(1);
		const stored = storedTokens();
		expect(stored).toMatchObject({ token_type: 'Bearer' });
		expect(stored.access_token).not.toBe(issued.access_token);
		expect(stored.refresh_token).not.toBe(issued.refresh_token);
		const withStored = await sandbox.call(
			'GetUser',
			{},
			{ accessToken: String(stored.access_token) },
		);
		expect(withStored.status).toBe(200);
		if (N8N_CORE_MAJOR >= 2) {
			// n8n-core 2.x stores an absolute expiry next to the token; 1.x stores the response as is.
			expect(Number(stored.n8n_expires_at)).toBeGreaterThan(Date.now());
		} else {
			expect(stored.n8n_expires_at).toBeUndefined();
		}
		// The rest of the credential is untouched.
		expect(credentials.get(OAUTH2.id).data).toMatchObject({
			clientId: sandbox.clientId,
			accessTokenUrl: sandbox.tokenUrl,
			baseUrl: sandbox.apiUrl,
		});

		// The next execution re-reads the store and uses the refreshed token directly: one call, accepted.
		const before = sandbox.counters().succeededByFunction.GetUser;
		const next = await runWorkflow(workflow, { nodeTypes, credentials, mode: 'trigger' });
		expect(next.status).toBe('success');
		expect(sandbox.counters()).toMatchObject({ refreshes: 1, unauthorized: 1 });
		expect(sandbox.counters().succeededByFunction.GetUser).toBe(before + 1);
	});

	test('load-options methods refresh through the same path (LoadOptionsContext)', async () => {
		const options = await loadOptions(new Lacrm(), { authentication: 'oAuth2' }, 'getUsers', {
			credentials,
			nodeCredentials: NODE_CREDENTIALS,
		});
		expect(options.map((option) => option.name)).toEqual(
			expect.arrayContaining(['Jane Owner', 'Sam Seller', 'Riley Support']),
		);
		expect(sandbox.counters()).toMatchObject({ refreshes: 1, refreshReuses: 0, unauthorized: 1 });
		expect(credentials.writeCount(OAUTH2.id, 'oauthTokenData')).toBe(1);
		expect(storedTokens().access_token).not.toBe(issued.access_token);
	});
});
