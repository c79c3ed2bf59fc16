// Issue #4's scale check: 10,000 rows at the default rate limit, zero 429s, in ≤ 25 requests.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { jsonOf, OUTPUT, SmartsheetFixture } from '../support/smartsheetFixture';

let fx: SmartsheetFixture;
// Smartsheet's default limit on the emulator side too: a single 429 would show in the stats.
before(async () => (fx = await SmartsheetFixture.start({ rateLimitPerMinute: 300 })));
after(async () => await fx.close());

test('10,000 rows added at the default 300/min limit: zero 429s, 500 rows a request', async () => {
	const sheet = await fx.sheet('Project Tracker');
	const items = Array.from({ length: 10_000 }, (_, index) => ({
		Task: `bulk ${index}`,
		Status: 'Not Started',
	}));
	const result = await fx.run(
		{
			resource: 'row',
			operation: 'add',
			authentication: 'accessToken',
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			options: { requestsPerMinute: 300 },
		},
		items,
		fx.ownPat('cred-bulk-scale'),
	);
	assert.equal(jsonOf(result, OUTPUT.success).length, 10_000);
	const stats = await fx.stats();
	assert.equal(stats.rateLimited, 0);
	assert.equal(stats.byRoute['POST /2.0/sheets/{sheetId}/rows'], 20);
	assert.ok(stats.requests <= 25, `${stats.requests} requests`);
});
