// Issue #3: the token lifecycle, run through n8n's real execution engine against the emulator.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	CLIENT,
	issuedSecrets,
	jsonOf,
	OAUTH_CREDENTIAL,
	OUTPUT,
	type TokenPair,
} from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const getCurrentUser = { resource: 'user', operation: 'getCurrent' };

describe('token lifecycle', () => {
	const suite = useEmulator();

	/** A refresh by "another worker": straight to the token endpoint, not through the node. */
	const refreshOutOfBand = async (refreshToken: string): Promise<TokenPair> => {
		const body = new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: refreshToken,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		const pair = (await (
			await fetch(`${suite.fx.emulator.apiBase}/token`, { method: 'POST', body })
		).json()) as TokenPair;
		issuedSecrets.add(pair.access_token);
		issuedSecrets.add(pair.refresh_token);
		return pair;
	};

	const suffixesSeen = async () =>
		((await suite.fx.admin<any[]>('GET', '/requests?limit=1000')) ?? [])
			.filter((entry) => entry.path.startsWith('/2.0/users/me'))
			.map((entry) => entry.tokenSuffix);

	test('every execution reads the token from the store: a token changed between executions is used by the next', async () => {
		const first = await suite.fx.issueTokens();
		suite.fx.putOAuth(first);
		assert.equal(jsonOf(await suite.fx.run(getCurrentUser), OUTPUT.success).length, 1);
		const second = await suite.fx.issueTokens();
		suite.fx.putOAuth(second);
		assert.equal(jsonOf(await suite.fx.run(getCurrentUser), OUTPUT.success).length, 1);
		assert.deepEqual(await suffixesSeen(), [
			first.access_token.slice(-6),
			second.access_token.slice(-6),
		]);
	});

	test('proactive: a token inside the refresh margin is refreshed before the first call', async () => {
		const pair = await suite.fx.issueTokens({ ttlSeconds: 3600 });
		suite.fx.putOAuth(pair, { expiresAtMs: Date.now() + 60_000 }); // 1 minute left of an hour: inside the 6-minute margin
		const result = await suite.fx.run(getCurrentUser);
		assert.equal(jsonOf(result, OUTPUT.success).length, 1);
		const stats = await suite.fx.stats();
		assert.equal(stats.tokenRefreshes, 1);
		assert.equal(stats.expiredTokenRequests, 0);
		const stored = suite.fx.store.tokenData(OAUTH_CREDENTIAL.id);
		assert.notEqual(stored.access_token, pair.access_token);
		assert.notEqual(
			stored.refresh_token,
			pair.refresh_token,
			'the rotated refresh token is persisted with its access token',
		);
		assert.deepEqual(
			await suffixesSeen(),
			[String(stored.access_token).slice(-6)],
			'the old token was never sent',
		);
	});

	test('reactive: an expired-token answer (401/1003) refreshes once and retries once', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair); // the store believes it has a week left
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const writesBefore = suite.fx.store.writes.length;
		const result = await suite.fx.run(getCurrentUser);
		assert.equal(jsonOf(result, OUTPUT.success).length, 1);
		const stats = await suite.fx.stats();
		assert.equal(stats.tokenRefreshes, 1);
		const writes = suite.fx.store.writes.slice(writesBefore);
		assert.deepEqual(
			writes.map((write) => write.kind),
			['oauthTokenData'],
			'one write holds the new pair',
		);
		const stored = suite.fx.store.tokenData(OAUTH_CREDENTIAL.id);
		assert.notEqual(stored.refresh_token, pair.refresh_token);
	});

	test('a second 401 after the one refresh is an Auth failure, not a loop', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		await suite.fx.admin('POST', '/faults', {
			match: { method: 'GET', path: '/2.0/users/me' },
			count: 2,
			response: {
				kind: 'error',
				status: 401,
				errorCode: 1003,
				message: 'Your Access Token has expired.',
			},
		});
		const result = await suite.fx.run(getCurrentUser);
		const [failed] = jsonOf(result, OUTPUT.auth);
		assert.ok(failed, 'the item reached the Auth output');
		const failure = failed.smartsheetFailure as any;
		assert.equal(failure.errorCode, 1003);
		assert.equal(failure.attempts, 2);
		assert.match(failure.action, /Reconnect the credential 'Smartsheet OAuth \(test\)'/);
		assert.equal((await suite.fx.stats()).tokenRefreshes, 1);
	});

	test('1001, 1005 and 1030 are not cured by a refresh: no token call', async () => {
		for (const errorCode of [1001, 1005, 1030]) {
			await suite.fx.reset();
			suite.fx.putOAuth(await suite.fx.issueTokens());
			await suite.fx.admin('POST', '/faults', {
				match: { method: 'GET', path: '/2.0/users/me' },
				count: 1,
				response: { kind: 'error', status: 401, errorCode, message: `code ${errorCode}` },
			});
			const result = await suite.fx.run(getCurrentUser);
			assert.equal(jsonOf(result, OUTPUT.auth).length, 1, `${errorCode} goes to Auth`);
			assert.equal((await suite.fx.stats()).tokenCalls, 0, `${errorCode} makes no token call`);
		}
	});

	test('50 items and 10 concurrent executions crossing one expiry cause exactly one refresh', async () => {
		await suite.fx.admin('POST', '/config', { rateLimitPerMinute: 100_000 });
		const pair = await suite.fx.issueTokens({ ttlSeconds: 2 });
		// Its two seconds are over: the stored expiry has passed, and Smartsheet calls the token expired.
		suite.fx.putOAuth(pair, { expiresAtMs: Date.now() - 100 });
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const items = Array.from({ length: 50 }, (_, index) => ({ index }));
		const runs = await Promise.all(
			Array.from({ length: 10 }, () =>
				suite.fx.run(getCurrentUser, items, {}).then((result) => result),
			),
		);
		for (const result of runs) assert.equal(jsonOf(result, OUTPUT.success).length, 50);
		const stats = await suite.fx.stats();
		assert.equal(stats.tokenRefreshes, 1);
		assert.equal(stats.invalidGrants, 0);
	});

	test('the same crossing discovered reactively (store thinks the token is fresh) still refreshes once', async () => {
		await suite.fx.admin('POST', '/config', { rateLimitPerMinute: 100_000 });
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const runs = await Promise.all(
			Array.from({ length: 10 }, () =>
				suite.fx.run(
					getCurrentUser,
					Array.from({ length: 5 }, () => ({})),
				),
			),
		);
		for (const result of runs) assert.equal(jsonOf(result, OUTPUT.success).length, 5);
		const stats = await suite.fx.stats();
		assert.equal(stats.tokenRefreshes, 1);
		assert.equal(stats.invalidGrants, 0);
	});

	test('refresh-token reuse from a stale copy is recovered by re-reading the store', async () => {
		const stale = await suite.fx.issueTokens();
		suite.fx.putOAuth(stale);
		// Another worker refreshes with the same refresh token and saves a little later: only once our
		// own refresh has been refused (invalid_grant), so the node finds its token by re-reading.
		const fresh = await refreshOutOfBand(stale.refresh_token);
		await suite.fx.admin('POST', '/tokens/expire', { token: stale.access_token });
		suite.fx.store.afterRead = () => {
			if (suite.fx.emulator.emulator.stats.invalidGrants === 0) return;
			suite.fx.store.afterRead = null;
			suite.fx.putOAuth(fresh);
		};
		const result = await suite.fx.run(getCurrentUser);
		assert.equal(
			jsonOf(result, OUTPUT.success).length,
			1,
			"the item succeeded with the other worker's token",
		);
		const stats = await suite.fx.stats();
		assert.equal(stats.invalidGrants, 1, 'our refresh lost the race once');
		assert.equal(stats.tokenRefreshes, 1, 'only the other worker refreshed');
	});

	test('another worker saving its refresh just after our read does not cause a second refresh', async () => {
		const stale = await suite.fx.issueTokens();
		suite.fx.putOAuth(stale, { expiresAtMs: Date.now() - 1_000 }); // expired: the node refreshes before its call
		const fresh = await refreshOutOfBand(stale.refresh_token);
		// Read 1 finds the expired token; read 2 is the node's check just before it asks n8n to
		// refresh. Right after it, the other worker saves its rotated pair (as in queue mode).
		const first = suite.fx.store.reads + 1;
		suite.fx.store.afterRead = (reads) => {
			if (reads === first + 1) suite.fx.putOAuth(fresh);
		};
		const result = await suite.fx.run(getCurrentUser);
		assert.equal(jsonOf(result, OUTPUT.success).length, 1);
		const stats = await suite.fx.stats();
		assert.equal(
			stats.tokenRefreshes,
			1,
			"only the other worker's refresh: n8n found its token under the lock",
		);
		assert.equal(stats.invalidGrants, 0);
		assert.deepEqual(
			await suffixesSeen(),
			[fresh.access_token.slice(-6)],
			"the request carried the other worker's token",
		);
		assert.equal(
			suite.fx.store.tokenData(OAUTH_CREDENTIAL.id).refresh_token,
			fresh.refresh_token,
			'its refresh token is still the stored one',
		);
	});

	test('a revoked refresh token sends every item to Auth with the reconnect action, and the token endpoint is called once', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/revoke', { token: pair.refresh_token });
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const result = await suite.fx.run(
			getCurrentUser,
			Array.from({ length: 20 }, (_, index) => ({ index })),
		);
		const auth = jsonOf(result, OUTPUT.auth);
		assert.equal(auth.length, 20);
		assert.equal(jsonOf(result, OUTPUT.success).length, 0);
		for (const item of auth) {
			assert.match(
				(item.smartsheetFailure as any).action,
				/^Reconnect the credential 'Smartsheet OAuth \(test\)' in n8n/,
			);
		}
		assert.equal(
			(await suite.fx.stats()).tokenCalls,
			1,
			'no retry storm against the token endpoint',
		);
		assert.equal(result.status, 'success', 'the execution itself does not fail');
	});

	test('a personal access token credential works, and an unknown one goes to Auth with the region hint', async () => {
		const ok = await suite.fx.run({ ...getCurrentUser, authentication: 'accessToken' });
		assert.equal(jsonOf(ok, OUTPUT.success).length, 1);
		suite.fx.putPat('a-token-from-another-region-000000000000');
		const wrong = await suite.fx.run({ ...getCurrentUser, authentication: 'accessToken' });
		const [failed] = jsonOf(wrong, OUTPUT.auth);
		assert.equal((failed.smartsheetFailure as any).errorCode, 1002);
		assert.match((failed.smartsheetFailure as any).action, /Region/);
		assert.equal((await suite.fx.stats()).tokenCalls, 0);
	});
});
