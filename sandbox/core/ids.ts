import { randomBytes } from 'node:crypto';
import { Prng } from './prng';

/**
 * LACRM primary keys are 31-digit numeric strings (REFERENCE §6) — too long for a JSON number,
 * which is exactly what a client must not get wrong. A counter in the middle keeps them unique
 * without a lookup; the random tail keeps clients from guessing or relying on order.
 */
export class UidGenerator {
	private counter = 0;

	constructor(private readonly rng: Prng) {}

	next(): string {
		this.counter++;
		return '4' + this.counter.toString().padStart(12, '0') + this.rng.digits(18);
	}
}

/** Unguessable opaque strings for OAuth codes, tokens, webhook secrets and file links. */
export function randomToken(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}
