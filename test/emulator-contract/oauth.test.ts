// OAuth: authorize → code → token, client_secret or hash, refresh-token rotation,
// revocation, and the counters tests read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admin, assertError, call, CLIENT, sha256, tokenRequest, useEmulator } from './client';

describe('authorize', () => {
	const suite = useEmulator();

	function authorizeUrl(params: Record<string, string | undefined>): string {
		const defined = Object.entries(params).filter(
			(entry): entry is [string, string] => entry[1] !== undefined,
		);
		return `/b/authorize?${new URLSearchParams(defined)}`;
	}

	test('approves at once and redirects with code, expires_in (ms) and state', async () => {
		const reply = await call(
			suite.emu,
			'GET',
			authorizeUrl({
				response_type: 'code',
				client_id: CLIENT.clientId,
				scope: 'READ_SHEETS WRITE_SHEETS',
				state: 'xyz',
				redirect_uri: CLIENT.redirectUri,
			}),
			{ token: null },
		);
		assert.equal(reply.status, 302);
		const location = new URL(reply.headers.get('location')!);
		assert.equal(`${location.origin}${location.pathname}`, CLIENT.redirectUri);
		assert.equal(location.searchParams.get('state'), 'xyz');
		assert.equal(location.searchParams.get('expires_in'), '599135');
		assert.ok((location.searchParams.get('code') ?? '').length >= 20);
	});

	test('without redirect_uri it uses the registered one; POST works too; scopes may be comma-joined (Java SDK)', async () => {
		const reply = await call(
			suite.emu,
			'GET',
			authorizeUrl({
				response_type: 'code',
				client_id: CLIENT.clientId,
				scope: 'READ_SHEETS,WRITE_SHEETS',
			}),
			{ token: null },
		);
		const location = new URL(reply.headers.get('location')!);
		assert.equal(`${location.origin}${location.pathname}`, CLIENT.redirectUri);
		assert.ok(location.searchParams.get('code'));
		assert.equal(location.searchParams.get('state'), null);
		const posted = await fetch(`${suite.emu.url}/b/authorize`, {
			method: 'POST',
			body: new URLSearchParams({
				response_type: 'code',
				client_id: CLIENT.clientId,
				scope: 'READ_SHEETS',
				state: 's1',
			}),
			redirect: 'manual',
		});
		assert.equal(posted.status, 302);
		assert.equal(new URL(posted.headers.get('location')!).searchParams.get('state'), 's1');
	});

	test('unknown client or another redirect URL: an error page (400), no redirect', async () => {
		const unknown = await call(
			suite.emu,
			'GET',
			authorizeUrl({ response_type: 'code', client_id: 'nobody', scope: 'READ_SHEETS' }),
			{ token: null },
		);
		assert.equal(unknown.status, 400);
		assert.match(unknown.headers.get('content-type')!, /text\/html/);
		assert.equal(unknown.headers.get('location'), null);
		const elsewhere = await call(
			suite.emu,
			'GET',
			authorizeUrl({
				response_type: 'code',
				client_id: CLIENT.clientId,
				scope: 'READ_SHEETS',
				redirect_uri: 'http://evil.example/cb',
			}),
			{ token: null },
		);
		assert.equal(elsewhere.status, 400);
		assert.equal(elsewhere.headers.get('location'), null);
	});

	test('missing or unknown scope → error=invalid_scope; another response_type → unsupported_response_type', async () => {
		const errorOf = async (params: Record<string, string | undefined>) =>
			new URL(
				(
					await call(
						suite.emu,
						'GET',
						authorizeUrl({ client_id: CLIENT.clientId, state: 'k', ...params }),
						{ token: null },
					)
				).headers.get('location')!,
			).searchParams;
		const noScope = await errorOf({ response_type: 'code' });
		assert.deepEqual(
			[noScope.get('error'), noScope.get('state'), noScope.get('code')],
			['invalid_scope', 'k', null],
		);
		assert.equal(
			(await errorOf({ response_type: 'code', scope: 'READ_EVERYTHING' })).get('error'),
			'invalid_scope',
		);
		assert.equal(
			(await errorOf({ response_type: 'token', scope: 'READ_SHEETS' })).get('error'),
			'unsupported_response_type',
		);
	});
});

