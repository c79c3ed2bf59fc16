import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ServerClock } from '../../nodes/shared/transport/serverClock';

test("watermarks are kept on Smartsheet's clock, learnt from its Date header", () => {
	const clock = new ServerClock();
	const local = Date.parse('2026-12-02T10:00:00.000Z');
	// This machine runs 90 s late: Smartsheet says 10:01:30.
	clock.observe('Wed, 02 Dec 2026 10:01:30 GMT', local);
	assert.equal(new Date(clock.before(5_000, local)).toISOString(), '2026-12-02T10:01:25.000Z');
	clock.observe(['Wed, 02 Dec 2026 10:01:31 GMT'], local + 1_000);
	assert.equal(new Date(clock.before(0, local + 1_000)).toISOString(), '2026-12-02T10:01:31.000Z');
});

test('without a Date header seen, the watermark allows for a badly set clock', () => {
	const clock = new ServerClock();
	const local = Date.parse('2026-12-02T10:00:00.000Z');
	clock.observe(undefined, local);
	clock.observe('not a date', local);
	assert.ok(clock.before(5_000, local) <= local - 5_000 - 5 * 60_000);
});
