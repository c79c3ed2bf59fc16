// Answer text can echo the request: a gateway's error page may print the Authorization header it
// got, a proxy in front of the token endpoint the form with the client secret. Before any answer
// text becomes a message, description, hint, log line or output, every secret the request carried
// is cut out (leaving at most its last 6 characters), and so is anything shaped like a bearer token
// or a token field, which catches a token the caller no longer knows (rotated by a refresh).
import type { IDataObject } from 'n8n-workflow';

import { secretSuffix, type FailureAnswer } from './failure';

/** Shorter values are not treated as secrets: replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;

const SHAPES: Array<[RegExp, string]> = [
	[/\b(Bearer|Basic)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1$2[redacted]'],
	[
		/((?:access_token|refresh_token|client_secret|accessToken|refreshToken|clientSecret|sharedSecret)["']?\s*[:=]\s*["']?)[^"'&\s,;}<]{4,}/gi,
		'$1[redacted]',
	],
];

export function redactText(
	text: string,
	secrets: ReadonlyArray<string | null | undefined>,
): string {
	let clean = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
		const suffix = secretSuffix(secret);
		const mark = suffix ? `[redacted …${suffix}]` : '[redacted]';
		for (const form of new Set([secret, encodeURIComponent(secret)]))
			clean = clean.split(form).join(mark);
	}
	for (const [shape, replacement] of SHAPES) clean = clean.replace(shape, replacement);
	return clean;
}

/** The answer with its message and every text in its detail redacted. */
export function redactAnswer<T extends FailureAnswer>(
	answer: T,
	secrets: ReadonlyArray<string | null | undefined>,
): T {
	const redacted = { ...answer, message: redactText(answer.message, secrets) };
	if (answer.detail) redacted.detail = redactValue(answer.detail, secrets) as IDataObject;
	return redacted;
}

function redactValue(value: unknown, secrets: ReadonlyArray<string | null | undefined>): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secrets));
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [key, redactValue(entry, secrets)]),
	);
}
