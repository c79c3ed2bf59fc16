// The pacer on its own, with the clock mocked: weights count against the per-minute budget, a send
// that does not fit waits until enough of the window has passed, and callers keep their order.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { acquireRateBudget } from '../../nodes/shared/transport/pacing';

/** Lets pending promise callbacks run (the mocked clock does not move). */
const settle = async () => {
	for (let i = 0; i < 20; i++) await Promise.resolve();
};

test('a weight of 10 at 20 a minute: two sends at once, the third waits out the window', async (t) => {
	t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
	const key = 'pacing-unit-weights';
	assert.equal(await acquireRateBudget(key, 10, 20), 0);
	assert.equal(await acquireRateBudget(key, 10, 20), 0);
	let waited: number | null = null;
	const third = acquireRateBudget(key, 10, 20).then((ms) => (waited = ms));
	await settle();
	t.mock.timers.tick(60_000);
	await settle();
	assert.equal(waited, null, 'still inside the minute (and its second of slack)');
	t.mock.timers.tick(1_000);
	await third;
	assert.equal(waited, 61_000);
});

test('weight 1: twenty sends fit a budget of 20 at once, the 21st waits', async (t) => {
	t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 2_000_000 });
	const key = 'pacing-unit-light';
	for (let i = 0; i < 20; i++) assert.equal(await acquireRateBudget(key, 1, 20), 0);
	let sent = false;
	const next = acquireRateBudget(key, 1, 20).then(() => (sent = true));
	await settle();
	assert.equal(sent, false, 'the 21st waits');
	t.mock.timers.tick(61_000);
	await next;
	assert.equal(sent, true);
});

test('callers are served in arrival order, and one heavier than the budget still goes alone', async (t) => {
	t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 3_000_000 });
	const key = 'pacing-unit-order';
	assert.equal(await acquireRateBudget(key, 50, 20), 0, 'an empty window lets anything through');
	const order: string[] = [];
	const a = acquireRateBudget(key, 5, 20).then(() => order.push('a'));
	const b = acquireRateBudget(key, 5, 20).then(() => order.push('b'));
	await settle();
	assert.deepEqual(order, []);
	t.mock.timers.tick(61_000);
	await Promise.all([a, b]);
	assert.deepEqual(order, ['a', 'b']);
});
