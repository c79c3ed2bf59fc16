// Cell history: what row adds and updates record, newest first, paged, weighing 10
// against the rate limit; errors, scopes and IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	assertError,
	call,
	CLIENT,
	sheetByName,
	TWO_TO_53,
	tracker,
	useEmulator,
} from './client';

describe('cell history', () => {
	const suite = useEmulator();
	const history = (sheetId: string, rowId: string, columnId: string, query = '') =>
		call(
			suite.emu,
			'GET',
			`/2.0/sheets/${sheetId}/rows/${rowId}/columns/${columnId}/history${query}`,
		);

	test('every change through add and update, newest first: value, displayValue, modifiedAt, modifiedBy; unchanged saves add nothing', async () => {
		const { id, columns } = await tracker(suite.emu);
		const added = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: {
				cells: [
					{ columnId: columns.Task, value: 'Draft' },
					{ columnId: columns.Owner, value: 'demo.user@example.com' },
				],
			},
		});
		const rowId = added.json.result[0].id;
		for (const value of ['Review', 'Review', 'Final']) {
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
				body: [{ id: rowId, cells: [{ columnId: columns.Task, value }] }],
			});
		}
		const task = await history(id, rowId, columns.Task);
		assert.equal(task.status, 200, task.text);
		assert.deepEqual(Object.keys(task.json).sort(), [
			'data',
			'pageNumber',
			'pageSize',
			'totalCount',
			'totalPages',
		]);
		assert.deepEqual(
			task.json.data.map((entry: any) => entry.value),
			['Final', 'Review', 'Draft'],
		);
		const [latest] = task.json.data;
		assert.deepEqual(
			[latest.columnId, latest.displayValue, latest.modifiedBy],
			[columns.Task, 'Final', { name: 'Demo User', email: 'demo.user@example.com' }],
		);
		assert.match(latest.modifiedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const owner = await history(id, rowId, columns.Owner, '?include=columnType&numericDates=true');
		assert.deepEqual(
			[
				owner.json.data[0].displayValue,
				owner.json.data[0].columnType,
				typeof owner.json.data[0].modifiedAt,
			],
			['Demo User', 'CONTACT_LIST', 'number'],
		);
		assert.equal(
			(await history(id, rowId, columns.Due)).json.totalCount,
			0,
			'a cell never set has no history',
		);
	});

	test('a cleared cell is an entry without a value; a seeded cell starts with its value; paged (page past the end = last page)', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [{ id: rowIds[0], cells: [{ columnId: columns.Status, value: '' }] }],
		});
		const status = await history(id, rowIds[0], columns.Status);
		assert.deepEqual(
			status.json.data.map((entry: any) => entry.value ?? null),
			[null, 'Done'],
		);
		const paged = await history(id, rowIds[0], columns.Status, '?pageSize=1&page=9');
		assert.deepEqual(
			[paged.json.pageNumber, paged.json.totalPages, paged.json.data[0].value],
			[2, 2, 'Done'],
		);
	});

	test('weighs 10 against the rate limit (rateUnits counts it so)', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu); // 2 requests before the limit is lowered
		await admin(suite.emu, 'POST', '/config', { rateLimitPerMinute: 24 });
		assert.equal((await history(id, rowIds[0], columns.Task)).status, 200); // 10 (+2 earlier)
		assert.equal((await history(id, rowIds[0], columns.Task)).status, 200); // 22
		assertError(await history(id, rowIds[0], columns.Task), 429, 4003); // 32 > 24
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200); // 23
		const stats = await admin(suite.emu, 'GET', '/stats');
		const route = 'GET /2.0/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history';
		assert.deepEqual(
			[stats.byRoute[route], stats.rateUnitsByRoute[route], stats.rateUnits],
			[3, 20, 23],
		);
	});

	test('unknown row or column 1006; READ_SHEETS scope; VIEWER access', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		assertError(await history(id, '123', columns.Task), 404, 1006);
		assertError(await history(id, rowIds[0], '123'), 404, 1006);
		const noRead = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['WRITE_SHEETS'],
			})
		).access_token;
		assertError(
			await call(
				suite.emu,
				'GET',
				`/2.0/sheets/${id}/rows/${rowIds[0]}/columns/${columns.Task}/history`,
				{ token: noRead },
			),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assert.equal((await history(id, rowIds[0], columns.Task)).status, 200);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'NONE' });
		assertError(await history(id, rowIds[0], columns.Task), 403, 1004);
	});

	test('IDs above 2^53 in the path and in the answer, exact', async () => {
		const big = await sheetByName(suite.emu, 'Big IDs');
		const reply = await history(big.id, big.rowIds[0], big.columns.Name);
		assert.ok(BigInt(big.columns.Name) > TWO_TO_53);
		assert.ok(reply.text.includes(`"columnId":${big.columns.Name}`), reply.text);
		assert.equal(reply.json.data[0].value, 'a row whose ID exceeds 2^53');
	});
});
