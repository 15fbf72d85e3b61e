/**
 * The pieces of Create or Update's process-wide lock: the lock itself (one holder per key, keys
 * independent) and the credential identity it is keyed by (same LACRM access → same identity,
 * never a secret in it).
 */
import type { IDataObject } from 'n8n-workflow';

import { KeyedLock } from '../../nodes/Lacrm/helpers/keyedLock';
import { withClient } from './helpers/runClient';
import { credentialsFor, TEST_ACCESS_TOKEN, TEST_API_KEY } from './helpers/runNode';

/** A promise the test resolves by hand. */
function gate(): { opened: Promise<void>; open: () => void } {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { opened, open };
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
	for (let turn = 0; turn < 20; turn++) await Promise.resolve();
}

describe('KeyedLock', () => {
	it('runs work on one key one at a time, in arrival order', async () => {
		const lock = new KeyedLock();
		const log: string[] = [];
		const first = gate();
		const runs = [
			lock.run('jane', async () => {
				log.push('first starts');
				await first.opened;
				log.push('first ends');
			}),
			lock.run('jane', async () => {
				log.push('second runs');
			}),
			lock.run('jane', async () => {
				log.push('third runs');
			}),
		];
		await settle();
		expect(log).toEqual(['first starts']);
		first.open();
		await Promise.all(runs);
		expect(log).toEqual(['first starts', 'first ends', 'second runs', 'third runs']);
		expect(lock.size).toBe(0);
	});

	it('never makes one key wait for another', async () => {
		const lock = new KeyedLock();
		const held = gate();
		const slow = lock.run('jane', async () => await held.opened);
		let otherRan = false;
		await lock.run('john', async () => {
			otherRan = true;
		});
		expect(otherRan).toBe(true);
		expect(lock.size).toBe(1);
		held.open();
		await slow;
		expect(lock.size).toBe(0);
	});

	it('a holder that fails still lets the next one in, and its error reaches its caller', async () => {
		const lock = new KeyedLock();
		const failing = lock.run('jane', async () => {
			throw new Error('LACRM said no');
		});
		const next = lock.run('jane', async () => 'next ran');
		await expect(failing).rejects.toThrow('LACRM said no');
		await expect(next).resolves.toBe('next ran');
		expect(lock.size).toBe(0);
	});
});

describe('LacrmClient.credentialIdentity', () => {
	const identity = async (authentication: 'apiKey' | 'oAuth2', overrides: IDataObject = {}) =>
		(
			await withClient(async (client) => await client.credentialIdentity(), {
				authentication,
				credentials: credentialsFor(authentication, overrides),
			})
		).value as string;

	it('API key: the same key is the same identity, another key another; the key is not in it', async () => {
		const first = await identity('apiKey');
		expect(await identity('apiKey')).toBe(first);
		expect(await identity('apiKey', { apiKey: 'another-key-0123456789' })).not.toBe(first);
		expect(first).not.toContain(TEST_API_KEY);
	});

	it('OAuth2: the n8n credential, whatever its current access token; no token in it', async () => {
		const first = await identity('oAuth2');
		const refreshed = await identity('oAuth2', {
			oauthTokenData: { access_token: 'refreshed-token-0123456789', token_type: 'Bearer' },
		});
		expect(refreshed).toBe(first);
		expect(first).not.toContain(TEST_ACCESS_TOKEN);
		expect(first).toContain('cred-oauth');
	});
});
