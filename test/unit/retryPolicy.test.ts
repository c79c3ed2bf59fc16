import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isRetryable, nextDelayMs } from '../../nodes/Smartsheet/transport/retryPolicy';

const a = (httpStatus: number | null, errorCode: number | null, extra: object = {}) => ({ httpStatus, errorCode, message: '', refId: null, ...extra });
const settings = { maxWaitMs: 10_000, initialDelayMs: 1_000, maxAttempts: 5 };

test('4001–4004 and 429 are retried whatever the method', () => {
	for (const code of [4001, 4002, 4003, 4004]) assert.ok(isRetryable(a(500, code), false));
	assert.ok(isRetryable(a(429, null), false));
});

test('4xx is never retried', () => {
	for (const [status, code] of [[400, 1012], [401, 1003], [403, 1004], [404, 1006]] as const) {
		assert.equal(isRetryable(a(status, code), true), false);
	}
});

test('other 5xx and network errors only when idempotent', () => {
	assert.equal(isRetryable(a(502, null), false), false);
	assert.equal(isRetryable(a(502, null), true), true);
	assert.equal(isRetryable(a(null, null, { network: 'ECONNRESET' }), false), false);
	assert.equal(isRetryable(a(null, null, { network: 'ECONNRESET' }), true), true);
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
