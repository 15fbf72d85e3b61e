/**
 * LACRM refresh tokens are single-use: a second use revokes the user's whole connection. Through
 * n8n-core's real engine and token manager (this file runs once on n8n-core 1.122.48, which has no
 * refresh lock, and once on 2.x, which has one), against the sandbox, which counts refreshes and
 * revokes a grant whose refresh token is reused exactly as LACRM says it does.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import { refreshGate } from '../../nodes/Lacrm/transport/refreshGate';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { oauth2Credential, sandboxOAuth2Data } from '../harness/credentials';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { HarnessNodeTypes } from '../harness/node-types';
import type { HarnessWorkflow, WorkflowRunResult } from '../harness/runner';
import { runWorkflow } from '../harness/runner';
import { lacrmWorkflow } from '../harness/lacrm-node';
import { ENGINE_LABEL, HAS_OAUTH2_REFRESH_LOCK } from '../harness/version';

const nodeTypes = new HarnessNodeTypes({ 'n8n-nodes-lacrm.lacrm': new Lacrm() });

const CREDENTIAL = { id: 'lacrm-oauth', name: 'LACRM (sandbox)' };

function workflow(parameters: INodeParameters = {}): HarnessWorkflow {
	return lacrmWorkflow({
		resource: 'user',
		operation: 'getCurrent',
		authentication: 'oAuth2',
		parameters,
		credentials: { lacrmOAuth2Api: CREDENTIAL },
	});
}

function connectedCredentials(sandbox: Sandbox, tokenData: object): HarnessCredentialsHelper {
	return new HarnessCredentialsHelper().add(
		oauth2Credential(CREDENTIAL, sandboxOAuth2Data(sandbox, tokenData as IDataObject)),
	);
}

const start = (items: IDataObject[] = [{}]) => ({ nodeName: 'Start', items });

/** `count` executions of the one-step workflow at once, sharing one credential store. */
const concurrentRuns = async (count: number, credentials: HarnessCredentialsHelper) =>
	await Promise.all(
		Array.from({ length: count }, () =>
			runWorkflow(workflow(), { nodeTypes, credentials, startData: start() }),
		),
	);

