import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mayHaveActed } from '../../nodes/shared/transport/outcome';
import { DEFAULT_RETRY, isRetryable, nextDelayMs } from '../../nodes/shared/transport/retryPolicy';

const a = (httpStatus: number | null, errorCode: number | null, extra: object = {}) => ({
	httpStatus,
	errorCode,
	message: '',
	refId: null,
	...extra,
});
const settings = { maxWaitMs: 10_000, initialDelayMs: 1_000, maxAttempts: 0 };

test('answers that prove nothing was done are retried whatever the method: 429/4003, 4001, 4004 lock, no connection', () => {
	const lock =
		'Request failed because sheetId 1 is currently being updated by another request that uses the same access token.';
	for (const answer of [
		a(429, null),
		a(429, 4003),
		a(503, 4001),
		a(500, 4004, { message: lock }),
		a(null, null, { network: 'ECONNREFUSED' }),
	]) {
		assert.ok(isRetryable(answer, false), JSON.stringify(answer));
		assert.equal(mayHaveActed(answer), false);
	}
});

test('4xx is never retried', () => {
	for (const [status, code] of [
		[400, 1012],
		[401, 1003],
		[403, 1004],
		[404, 1006],
	] as const) {
		assert.equal(isRetryable(a(status, code), true), false);
		assert.equal(mayHaveActed(a(status, code)), false);
	}
});

test('answers after which the request may have acted are retried only for reads', () => {
	const ambiguous = [
		a(500, 4000),
		a(500, 4002),
		a(500, 4004, { message: 'An unexpected error has occurred. Please retry your request.' }),
		a(502, null),
		a(504, null),
		a(302, null),
		a(200, null, { unexpectedBody: true }),
		a(null, null, { network: 'ECONNRESET' }),
		a(null, null, { network: 'ECONNABORTED' }),
	];
	for (const answer of ambiguous) {
		assert.equal(mayHaveActed(answer), true, JSON.stringify(answer));
		assert.equal(isRetryable(answer, false), false, JSON.stringify(answer));
		assert.equal(isRetryable(answer, true), true, JSON.stringify(answer));
	}
	assert.equal(mayHaveActed(a(501, 1333)), false, 'not implemented: refused');
});

test('jitter: the delay is between half and all of an exponentially growing step', () => {
	assert.equal(
		nextDelayMs(1, a(429, 4003), 0, settings, () => 1),
		1000,
	);
	assert.equal(
		nextDelayMs(1, a(429, 4003), 0, settings, () => 0),
		500,
	);
	assert.equal(
		nextDelayMs(3, a(429, 4003), 0, settings, () => 1),
		4000,
	);
	assert.equal(
		nextDelayMs(3, a(429, 4003), 0, settings, () => 0.5),
		3000,
	);
});

test('no step is longer than the rate-limit minute', () => {
	const long = { ...settings, maxWaitMs: 3_600_000 };
	assert.equal(
		nextDelayMs(20, a(429, 4003), 0, long, () => 1),
		60_000,
	);
});

test('Retry-After is honoured as a floor', () => {
	assert.equal(
		nextDelayMs(1, a(429, 4003, { retryAfterSeconds: 3 }), 0, settings, () => 0),
		3000,
	);
});

test('a Retry-After beyond the budget ends the retries at once', () => {
	assert.equal(
		nextDelayMs(1, a(429, 4003, { retryAfterSeconds: 20 }), 0, settings, () => 0),
		null,
	);
});

test('the step that would pass the budget is cut to end exactly at it, then the retries end', () => {
	assert.equal(
		nextDelayMs(2, a(429, 4003), 9_500, settings, () => 1),
		500,
	);
	assert.equal(
		nextDelayMs(3, a(429, 4003), 10_000, settings, () => 1),
		null,
	);
});

test('an attempt cap ends the retries only when set', () => {
	assert.notEqual(
		nextDelayMs(5, a(429, 4003), 0, settings, () => 0),
		null,
	);
	assert.equal(
		nextDelayMs(5, a(429, 4003), 0, { ...settings, maxAttempts: 5 }, () => 0),
		null,
	);
});

/** Replays the retries of one request on a simulated clock against a window closed for `closedMs`. */
function replay(closedMs: number, budget = DEFAULT_RETRY, random = () => 0) {
	let clock = 0;
	let attempts = 1;
	while (clock < closedMs) {
		const delay = nextDelayMs(attempts, a(429, 4003), clock, budget, random);
		if (delay === null) return { through: false, attempts, clock };
		clock += delay;
		attempts++;
	}
	return { through: true, attempts, clock };
}

test('a window closed for 40 s with no Retry-After: the default 60 s budget lets the request through', () => {
	for (const random of [() => 0, () => 0.5, () => 1]) {
		const outcome = replay(40_000, DEFAULT_RETRY, random);
		assert.equal(outcome.through, true);
		assert.ok(outcome.clock <= DEFAULT_RETRY.maxWaitMs);
		assert.ok(outcome.attempts <= 10, `few attempts, not a busy loop (${outcome.attempts})`);
	}
});

test('a window closed longer than Max Retry Wait ends at the budget, with the last attempt at its end', () => {
	const outcome = replay(90_000);
	assert.equal(outcome.through, false);
	assert.equal(outcome.clock, DEFAULT_RETRY.maxWaitMs);
});

test('a zero initial delay still backs off, never a busy loop', () => {
	const outcome = replay(1_000_000, { ...DEFAULT_RETRY, initialDelayMs: 0 });
	assert.equal(outcome.through, false);
	assert.ok(outcome.attempts < 40);
});
