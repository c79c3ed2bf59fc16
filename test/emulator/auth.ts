// Who is calling: the bearer token, and whether it may call a route.
import type { IncomingMessage } from 'node:http';

import { ApiError } from './errors';
import type { AccessToken, EmulatorState } from './state';

/** Marks a header that is not `Bearer <token>`: it names no token, so it answers 1002. */
const NOT_BEARER = '\u0000not-bearer:';

/** The token of `Authorization: Bearer <token>`; null when there is none (→ 1001). */
export function bearerToken(request: IncomingMessage): string | null {
	const header = request.headers.authorization?.trim();
	if (!header) return null;
	const match = /^Bearer(?:\s+(.*))?$/i.exec(header);
	if (!match) return `${NOT_BEARER}${header}`;
	return (match[1] ?? '').trim() || null;
}

/**
 * Checks the token for a route needing `scope` (null: any valid token). Missing → 1001, unknown or
 * revoked → 1002, expired → 1003 (and `onExpired` is told), scope not granted → 403/1004.
 */
export function authenticate(
	state: EmulatorState,
	token: string | null,
	scope: string | null,
	onExpired: () => void,
): AccessToken {
	if (!token) throw new ApiError(1001);
	const grant = state.accessTokens.get(token);
	if (!grant || grant.revoked) throw new ApiError(1002);
	if (grant.expiresAt !== null && grant.expiresAt <= state.now()) {
		onExpired();
		throw new ApiError(1003);
	}
	if (scope && grant.scopes !== 'all' && !grant.scopes.has(scope)) throw new ApiError(1004);
	return grant;
}

/** Last 6 characters: all a log or a counter may show of a token. */
export function tokenSuffix(token: string): string {
	return token.slice(-6);
}
