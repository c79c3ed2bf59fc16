// OAuth as Smartsheet does it (https://developers.smartsheet.com/api/smartsheet): an authorize
// page that approves at once, a token endpoint taking client_secret or hash (never both), refresh
// tokens that rotate on every use, and revocation.
import { createHash, randomBytes } from 'node:crypto';

import type { OAuthClient } from '../config';
import type { Answer, RequestContext } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import { isScope } from '../scopes';

/** Smartsheet: codes last "currently 599135 milliseconds, or approx. 10 minutes". */
export const CODE_LIFETIME_MS = 599_135;

/** A random token: a readable prefix and 32 random characters (Smartsheet's are 26+ long). */
export function newToken(prefix: string): string {
	return `${prefix}${randomBytes(24).toString('base64url')}`;
}

function errorPage(status: number, title: string): Answer {
	const text = title.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
	return {
		status,
		body: `<!DOCTYPE html><html><head><title>Smartsheet</title></head><body><h1>${text}</h1></body></html>`,
		headers: { 'Content-Type': 'text/html;charset=UTF-8' },
	};
}

/**
 * GET|POST /b/authorize: approves at once for the emulator's user and redirects with `code`,
 * `expires_in` (ms) and `state`; or with `error` (invalid_scope, unsupported_response_type).
 */
export function authorize(emulator: Emulator, url: URL, formBody: string): Answer {
	const params = new URLSearchParams(formBody);
	for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);
	const client = emulator.config.clients.find(
		(candidate) => candidate.clientId === params.get('client_id'),
	);
	if (!client) return errorPage(400, 'Invalid client_id: this app is not registered.');
	const redirect = params.get('redirect_uri') ?? client.redirectUri;
	if (!redirect)
		return errorPage(400, 'redirect_uri is required: the app has no registered redirect URL.');
	if (client.redirectUri && redirect !== client.redirectUri)
		return errorPage(400, 'The redirect_uri did not match the expected value.');
	let target: URL;
	try {
		target = new URL(redirect);
	} catch {
		return errorPage(400, 'redirect_uri is not a URL.');
	}
	const scopes = (params.get('scope') ?? '').split(/[\s,]+/).filter(Boolean); // spaces; the Java SDK joins with commas
	if (params.get('response_type') !== 'code')
		target.searchParams.set('error', 'unsupported_response_type');
	else if (scopes.length === 0 || !scopes.every(isScope))
		target.searchParams.set('error', 'invalid_scope');
	else {
		const code = newToken('code_');
		emulator.state.codes.set(code, {
			clientId: client.clientId,
			userId: emulator.state.user.id,
			scopes,
			expiresAt: emulator.state.now() + CODE_LIFETIME_MS,
			used: false,
		});
		target.searchParams.set('code', code);
		target.searchParams.set('expires_in', String(CODE_LIFETIME_MS));
	}
	const state = params.get('state');
	if (state !== null) target.searchParams.set('state', state);
	return { status: 302, headers: { Location: target.toString() }, body: '' };
}

/** Issues an access/refresh pair (the Connect flow, a refresh, or the admin shortcut). */
export function issueTokens(
	emulator: Emulator,
	clientId: string,
	scopes: string[],
	ttlSeconds?: number,
	userId = emulator.state.user.id,
) {
	const ttl = ttlSeconds ?? emulator.config.accessTokenTtlSeconds;
	const accessToken = newToken('at_');
	const refreshToken = newToken('rt_');
	emulator.state.accessTokens.set(accessToken, {
		userId,
		clientId,
		scopes: new Set(scopes),
		expiresAt: emulator.state.now() + ttl * 1000,
		revoked: false,
	});
	emulator.state.refreshTokens.set(refreshToken, {
		userId,
		clientId,
		scopes,
		state: 'active',
		accessToken,
	});
	return {
		access_token: accessToken,
		token_type: 'bearer',
		refresh_token: refreshToken,
		expires_in: ttl,
	};
}

/** The OAuth `error` word that goes with each token-endpoint code (Java SDK reads `error`). */
const OAUTH_ERROR: Record<number, string> = {
	1067: 'invalid_client',
	1068: 'unsupported_grant_type',
	1069: 'invalid_grant',
	1070: 'invalid_request',
	1071: 'invalid_grant',
	1072: 'invalid_grant',
	1073: 'invalid_request',
	1132: 'invalid_grant',
	1236: 'invalid_request',
	1237: 'invalid_request',
	1238: 'invalid_client',
};

