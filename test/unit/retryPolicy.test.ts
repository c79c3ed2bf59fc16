import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mayHaveActed } from '../../nodes/shared/transport/outcome';
import { isRetryable, nextDelayMs } from '../../nodes/shared/transport/retryPolicy';

const a = (httpStatus: number | null, errorCode: number | null, extra: object = {}) => ({ httpStatus, errorCode, message: '', refId: null, ...extra });
const settings = { maxWaitMs: 10_000, initialDelayMs: 1_000, maxAttempts: 5 };

test('answers that prove nothing was done are retried whatever the method: 429/4003, 4001, 4004 lock, no connection', () => {
	const lock = 'Request failed because sheetId 1 is currently being updated by another request that uses the same access token.';
	for (const answer of [a(429, null), a(429, 4003), a(503, 4001), a(500, 4004, { message: lock }), a(null, null, { network: 'ECONNREFUSED' })]) {
		assert.ok(isRetryable(answer, false), JSON.stringify(answer));
		assert.equal(mayHaveActed(answer), false);
	}
});

test('4xx is never retried', () => {
	for (const [status, code] of [[400, 1012], [401, 1003], [403, 1004], [404, 1006]] as const) {
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

test('full jitter: the delay is a random share of an exponentially growing ceiling', () => {
	assert.equal(nextDelayMs(1, a(429, 4003), 0, settings, () => 1), 1000);
	assert.equal(nextDelayMs(3, a(429, 4003), 0, settings, () => 1), 4000);
	assert.equal(nextDelayMs(3, a(429, 4003), 0, settings, () => 0.25), 1000);
});

test('Retry-After is honoured as a floor', () => {
	assert.equal(nextDelayMs(1, a(429, 4003, { retryAfterSeconds: 3 }), 0, settings, () => 0), 3000);
});

test('the wait budget and the attempt limit end the retries', () => {
	assert.equal(nextDelayMs(1, a(429, 4003, { retryAfterSeconds: 20 }), 0, settings, () => 0), null);
	assert.equal(nextDelayMs(2, a(429, 4003), 9_500, settings, () => 1), null);
	assert.equal(nextDelayMs(5, a(429, 4003), 0, settings, () => 0), null);
});