describe(`refresh gate on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;

	/** Every execution read the user, and LACRM saw one refresh: no refresh token reused, none revoked. */
	const expectAllOkAfterOneRefresh = (runs: WorkflowRunResult[]) => {
		expect(runs.map((run) => run.error?.message ?? 'ok')).toEqual(Array(runs.length).fill('ok'));
		for (const run of runs) expect(run.itemsOf('LACRM')[0]).toHaveProperty('UserId');
		expect(sandbox.counters()).toMatchObject({ refreshes: 1, refreshReuses: 0, revokedGrants: 0 });
	};

	beforeEach(async () => {
		refreshGate.reset();
		sandbox = await startSandbox({ quiet: true });
	});

	afterEach(async () => {
		refreshGate.reset();
		await sandbox.stop();
	});

	it('20 concurrent executions with an expired token: exactly 1 refresh, 20 successes', async () => {
		const credentials = connectedCredentials(sandbox, sandbox.issueTokens());
		sandbox.expireAccessTokens();
		expectAllOkAfterOneRefresh(await concurrentRuns(20, credentials));
		// n8n persisted exactly one new token, through its own credential store.
		expect(credentials.writes.filter((write) => write.kind === 'oauthTokenData')).toHaveLength(1);
	});

	it('one execution with 20 items and an expired token: exactly 1 refresh, 20 items out', async () => {
		const credentials = connectedCredentials(sandbox, sandbox.issueTokens());
		sandbox.expireAccessTokens();
		const run = await runWorkflow(workflow({ options: { concurrency: 10 } }), {
			nodeTypes,
			credentials,
			startData: start(Array.from({ length: 20 }, (_, index) => ({ index }))),
		});
		expect(run.error).toBeUndefined();
		expect(run.itemsOf('LACRM')).toHaveLength(20);
		expect(sandbox.counters().refreshes).toBe(1);
		expect(sandbox.counters().refreshReuses).toBe(0);
	});

	it('an expired token answered with 400 (not 401) is still refreshed, exactly once', async () => {
		await sandbox.stop();
		sandbox = await startSandbox({ quiet: true, expiredTokenStatus: 400 });
		const credentials = connectedCredentials(sandbox, sandbox.issueTokens());
		sandbox.expireAccessTokens();
		expectAllOkAfterOneRefresh(await concurrentRuns(10, credentials));
	});

	describe('a token LACRM ends before the expiry n8n recorded, answered 400 "expired"', () => {
		it('20 concurrent executions while we believe the token fresh: exactly 1 refresh, 20 successes', async () => {
			// n8n (2.x) records when the token expires; an hour is left, yet LACRM ends it now.
			const recordedExpiry = Date.now() + 3600_000;
			const credentials = connectedCredentials(sandbox, {
				...sandbox.issueTokens(),
				n8n_expires_at: recordedExpiry,
			});
			sandbox.expireAccessTokens({ status: 400 });
			expectAllOkAfterOneRefresh(await concurrentRuns(20, credentials));
			expect(sandbox.counters().expiredTokenRejections).toBeGreaterThanOrEqual(1);
		});

		it('twice in one process (the second time the token is one this process just refreshed): 1 refresh each time, 20/20 each time', async () => {
			const credentials = connectedCredentials(sandbox, sandbox.issueTokens());
			for (const round of [1, 2]) {
				sandbox.resetCounters();
				sandbox.expireAccessTokens({ status: 400 });
				const runs = await concurrentRuns(20, credentials);
				expect({ round, outcomes: runs.map((run) => run.error?.message ?? 'ok') }).toEqual({
					round,
					outcomes: Array(20).fill('ok'),
				});
				expect({ round, refreshes: sandbox.counters().refreshes }).toEqual({ round, refreshes: 1 });
				expect(sandbox.counters().refreshReuses).toBe(0);
			}
			expect(credentials.writes.filter((write) => write.kind === 'oauthTokenData')).toHaveLength(2);
		});

		it('if LACRM refuses the refresh, the user is told to reconnect the credential', async () => {
			const credentials = connectedCredentials(sandbox, {
				...sandbox.issueTokens(),
				n8n_expires_at: Date.now() + 3600_000,
			});
			sandbox.expireAccessTokens({ status: 400 });
			sandbox.scriptFaults([
				{
					functions: ['oauth/token'],
					status: 400,
					body: { error: 'invalid_grant', error_description: 'The refresh token is not valid.' },
				},
			]);
			const run = await runWorkflow(workflow(), { nodeTypes, credentials, startData: start() });
			expect(run.error?.message).toBe('The LACRM OAuth2 credential needs to be reconnected');
			expect(run.error?.description).toMatch(/reconnect it/);
		});
	});

	it('a token of unknown age goes one request at a time; once this process refreshed it, requests run in parallel', async () => {
		const credentials = connectedCredentials(sandbox, sandbox.issueTokens());
		await sandbox.setFaults({ latencyMs: 40 });
		const items = start(Array.from({ length: 12 }, (_, index) => ({ index })));
		const twelveItemsSixAtOnce = async () =>
			await runWorkflow(workflow({ options: { concurrency: 6 } }), {
				nodeTypes,
				credentials,
				startData: items,
			});

		const before = await twelveItemsSixAtOnce();
		expect(before.error).toBeUndefined();
		expect(sandbox.counters().peakConcurrent).toBe(1);

		sandbox.expireAccessTokens();
		sandbox.resetCounters();
		const after = await twelveItemsSixAtOnce();
		expect(after.error).toBeUndefined();
		expect(sandbox.counters().refreshes).toBe(1);
		expect(sandbox.counters().peakConcurrent).toBeGreaterThan(1);
	});

	it('without the gate, the same 20 concurrent executions show why it exists', async () => {
		refreshGate.enabled = false;
		const credentials = connectedCredentials(sandbox, sandbox.issueTokens());
		sandbox.expireAccessTokens();
		const runs = await concurrentRuns(20, credentials);
		const counters = sandbox.counters();
		if (HAS_OAUTH2_REFRESH_LOCK) {
			// n8n >= 2.30 serialises refreshes itself.
			expect(counters.refreshReuses).toBe(0);
			expect(counters.refreshes).toBe(1);
		} else {
			// No lock: several executions refresh with the same single-use token; LACRM revokes the grant.
			expect(counters.refreshReuses).toBeGreaterThan(0);
			expect(counters.revokedGrants).toBe(1);
			expect(runs.some((run) => run.error !== undefined)).toBe(true);
		}
	});
});
