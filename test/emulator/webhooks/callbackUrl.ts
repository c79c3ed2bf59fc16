// Smartsheet's rules for a webhook's callbackUrl (DEV webhook-callbacks): HTTPS only, one of
// five ports, never a private IP address. Relaxed with `allowInsecureCallbacks` so tests and demos
// can receive callbacks on http://127.0.0.1.
import { isIP } from 'node:net';

import { ApiError } from '../errors';

export const ALLOWED_PORTS = new Set([443, 8000, 8008, 8080, 8443]);

export function checkCallbackUrl(value: unknown, relaxed: boolean): string {
	if (typeof value !== 'string' || !URL.canParse(value))
		throw new ApiError(1031, [JSON.stringify(value ?? null), 'callbackUrl']);
	const url = new URL(value);
	if (relaxed) {
		if (url.protocol !== 'https:' && url.protocol !== 'http:')
			throw new ApiError(1152, ['callbackUrl']);
		return value;
	}
	if (url.protocol !== 'https:') throw new ApiError(1152, ['callbackUrl']);
	// Which code Smartsheet gives a wrong port or a private address is not documented: 1031.
	const port = url.port === '' ? 443 : Number(url.port);
	if (!ALLOWED_PORTS.has(port)) throw new ApiError(1031, [value, 'callbackUrl']);
	if (isPrivateHost(url.hostname)) throw new ApiError(1031, [value, 'callbackUrl']);
	return value;
}

/** Loopback, private, link-local and unique-local addresses, and localhost. */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	const family = isIP(host);
	if (family === 4) {
		const [a, b] = host.split('.').map(Number);
		return (
			a === 10 ||
			a === 127 ||
			a === 0 ||
			(a === 169 && b === 254) ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168) ||
			(a === 100 && b >= 64 && b <= 127)
		);
	}
	if (family === 6) {
		return (
			host === '::1' ||
			host === '::' ||
			/^f[cd]/.test(host) ||
			/^fe[89ab]/.test(host) ||
			/^::ffff:(10|127|192\.168|172\.(1[6-9]|2\d|3[01]))\./.test(host)
		);
	}
	return false;
}
