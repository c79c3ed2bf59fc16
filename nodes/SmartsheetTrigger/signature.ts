// Smartsheet signs every callback: Smartsheet-Hmac-SHA256 is the hex HMAC-SHA256 of the raw body
// with the webhook's shared secret (§4.10). Compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hasValidSignature(rawBody: Buffer, header: unknown, sharedSecret: string): boolean {
	if (typeof header !== 'string' || sharedSecret === '') return false;
	const expected = Buffer.from(createHmac('sha256', sharedSecret).update(rawBody).digest('hex'));
	const given = Buffer.from(header.trim().toLowerCase());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
