import { createHmac, timingSafeEqual } from 'crypto';

/**
 * LACRM signs each delivery with `X-Hook-Signature`: the lowercase hex HMAC-SHA256 of the raw
 * request body, keyed with the secret from the handshake. Verified over the exact bytes received
 * (re-serialised JSON would differ) and compared in constant time.
 */
export function isValidSignature(
	rawBody: Buffer,
	signature: string | undefined,
	secret: string,
): boolean {
	if (!signature || !secret) return false;
	const received = signature
		.trim()
		.toLowerCase()
		.replace(/^sha256=/, '');
	if (!/^[0-9a-f]{64}$/.test(received)) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
	return timingSafeEqual(Buffer.from(received, 'utf8'), Buffer.from(expected, 'utf8'));
}
