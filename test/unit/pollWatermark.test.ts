// The polling watermark alone: whether Smartsheet's rowsModifiedSince is ">" or ">=", and however
// changes fall on the one-second boundary, a row change is emitted once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { advance, querySince, type PollState } from '../../nodes/shared/trigger/watermark';
import type { ModifiedRow } from '../../nodes/shared/trigger/rows';

const row = (
	id: string,
	modifiedAt: string,
	value: string,
	createdAt = '2026-01-01T00:00:00Z',
): ModifiedRow => ({
	id,
	createdAt,
	modifiedAt,
	cells: [{ columnId: '1', value }],
	flat: { id, Task: value },
});

describe('poll watermark', () => {
	test('asks for a second before the watermark, so neither ">" nor ">=" drops the watermark\'s second', () => {
		assert.equal(querySince('2026-05-01T10:00:00Z'), '2026-05-01T09:59:59Z');
	});

	test('rows of the watermark second already emitted are not repeated; a second change within that second is', () => {
		const state: PollState = { watermark: '2026-05-01T10:00:00Z', atWatermark: {} };
		const first = advance(state, [row('a', '2026-05-01T10:00:00Z', 'one')]);
		assert.deepEqual(
			first.fresh.map((change) => change.row.id),
			['a'],
		);
		const next: PollState = { watermark: first.watermark, atWatermark: first.atWatermark };
		const again = advance(next, [
			row('a', '2026-05-01T10:00:00Z', 'one'),
			row('b', '2026-05-01T10:00:00Z', 'new'),
		]);
		assert.deepEqual(
			again.fresh.map((change) => change.row.id),
			['b'],
			'a ">=" answer repeats a; it is not emitted again',
		);
		const changed = advance({ watermark: again.watermark, atWatermark: again.atWatermark }, [
			row('a', '2026-05-01T10:00:00Z', 'two'),
		]);
		assert.deepEqual(
			changed.fresh.map((change) => [change.row.id, change.eventType]),
			[['a', 'updated']],
		);
	});

	test('a later second moves the watermark and forgets the old second; rows before the watermark are old news', () => {
		const state: PollState = { watermark: '2026-05-01T10:00:00Z', atWatermark: { a: 'x' } };
		const result = advance(state, [
			row('z', '2026-05-01T09:59:59Z', 'old'),
			row('c', '2026-05-01T10:00:03Z', 'later', '2026-05-01T10:00:03Z'),
			row('d', '2026-05-01T10:00:02Z', 'between'),
		]);
		assert.deepEqual(
			result.fresh.map((change) => [change.row.id, change.eventType]),
			[
				['c', 'created'],
				['d', 'updated'],
			],
		);
		assert.equal(result.watermark, '2026-05-01T10:00:03Z');
		assert.deepEqual(Object.keys(result.atWatermark), ['c']);
	});
});
