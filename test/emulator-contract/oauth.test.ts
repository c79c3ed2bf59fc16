import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { RunningEmulator } from '../emulator';
import { admin, call, CLIENT, start, tokenRequest } from './client';

describe('OAuth', () => {
	let emu: RunningEmulator;
	before(async () => (emu = await start()));
	after(async () => await emu.close());
	beforeEach(async () => await admin(emu, 'POST', '/reset'));

	async function authorizeCode(scope = 'READ_SHEETS WRITE_SHEETS'): Promise<string> {
		const reply = await call(emu, 'GET', `/b/authorize?response_type=code&client_id=${CLIENT.clientId}&scope=${encodeURIComponent(scope)}&state=xyz&redirect_uri=${encodeURIComponent(CLIENT.redirectUri)}`, { token: null });
		assert.equal(reply.status, 302);
		const location = new URL(reply.headers.get('location')!);
		assert.equal(location.origin + location.pathname, CLIENT.redirectUri);
		assert.equal(location.searchParams.get('state'), 'xyz');
		assert.equal(location.searchParams.get('expires_in'), '599135');
		return location.searchParams.get('code')!;
	}

	test('authorize → code → token; the code works once', async () => {
		const code = await authorizeCode();
		const exchange = { grant_type: 'authorization_code', code, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };
		const first = await tokenRequest(emu, exchange);
		assert.equal(first.status, 200);
		assert.equal(first.json.token_type, 'bearer');
		assert.equal(first.json.expires_in, 604799);
		assert.ok(first.json.access_token.length >= 26 && first.json.refresh_token.length >= 26);
		assert.equal((await call(emu, 'GET', '/2.0/users/me', { token: first.json.access_token })).status, 200);
		const again = await tokenRequest(emu, exchange);
		assert.deepEqual([again.status, again.json.errorCode, again.json.error], [400, 1071, 'invalid_grant']);
		assert.equal((await admin(emu, 'GET', '/stats')).tokenExchanges, 1);
	});

	test('authorize: unknown client → error page, no scope → invalid_scope', async () => {
		assert.equal((await call(emu, 'GET', '/b/authorize?response_type=code&client_id=nobody&scope=READ_SHEETS', { token: null })).status, 400);
		const noScope = await call(emu, 'GET', `/b/authorize?response_type=code&client_id=${CLIENT.clientId}&redirect_uri=${encodeURIComponent(CLIENT.redirectUri)}`, { token: null });
		assert.equal(new URL(noScope.headers.get('location')!).searchParams.get('error'), 'invalid_scope');
	});

	test('the hash (SHA-256 of secret|code) is accepted instead of the secret', async () => {
		const code = await authorizeCode();
		const hash = createHash('sha256').update(`${CLIENT.clientSecret}|${code}`).digest('hex');
		const reply = await tokenRequest(emu, { grant_type: 'authorization_code', code, client_id: CLIENT.clientId, hash });
		assert.equal(reply.status, 200);
	});

	test('client auth: both → 1237, neither → 1236, wrong secret → 1238, wrong hash → 1072, unknown client → 401/1067', async () => {
		const code = await authorizeCode();
		const base = { grant_type: 'authorization_code', code, client_id: CLIENT.clientId };
		assert.equal((await tokenRequest(emu, { ...base, client_secret: CLIENT.clientSecret, hash: 'x' })).json.errorCode, 1237);
		assert.equal((await tokenRequest(emu, base)).json.errorCode, 1236);
		assert.equal((await tokenRequest(emu, { ...base, client_secret: 'wrong' })).json.errorCode, 1238);
		assert.equal((await tokenRequest(emu, { ...base, hash: 'abc' })).json.errorCode, 1072);
		const unknown = await tokenRequest(emu, { ...base, client_id: 'nobody', client_secret: 'x' });
		assert.deepEqual([unknown.status, unknown.json.errorCode], [401, 1067]);
		assert.equal((await tokenRequest(emu, { ...base, grant_type: 'password', client_secret: CLIENT.clientSecret })).json.errorCode, 1068);
		assert.equal((await tokenRequest(emu, { grant_type: 'authorization_code', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret })).json.errorCode, 1070);
	});

	test('parameters in the query string are accepted too', async () => {
		const code = await authorizeCode();
		const qs = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
		const response = await fetch(`${emu.apiBase}/token?${qs}`, { method: 'POST' });
		assert.equal(response.status, 200);
	});

	test('refresh tokens rotate: the old one answers 400/1071 invalid_grant', async () => {
		const pair = await admin(emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		const refresh = { grant_type: 'refresh_token', refresh_token: pair.refresh_token, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };
		const next = await tokenRequest(emu, refresh);
		assert.equal(next.status, 200);
		assert.notEqual(next.json.refresh_token, pair.refresh_token);
		const reused = await tokenRequest(emu, refresh);
		assert.deepEqual([reused.status, reused.json.errorCode, reused.json.error], [400, 1071, 'invalid_grant']);
		assert.equal(typeof reused.json.refId, 'string');
		const stats = await admin(emu, 'GET', '/stats');
		assert.deepEqual([stats.tokenRefreshes, stats.invalidGrants, stats.tokenCalls, stats.requests], [1, 1, 2, 0]);
		const hash = createHash('sha256').update(`${CLIENT.clientSecret}|${next.json.refresh_token}`).digest('hex');
		assert.equal((await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: next.json.refresh_token, client_id: CLIENT.clientId, hash })).status, 200);
	});

	test('a revoked refresh token answers 1132; DELETE /2.0/token revokes the access token', async () => {
		const pair = await admin(emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		assert.equal((await call(emu, 'DELETE', '/2.0/token', { token: pair.access_token })).json.message, 'SUCCESS');
		assert.equal((await call(emu, 'GET', '/2.0/users/me', { token: pair.access_token })).json.errorCode, 1002);
		const refresh = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: pair.refresh_token, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
		assert.deepEqual([refresh.status, refresh.json.errorCode], [400, 1132]);
	});

	test('the admin revoke of a refresh token also answers 1132', async () => {
		const pair = await admin(emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		await admin(emu, 'POST', '/tokens/revoke', { token: pair.refresh_token });
		const refresh = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: pair.refresh_token, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
		assert.equal(refresh.json.errorCode, 1132);
	});
});