function oauthError(emulator: Emulator, errorCode: number, args: string[] = []): ApiError {
	if (errorCode === 1071 || errorCode === 1132) emulator.stats.invalidGrants++;
	return new ApiError(errorCode, args, { error: OAUTH_ERROR[errorCode] });
}

/** POST /2.0/token: parameters in a form body or the query string (the Java SDK's way). */
export function tokenEndpoint(ctx: RequestContext): Answer {
	const emulator = ctx.emulator;
	const params = new URLSearchParams(ctx.rawBody);
	for (const [key, value] of ctx.query) if (!params.has(key)) params.set(key, value);
	const fail = (errorCode: number, args: string[] = []) => oauthError(emulator, errorCode, args);

	const grantType = params.get('grant_type');
	if (!grantType) throw fail(1070, ['grant_type']);
	if (grantType !== 'authorization_code' && grantType !== 'refresh_token') throw fail(1068);
	const clientId = params.get('client_id');
	if (!clientId) throw fail(1070, ['client_id']);
	const client = emulator.config.clients.find((candidate) => candidate.clientId === clientId);
	if (!client) throw fail(1067);
	const subjectName = grantType === 'authorization_code' ? 'code' : 'refresh_token';
	const subject = params.get(subjectName);
	if (!subject) throw fail(1070, [subjectName]);
	checkClientAuth(client, subject, params, fail);
	const redirect = params.get('redirect_uri') ?? params.get('redirect_url'); // deprecated; must match if sent
	if (redirect !== null && client.redirectUri && redirect !== client.redirectUri) throw fail(1073);

	if (grantType === 'authorization_code') {
		const code = emulator.state.codes.get(subject);
		if (!code || code.used || code.clientId !== clientId) throw fail(1071);
		if (code.expiresAt <= emulator.state.now()) throw fail(1069);
		code.used = true; // single use
		emulator.stats.tokenExchanges++;
		return { body: issueTokens(emulator, clientId, code.scopes, undefined, code.userId) };
	}
	const grant = emulator.state.refreshTokens.get(subject);
	if (!grant || grant.clientId !== clientId || grant.state === 'rotated') throw fail(1071);
	if (grant.state === 'revoked') throw fail(1132);
	grant.state = 'rotated'; // Smartsheet: the old tokens "are no longer valid" once new ones are issued
	emulator.stats.tokenRefreshes++;
	return { body: issueTokens(emulator, clientId, grant.scopes, undefined, grant.userId) };
}

/** Exactly one of client_secret or hash = lower-case hex SHA-256 of `secret|code` or `secret|refresh_token`. */
function checkClientAuth(
	client: OAuthClient,
	subject: string,
	params: URLSearchParams,
	fail: (errorCode: number) => ApiError,
): void {
	const secret = params.get('client_secret');
	const hash = params.get('hash');
	if (secret !== null && hash !== null) throw fail(1237);
	if (secret === null && hash === null) throw fail(1236);
	if (secret !== null && secret !== client.clientSecret) throw fail(1238);
	if (
		hash !== null &&
		hash.toLowerCase() !==
			createHash('sha256').update(`${client.clientSecret}|${subject}`).digest('hex')
	)
		throw fail(1072);
}

/** DELETE /2.0/token: revokes the calling access token, or with deleteAllForApiClient=true all of its app's tokens for the user. */
export function revokeEndpoint(ctx: RequestContext): Answer {
	const state = ctx.emulator.state;
	const caller = state.accessTokens.get(ctx.token!)!;
	const all = ctx.query.get('deleteAllForApiClient') === 'true' && caller.clientId !== null;
	for (const [token, grant] of state.accessTokens) {
		if (
			token === ctx.token ||
			(all && grant.clientId === caller.clientId && grant.userId === caller.userId)
		)
			grant.revoked = true;
	}
	for (const refresh of state.refreshTokens.values()) {
		const mine =
			refresh.accessToken === ctx.token ||
			(all && refresh.clientId === caller.clientId && refresh.userId === caller.userId);
		if (mine && refresh.state === 'active') refresh.state = 'revoked'; // a rotated one stays rotated (1071)
	}
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}
