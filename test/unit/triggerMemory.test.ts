// The trigger's bounded memories under a controlled clock: the nonce memory with its timestamp
// window, and the per-trigger lookup budget.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LookupBudget, LOOKUPS_PER_MINUTE } from '../../nodes/SmartsheetTrigger/lookupBudget.ts';
import {
	NonceMemory,
	NONCES_PER_WEBHOOK,
	WINDOW_AFTER_MS,
	WINDOW_BEFORE_MS,
} from '../../nodes/SmartsheetTrigger/replay.ts';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

describe('nonce memory', () => {
	test('a nonce passes once per trigger and webhook; the same nonce elsewhere is its own', () => {
		const memory = new NonceMemory();
		assert.equal(memory.check('A 1', 'n1', stamp(NOW), NOW), 'fresh');
		assert.equal(memory.check('A 1', 'n1', stamp(NOW), NOW + 1000), 'repeat');
		assert.equal(memory.check('A 2', 'n1', stamp(NOW), NOW), 'fresh');
		assert.equal(memory.check('B 1', 'n1', stamp(NOW), NOW), 'fresh');
	});

	test("the window covers Smartsheet's 21 hours of retries and a little clock difference, nothing beyond", () => {
		const memory = new NonceMemory();
		assert.ok(WINDOW_BEFORE_MS >= 21 * 60 * 60 * 1000);
		assert.equal(memory.check('A 1', 'late retry', stamp(NOW - 21 * 60 * 60 * 1000), NOW), 'fresh');
		assert.equal(memory.check('A 1', 'edge', stamp(NOW - WINDOW_BEFORE_MS), NOW), 'fresh');
		assert.equal(
			memory.check('A 1', 'too old', stamp(NOW - WINDOW_BEFORE_MS - 1), NOW),
			'outsideWindow',
		);
		assert.equal(memory.check('A 1', 'ahead', stamp(NOW + WINDOW_AFTER_MS), NOW), 'fresh');
		assert.equal(
			memory.check('A 1', 'too far ahead', stamp(NOW + WINDOW_AFTER_MS + 1), NOW),
			'outsideWindow',
		);
		for (const [nonce, timestamp] of [
			['no time', undefined],
			['bad time', 'yesterday'],
			[undefined, stamp(NOW)],
			['', stamp(NOW)],
			['x'.repeat(201), stamp(NOW)],
		]) {
			assert.equal(memory.check('A 1', nonce, timestamp, NOW), 'outsideWindow', String(nonce));
		}
	});

	test('a remembered nonce is dropped once its timestamp leaves the window (the window then rejects the copy)', () => {
		const memory = new NonceMemory();
		assert.equal(memory.check('A 1', 'n1', stamp(NOW), NOW), 'fresh');
		const later = NOW + WINDOW_BEFORE_MS + 1;
		assert.equal(memory.check('A 1', 'n1', stamp(NOW), later), 'outsideWindow');
		assert.equal(memory.check('A 1', 'n2', stamp(later), later), 'fresh');
		assert.equal(
			memory.check('A 1', 'n1', stamp(later), later),
			'fresh',
			'n1 was forgotten when n2 came',
		);
	});

	test('at most NONCES_PER_WEBHOOK are kept per webhook, the oldest go first', () => {
		const memory = new NonceMemory();
		for (let i = 0; i <= NONCES_PER_WEBHOOK; i++)
			assert.equal(memory.check('A 1', `n${i}`, stamp(NOW), NOW), 'fresh');
		assert.equal(memory.check('A 1', `n${NONCES_PER_WEBHOOK}`, stamp(NOW), NOW), 'repeat');
		assert.equal(memory.check('A 1', 'n0', stamp(NOW), NOW), 'fresh', 'the first one made room');
	});
});

describe('lookup budget', () => {
	test('a few lookups a minute per trigger; another trigger has its own; a minute later there are more', () => {
		const budget = new LookupBudget();
		for (let i = 0; i < LOOKUPS_PER_MINUTE; i++) assert.equal(budget.take('A', NOW + i), true);
		assert.equal(budget.take('A', NOW + 59_000), false);
		assert.equal(budget.take('B', NOW + 59_000), true);
		assert.equal(budget.take('A', NOW + 60_001), true);
	});
});
