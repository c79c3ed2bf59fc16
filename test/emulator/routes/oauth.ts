// OAuth as Smartsheet does it (../shared/reference/smartsheet-api.md §1.2–1.4): an authorize page
// that auto-approves, a token endpoint taking client_secret or hash (never both), refresh tokens
// that rotate on every use, and revocation.
import { createHash, randomBytes } from 'node:crypto';

import type { Answer, RequestContext } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';

const CODE_LIFETIME_MS = 599_135; // Smartsheet: "currently 599135 milliseconds"

export function newToken(prefix: string): string {
	return `${prefix}${randomBytes(18).toString('base64url')}`;
}

/** GET /b/authorize: approves at once for the emulator's user and redirects with a code. */
export function authorize(emulator: Emulator, url: URL): Answer {
	const q = url.searchParams;
	const client = emulator.config.clients.find((candidate) => candidate.clientId === q.get('client_id'));
	if (!client) return { status: 400, body: '<html><body><h1>Invalid client_id</h1></body></html>', headers: { 'Content-Type': 'text/html' } };
	const redirect = q.get('redirect_uri') ?? client.redirectUri;
	if (!redirect) return { status: 400, body: 'redirect_uri is required', headers: { 'Content-Type': 'text/plain' } };
	const target = new URL(redirect);
	const state = q.get('state');
	if (state !== null) target.searchParams.set('state', state);
	if (q.get('response_type') !== 'code') {
		target.searchParams.set('error', 'unsupported_response_type');
	} else if (!q.get('scope')) {
		target.searchParams.set('error', 'invalid_scope');
	} else {
		const code = newToken('code_');
		emulator.state.codes.set(code, {
			clientId: client.clientId,
			userId: emulator.state.user.id,
			scopes: q.get('scope')!.split(/[\s,]+/).filter(Boolean),
			expiresAt: Date.now() + CODE_LIFETIME_MS,
			used: false,
		});
		target.searchParams.set('code', code);
		target.searchParams.set('expires_in', String(CODE_LIFETIME_MS));
	}
	return { status: 302, headers: { Location: target.toString() }, body: '' };
}

/** Issues an access/refresh pair for a client (the Connect flow, a refresh, or the admin shortcut). */
export function issueTokens(emulator: Emulator, clientId: string, scopes: string[], ttlSeconds?: number) {
	const ttl = ttlSeconds ?? emulator.config.accessTokenTtlSeconds;
	const accessToken = newToken('at_');
	const refreshToken = newToken('rt_');
	emulator.state.accessTokens.set(accessToken, {
		userId: emulator.state.user.id,
		clientId,
		scopes: new Set(scopes),
		expiresAt: Date.now() + ttl * 1000,
		revoked: false,
	});
	emulator.state.refreshTokens.set(refreshToken, { userId: emulator.state.user.id, clientId, scopes, state: 'active', accessToken });
	return { access_token: accessToken, token_type: 'bearer', refresh_token: refreshToken, expires_in: ttl };
}

/** POST /2.0/token: parameters in a form body or the query string, as the SDKs send them. */
export function tokenEndpoint(ctx: RequestContext): Answer {
	const params = new URLSearchParams(ctx.rawBody);
	for (const [key, value] of ctx.query) if (!params.has(key)) params.set(key, value);
	const emulator = ctx.emulator;
	const grantType = params.get('grant_type');
	if (!grantType) throw new ApiError(1070, ['grant_type']);
	if (grantType !== 'authorization_code' && grantType !== 'refresh_token') throw new ApiError(1068, [], { error: 'unsupported_grant_type' });
	const clientId = params.get('client_id');
	if (!clientId) throw new ApiError(1070, ['client_id']);
	const client = emulator.config.clients.find((candidate) => candidate.clientId === clientId);
	if (!client) throw new ApiError(1067, [], { error: 'invalid_client' });
	const subject = grantType === 'authorization_code' ? params.get('code') : params.get('refresh_token');
	if (!subject) throw new ApiError(1070, [grantType === 'authorization_code' ? 'code' : 'refresh_token']);
	const secret = params.get('client_secret');
	const hash = params.get('hash');
	if (secret !== null && hash !== null) throw new ApiError(1237, [], { error: 'invalid_request' });
	if (secret === null && hash === null) throw new ApiError(1236, [], { error: 'invalid_request' });
	if (secret !== null && secret !== client.clientSecret) throw new ApiError(1238, [], { error: 'invalid_client' });
	if (hash !== null && hash.toLowerCase() !== createHash('sha256').update(`${client.clientSecret}|${subject}`).digest('hex')) {
		throw invalidGrant(emulator, 1072);
	}
	if (grantType === 'authorization_code') {
		const code = emulator.state.codes.get(subject);
		if (!code || code.used || code.clientId !== clientId) throw invalidGrant(emulator, 1071);
		if (code.expiresAt <= Date.now()) throw invalidGrant(emulator, 1069);
		code.used = true;
		emulator.stats.tokenExchanges++;
		return { body: issueTokens(emulator, clientId, code.scopes) };
	}
	const grant = emulator.state.refreshTokens.get(subject);
	if (!grant || grant.clientId !== clientId) throw invalidGrant(emulator, 1071);
	if (grant.state === 'revoked') throw invalidGrant(emulator, 1132);
	if (grant.state === 'rotated') throw invalidGrant(emulator, 1071);
	grant.state = 'rotated'; // Smartsheet: the old tokens "are no longer valid" once new ones are issued
	emulator.stats.tokenRefreshes++;
	return { body: issueTokens(emulator, clientId, grant.scopes) };
}

function invalidGrant(emulator: Emulator, errorCode: number): ApiError {
	emulator.stats.invalidGrants++;
	return new ApiError(errorCode, [], { error: 'invalid_grant' });
}

/** DELETE /2.0/token: revokes the calling access token (or all of its client's, for its user). */
export function revokeEndpoint(ctx: RequestContext): Answer {
	const state = ctx.emulator.state;
	const grant = state.accessTokens.get(ctx.token!)!;
	const all = ctx.query.get('deleteAllForApiClient') === 'true';
	for (const [token, candidate] of state.accessTokens) {
		if (token === ctx.token || (all && candidate.clientId !== null && candidate.clientId === grant.clientId && candidate.userId === grant.userId)) {
			candidate.revoked = true;
		}
	}
	for (const refresh of state.refreshTokens.values()) {
		if (refresh.accessToken === ctx.token || (all && refresh.clientId === grant.clientId)) refresh.state = 'revoked';
	}
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}
