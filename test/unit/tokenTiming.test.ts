import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expiryOf, marginMs } from '../../nodes/shared/transport/tokenLifecycle';

test('default margin: the larger of 10 % of the lifetime and 5 minutes', () => {
	assert.equal(marginMs(604_799), 60_479_900); // 7-day token: 10 % ≈ 16.8 h
	assert.equal(marginMs(3_600), 360_000); // 1 hour: 10 % = 6 minutes
	assert.equal(marginMs(1_800), 300_000); // 30 minutes: 5 minutes
});

test('default margin never exceeds half the lifetime (short-lived tokens are not refreshed on every call)', () => {
	assert.equal(marginMs(4), 2_000);
	assert.equal(marginMs(120), 60_000);
});

test('an explicit margin wins', () => assert.equal(marginMs(604_799, 30), 30_000));

test('expiry comes from n8n_expires_at, else a provider expires_at', () => {
	assert.equal(expiryOf({ n8n_expires_at: '1700000000000' }), 1_700_000_000_000);
	assert.equal(expiryOf({ expires_at: 1_700_000_000 }), 1_700_000_000_000);
	assert.equal(expiryOf({ expires_in: 604799 }), null);
});