describe('token endpoint', () => {
	const suite = useEmulator();

	async function code(scope = 'READ_SHEETS WRITE_SHEETS'): Promise<string> {
		const reply = await call(
			suite.emu,
			'GET',
			`/b/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, scope })}`,
			{ token: null },
		);
		return new URL(reply.headers.get('location')!).searchParams.get('code')!;
	}

	test('code → tokens {access_token, token_type:bearer, expires_in, refresh_token}; the code works once', async () => {
		const exchange = {
			grant_type: 'authorization_code',
			code: await code(),
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		};
		const first = await tokenRequest(suite.emu, exchange);
		assert.equal(first.status, 200, first.text);
		assert.deepEqual(Object.keys(first.json).sort(), [
			'access_token',
			'expires_in',
			'refresh_token',
			'token_type',
		]);
		assert.equal(first.json.token_type, 'bearer');
		assert.equal(first.json.expires_in, 604799);
		assert.ok(first.json.access_token.length >= 26 && first.json.refresh_token.length >= 26);
		assert.notEqual(first.json.access_token, first.json.refresh_token);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: first.json.access_token })).status,
			200,
		);
		const again = await tokenRequest(suite.emu, exchange);
		assertError(again, 400, 1071);
		assert.equal(again.json.error, 'invalid_grant');
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.deepEqual(
			[stats.tokenExchanges, stats.invalidGrants, stats.tokenCalls, stats.requests],
			[1, 1, 2, 1],
		);
	});

	test('the token carries the scopes that were granted', async () => {
		const reply = await tokenRequest(suite.emu, {
			grant_type: 'authorization_code',
			code: await code('READ_SHEETS'),
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/sheets', { token: reply.json.access_token })).status,
			200,
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users', { token: reply.json.access_token }),
			403,
			1004,
		);
	});

	test('hash = SHA-256(secret|code), lower-case hex, instead of the secret', async () => {
		const value = await code();
		const reply = await tokenRequest(suite.emu, {
			grant_type: 'authorization_code',
			code: value,
			client_id: CLIENT.clientId,
			hash: sha256(`${CLIENT.clientSecret}|${value}`),
		});
		assert.equal(reply.status, 200, reply.text);
	});

	test('client auth and parameters: 1237 both, 1236 neither, 1238 wrong secret, 1072 wrong hash, 401/1067 unknown client, 1068 grant, 1070 missing', async () => {
		const base = {
			grant_type: 'authorization_code',
			code: await code(),
			client_id: CLIENT.clientId,
		};
		const expect = async (
			params: Record<string, string>,
			status: number,
			errorCode: number,
			error: string,
		) => {
			const reply = await tokenRequest(suite.emu, params);
			assertError(reply, status, errorCode);
			assert.equal(reply.json.error, error, reply.text);
		};
		await expect(
			{
				...base,
				client_secret: CLIENT.clientSecret,
				hash: sha256(`${CLIENT.clientSecret}|${base.code}`),
			},
			400,
			1237,
			'invalid_request',
		);
		await expect(base, 400, 1236, 'invalid_request');
		await expect({ ...base, client_secret: 'wrong' }, 400, 1238, 'invalid_client');
		await expect({ ...base, hash: sha256(`wrong|${base.code}`) }, 400, 1072, 'invalid_grant');
		await expect({ ...base, client_id: 'nobody', client_secret: 'x' }, 401, 1067, 'invalid_client');
		await expect(
			{ ...base, grant_type: 'password', client_secret: CLIENT.clientSecret },
			400,
			1068,
			'unsupported_grant_type',
		);
		await expect(
			{
				grant_type: 'authorization_code',
				client_id: CLIENT.clientId,
				client_secret: CLIENT.clientSecret,
			},
			400,
			1070,
			'invalid_request',
		);
		await expect(
			{ code: base.code, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
			400,
			1070,
			'invalid_request',
		);
		await expect(
			{ ...base, client_secret: CLIENT.clientSecret, redirect_uri: 'http://elsewhere.example/' },
			400,
			1073,
			'invalid_request',
		);
		// None of those used the code up.
		assert.equal(
			(
				await tokenRequest(suite.emu, {
					...base,
					client_secret: CLIENT.clientSecret,
					redirect_uri: CLIENT.redirectUri,
				})
			).status,
			200,
		);
		assert.equal(
			(await admin(suite.emu, 'GET', '/stats')).invalidGrants,
			0,
			'only 1071/1132 count as invalid grants',
		);
	});

	test('an expired code → 400/1069', async () => {
		const value = await code();
		suite.emu.state.codes.get(value)!.expiresAt = Date.now() - 1;
		assertError(
			await tokenRequest(suite.emu, {
				grant_type: 'authorization_code',
				code: value,
				client_id: CLIENT.clientId,
				client_secret: CLIENT.clientSecret,
			}),
			400,
			1069,
		);
	});

	test('parameters in the query string (as the Java SDK sends them) are accepted too', async () => {
		const qs = new URLSearchParams({
			grant_type: 'authorization_code',
			code: await code(),
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		const response = await fetch(`${suite.emu.apiBase}/token?${qs}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		assert.equal(response.status, 200);
		assert.equal(((await response.json()) as any).token_type, 'bearer');
	});

	test('expires_in follows the configured TTL', async () => {
		await admin(suite.emu, 'POST', '/config', { accessTokenTtlSeconds: 3600 });
		const reply = await tokenRequest(suite.emu, {
			grant_type: 'authorization_code',
			code: await code(),
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		assert.equal(reply.json.expires_in, 3600);
	});
});

describe('refresh tokens rotate', () => {
	const suite = useEmulator();

	test('a refresh returns a new pair; the old refresh token then answers 400/1071 invalid_grant', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', {
			clientId: CLIENT.clientId,
			scopes: ['READ_SHEETS'],
		});
		const refresh = {
			grant_type: 'refresh_token',
			refresh_token: pair.refresh_token,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		};
		const next = await tokenRequest(suite.emu, refresh);
		assert.equal(next.status, 200, next.text);
		assert.notEqual(next.json.refresh_token, pair.refresh_token);
		assert.notEqual(next.json.access_token, pair.access_token);
		const reused = await tokenRequest(suite.emu, refresh);
		assert.equal(reused.status, 400);
		assert.deepEqual(
			{ ...reused.json, refId: typeof reused.json.refId },
			{
				errorCode: 1071,
				error: 'invalid_grant',
				message: 'Invalid Grant. The authorization code or refresh token provided was invalid.',
				refId: 'string',
			},
		);
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.deepEqual(
			[stats.tokenRefreshes, stats.invalidGrants, stats.tokenCalls, stats.requests],
			[1, 1, 2, 0],
		);
		// The new pair keeps the scopes; the new refresh token works (with the hash, too).
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/sheets', { token: next.json.access_token })).status,
			200,
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users', { token: next.json.access_token }),
			403,
			1004,
		);
		const hash = sha256(`${CLIENT.clientSecret}|${next.json.refresh_token}`);
		assert.equal(
			(
				await tokenRequest(suite.emu, {
					grant_type: 'refresh_token',
					refresh_token: next.json.refresh_token,
					client_id: CLIENT.clientId,
					hash,
				})
			).status,
			200,
		);
	});

	test('the previous access token stays valid until its own expiry (assumption)', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		await tokenRequest(suite.emu, {
			grant_type: 'refresh_token',
			refresh_token: pair.refresh_token,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status,
			200,
		);
	});

	test('a refresh token of another client → 1071', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		const reply = await tokenRequest(suite.emu, {
			grant_type: 'refresh_token',
			refresh_token: `${pair.refresh_token}x`,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		assertError(reply, 400, 1071);
	});

	test('a revoked refresh token → 400/1132 with error invalid_grant (admin revoke)', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		await admin(suite.emu, 'POST', '/tokens/revoke', { token: pair.refresh_token });
		const reply = await tokenRequest(suite.emu, {
			grant_type: 'refresh_token',
			refresh_token: pair.refresh_token,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		assertError(reply, 400, 1132);
		assert.equal(reply.json.error, 'invalid_grant');
		assert.equal((await admin(suite.emu, 'GET', '/stats')).invalidGrants, 1);
	});
});

describe('revocation', () => {
	const suite = useEmulator();

	test('DELETE /2.0/token revokes the calling access token (→ 1002) and its refresh token (→ 1132)', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		const other = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		const revoked = await call(suite.emu, 'DELETE', '/2.0/token', { token: pair.access_token });
		assert.equal(revoked.status, 200);
		assert.deepEqual(revoked.json, { message: 'SUCCESS', resultCode: 0 });
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token }),
			401,
			1002,
		);
		assertError(
			await tokenRequest(suite.emu, {
				grant_type: 'refresh_token',
				refresh_token: pair.refresh_token,
				client_id: CLIENT.clientId,
				client_secret: CLIENT.clientSecret,
			}),
			400,
			1132,
		);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: other.access_token })).status,
			200,
			'other tokens unaffected',
		);
	});

	test('deleteAllForApiClient=true revokes every token of that app for the user', async () => {
		const pairs = await Promise.all(
			[1, 2, 3].map(() => admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId })),
		);
		assert.equal(
			(
				await call(suite.emu, 'DELETE', '/2.0/token?deleteAllForApiClient=true', {
					token: pairs[0].access_token,
				})
			).status,
			200,
		);
		for (const pair of pairs) {
			assertError(
				await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token }),
				401,
				1002,
			);
			assertError(
				await tokenRequest(suite.emu, {
					grant_type: 'refresh_token',
					refresh_token: pair.refresh_token,
					client_id: CLIENT.clientId,
					client_secret: CLIENT.clientSecret,
				}),
				400,
				1132,
			);
		}
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me')).status,
			200,
			'the personal access token is not the app’s',
		);
	});

	test('DELETE /2.0/token needs a valid token', async () => {
		assertError(await call(suite.emu, 'DELETE', '/2.0/token', { token: null }), 401, 1001);
	});
});
