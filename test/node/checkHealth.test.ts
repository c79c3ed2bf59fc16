// Issue #10: "Check Health" reports on the credential without revealing it, refreshes what can be
// refreshed, and sends a dead credential to the Auth output.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const checkHealth = { resource: 'credential', operation: 'checkHealth' };

describe('credential health', () => {
	const suite = useEmulator();

	test('healthy OAuth2 credential: user, host, expiry, refresh token, scopes, live call', async () => {
		const pair = await suite.fx.issueTokens({ ttlSeconds: 604_799 });
		suite.fx.putOAuth(pair);
		const [report] = jsonOf(await suite.fx.run(checkHealth), OUTPUT.success);
		assert.equal(report.status, 'ok');
		assert.equal(report.tokenType, 'OAuth2');
		assert.equal(report.apiBase, suite.fx.emulator.apiBase);
		assert.equal(report.refreshTokenPresent, true);
		assert.equal(report.tokenSuffix, pair.access_token.slice(-6));
		assert.ok((report.secondsLeft as number) > 604_000);
		assert.ok(Array.isArray(report.scopes));
		assert.equal(typeof (report.user as any).email, 'string');
		assert.equal((report.liveCall as any).ok, true);
		assert.equal((await suite.fx.stats()).tokenRefreshes, 0);
	});

	test('near expiry: refreshed through the lifecycle and reported as refreshed', async () => {
		const pair = await suite.fx.issueTokens({ ttlSeconds: 3600 });
		suite.fx.putOAuth(pair, { expiresAtMs: Date.now() + 30_000 });
		const [report] = jsonOf(await suite.fx.run(checkHealth), OUTPUT.success);
		assert.equal(report.status, 'refreshed');
		assert.notEqual(report.tokenSuffix, pair.access_token.slice(-6));
		assert.ok((report.secondsLeft as number) > 3500);
		assert.equal((await suite.fx.stats()).tokenRefreshes, 1);
	});

	test('expired with a live refresh token: refreshed reactively', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const [report] = jsonOf(await suite.fx.run(checkHealth), OUTPUT.success);
		assert.equal(report.status, 'refreshed');
	});

	test('dead refresh token: Auth output with the reconnect action', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/revoke', { token: pair.refresh_token });
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const [failed] = jsonOf(await suite.fx.run(checkHealth), OUTPUT.auth);
		// Named after the button the user's n8n shows: "Switch account" in 2.41, "Reconnect" in 2.8.
		assert.equal(
			(failed.smartsheetFailure as any).action,
			'Reconnect the credential \'Smartsheet OAuth (test)\' in n8n: Overview > Credentials > open it > Switch account ("Reconnect" in older n8n such as 2.8); for an access token, paste a new one.',
		);
	});

	test('revoked access (the app was disconnected): Auth output', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/revoke', { token: pair.access_token });
		await suite.fx.admin('POST', '/tokens/revoke', { token: pair.refresh_token });
		const [failed] = jsonOf(await suite.fx.run(checkHealth), OUTPUT.auth);
		assert.equal((failed.smartsheetFailure as any).class, 'auth');
	});

	test('personal access token: healthy, no expiry, no refresh token', async () => {
		const [report] = jsonOf(
			await suite.fx.run({ ...checkHealth, authentication: 'accessToken' }),
			OUTPUT.success,
		);
		assert.equal(report.tokenType, 'Access token');
		assert.equal(report.expiresAt, null);
		assert.equal(report.refreshTokenPresent, false);
	});

	test('wrong region: Auth output explaining the region', async () => {
		suite.fx.putPat('a-token-from-another-region-000000000000');
		const [failed] = jsonOf(
			await suite.fx.run({ ...checkHealth, authentication: 'accessToken' }),
			OUTPUT.auth,
		);
		assert.match((failed.smartsheetFailure as any).action, /Region/);
	});

	test('the execution summary counts requests and items per output', async () => {
		suite.fx.putOAuth(await suite.fx.issueTokens());
		const result = await suite.fx.run({ ...checkHealth, options: { summary: 'item' } }, [{}, {}]);
		const summary = jsonOf(result, OUTPUT.success).find((item) => item.smartsheetExecutionSummary)
			?.smartsheetExecutionSummary as any;
		assert.equal(summary.requests, 2);
		assert.equal(summary.items.Success, 2);
	});

	test('by default the counts are an execution hint, and no extra item is added', async () => {
		suite.fx.putOAuth(await suite.fx.issueTokens());
		await suite.fx.admin('POST', '/faults', {
			match: { method: 'GET', path: '/2.0/users/me' },
			count: 1,
			response: { kind: 'error', status: 503, errorCode: 4001 },
		});
		const result = await suite.fx.run(checkHealth, [{}, {}]);
		assert.equal(jsonOf(result, OUTPUT.success).length, 2);
		assert.ok(
			jsonOf(result, OUTPUT.success).every((item) => item.smartsheetExecutionSummary === undefined),
		);
		assert.deepEqual(
			result.hints.map((hint) => hint.message),
			[
				'Smartsheet: 3 requests (3 rate-limit units), 1 retries, 0 token refreshes, 0 rate-limit answers; items: Success 2, Auth 0, Permission 0, Payload 0, Throttled 0',
			],
		);
	});
});
