import type { IDataObject } from 'n8n-workflow';

import { InvalidInput } from '../../../shared';

/**
 * A builder's path, checked to stay under the credential's API base: no scheme or host (the token
 * must never travel elsewhere), no `..` segment (not even percent-encoded), no fragment. A query
 * written into the path is split off. `/2.0` is dropped: the API base already ends with it.
 */
export function apiPath(input: string): { path: string; qs: IDataObject } {
	const text = input.trim();
	if (!text)
		throw new InvalidInput('The path is empty; give one under the API base, e.g. /sheets/123');
	if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//') || text.startsWith('\\')) {
		throw new InvalidInput(
			`The path "${text}" names a host; give only the part after the API base, e.g. /sheets/123`,
		);
	}
	if (/[\s\\#]/.test(text))
		throw new InvalidInput(`The path "${text}" may not contain spaces, backslashes or "#"`);
	const [rawPath, rawQuery = ''] = text.split(/\?(.*)/s, 2);
	let path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
	const segments = path.split('/').map(decoded);
	if (segments.includes(null))
		throw new InvalidInput(`The path "${text}" has invalid percent-encoding`);
	// Decoded, so that %2e%2e and %2f cannot smuggle a step out of the API base.
	if (
		(segments as string[]).some(
			(segment) =>
				segment === '..' || segment === '.' || segment.includes('/') || segment.includes('\\'),
		)
	) {
		throw new InvalidInput(`The path "${text}" may not leave the API base ("." or ".." segments)`);
	}
	path = path.replace(/^\/2\.0(?=\/|$)/, '') || '/';
	return { path, qs: Object.fromEntries(new URLSearchParams(rawQuery)) };
}

function decoded(segment: string): string | null {
	try {
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}

/** The sheet a path writes to, so writes to one sheet keep their order (as the node's own writes do). */
export function sheetOfPath(path: string): string | undefined {
	return /^\/sheets\/(\d+)(?:\/|$)/.exec(path)?.[1];
}

/** Smartsheet counts attachment and cell-history calls as 10 requests against its rate limit. */
export function weightOfPath(path: string): number {
	return /\/attachments(?:\/|$)|\/history$/.test(path) ? 10 : 1;
}
