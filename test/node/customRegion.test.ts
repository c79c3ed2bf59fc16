// A Custom region's API base URL is checked before anything is sent: a bad one goes to the Auth
// output with the fix, never retried, no request made; the token never travels in clear to
// another machine.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT, PAT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('Custom region URLs', () => {
	const suite = useEmulator();
	const getCurrentUser = {
		resource: 'user',
		operation: 'getCurrent',
		authentication: 'accessToken',
	};

	test('empty, ftp://, malformed, http:// to another host, or not ending in /2.0 → Auth with the fix, 0 requests', async () => {
		const port = new URL(suite.fx.emulator.apiBase).port;
		const bad: Array<[string, RegExp]> = [
			['', /is empty/],
			['ftp://127.0.0.1/2.0', /must start with https:\/\//],
			['https//api.smartsheet.com/2.0', /not a URL/],
			[
				'http://example.com/2.0',
				/must start with https:\/\/ \(http:\/\/ only for 127\.0\.0\.1 or localhost\), got http:\/\/example\.com/,
			],
			[`http://127.0.0.1:${port}/1.0`, /must end in \/2\.0/],
			[`http://user:pw@127.0.0.1:${port}/2.0`, /must not carry a user/],
		];
		for (const [url, reason] of bad) {
			suite.fx.putPat(PAT, url);
			const before = (await suite.fx.stats()).requests;
			const [item] = jsonOf(await suite.fx.run(getCurrentUser, [{ keep: url }]), OUTPUT.auth);
			const failure = item.smartsheetFailure as any;
			assert.match(failure.message, reason, url);
			assert.match(
				failure.action,
				/set API Base URL to the https:\/\/ address .* ending in \/2\.0/,
				url,
			);
			assert.deepEqual([failure.attempts, item.keep], [0, url], url);
			assert.equal((await suite.fx.stats()).requests, before, `${url}: no request`);
		}
	});

	test("the editor's pickers refuse a bad Custom URL too, without a request", async () => {
		suite.fx.putPat(PAT, 'http://example.com/2.0');
		const before = (await suite.fx.stats()).requests;
		await assert.rejects(
			suite.fx.listSearch('searchSheets', { authentication: 'accessToken' }),
			/must start with https:\/\//,
		);
		assert.equal((await suite.fx.stats()).requests, before);
	});

	test('loopback over http:// and a trailing slash are fine', async () => {
		for (const url of [
			suite.fx.emulator.apiBase,
			`${suite.fx.emulator.apiBase}/`,
			suite.fx.emulator.apiBase.replace('127.0.0.1', 'localhost'),
		]) {
			suite.fx.putPat(PAT, url);
			assert.equal(jsonOf(await suite.fx.run(getCurrentUser), OUTPUT.success).length, 1, url);
		}
	});
});
