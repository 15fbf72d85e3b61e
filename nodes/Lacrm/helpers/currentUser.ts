import type { LacrmClient } from '../transport/client';

const currentUser = new WeakMap<LacrmClient, Promise<string>>();

/**
 * The UserId of the credential's user (GetUser), fetched once per execution. LACRM requires an
 * owner for new contacts; "the user whose key this is" is the default people expect.
 */
export async function currentUserId(client: LacrmClient, itemIndex: number): Promise<string> {
	let pending = currentUser.get(client);
	if (!pending) {
		pending = client.call('GetUser', {}, { itemIndex }).then((user) => String(user.UserId));
		currentUser.set(client, pending);
		pending.catch(() => currentUser.delete(client));
	}
	return await pending;
}
