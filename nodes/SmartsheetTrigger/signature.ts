// Smartsheet signs every callback: Smartsheet-Hmac-SHA256 is the hex HMAC-SHA256 of the raw body
// with the webhook's shared secret (https://developers.smartsheet.com/api/smartsheet/guides/webhooks/webhook-callbacks).
// Compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whether the header can be a signature at all (64 hex digits): anything else is refused unread. */
export function isSignatureShaped(header: unknown): header is string {
	return typeof header === 'string' && /^[0-9a-fA-F]{64}$/.test(header.trim());
}

export function hasValidSignature(rawBody: Buffer, header: unknown, sharedSecret: string): boolean {
	if (!isSignatureShaped(header) || sharedSecret === '') return false;
	const expected = Buffer.from(createHmac('sha256', sharedSecret).update(rawBody).digest('hex'));
	const given = Buffer.from(header.trim().toLowerCase());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
