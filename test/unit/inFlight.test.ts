// forEachInFlight on its own: how many run at once, start order, and stopping after a failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { forEachInFlight, isReadOnly } from '../../nodes/shared/helpers/inFlight';

/** A task per index that finishes only when released, recording starts and the most at once. */
function gatedTasks() {
	const started: number[] = [];
	const gates = new Map<number, () => void>();
	let running = 0;
	let most = 0;
	const run = async (index: number) => {
		started.push(index);
		most = Math.max(most, ++running);
		await new Promise<void>((resolve) => gates.set(index, resolve));
		running--;
	};
	return { started, gates, run, most: () => most };
}

const settle = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

test('at most `limit` in flight, started in index order; each finish starts the next', async () => {
	const tasks = gatedTasks();
	const all = forEachInFlight(7, 3, tasks.run);
	await settle();
	assert.deepEqual(tasks.started, [0, 1, 2]);
	tasks.gates.get(1)!();
	await settle();
	assert.deepEqual(tasks.started, [0, 1, 2, 3]);
	for (let index = 0; index < 7; index++) {
		tasks.gates.get(index)?.();
		await settle();
	}
	for (const release of tasks.gates.values()) release();
	await all;
	assert.deepEqual(tasks.started, [0, 1, 2, 3, 4, 5, 6]);
	assert.equal(tasks.most(), 3);
});

test('a limit of 1 runs one at a time; a limit above the count starts them all', async () => {
	for (const [limit, most] of [
		[1, 1],
		[10, 4],
	] as const) {
		const tasks = gatedTasks();
		const all = forEachInFlight(4, limit, tasks.run);
		for (let round = 0; round < 4; round++) {
			await settle();
			for (const release of tasks.gates.values()) release();
		}
		await all;
		assert.equal(tasks.most(), most);
	}
});

test('after a failure no further index starts, and the error comes out', async () => {
	const started: number[] = [];
	await assert.rejects(
		forEachInFlight(10, 2, async (index) => {
			started.push(index);
			await Promise.resolve();
			if (index === 1) throw new Error('bug');
		}),
		/bug/,
	);
	assert.ok(started.length <= 3, `started ${started.join(', ')}`);
});

test('reads are Get, List, Search and Check Health; the rest are writes', () => {
	for (const operation of [
		'row:get',
		'sheet:list',
		'cell:getHistory',
		'search:inSheet',
		'workspace:getChildren',
		'credential:checkHealth',
	])
		assert.equal(isReadOnly(operation), true, operation);
	for (const operation of [
		'row:add',
		'sheet:rename',
		'attachment:upload',
		'comment:update',
		'webhook:enable',
		'sheet:copy',
	])
		assert.equal(isReadOnly(operation), false, operation);
});
