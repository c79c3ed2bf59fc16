// Cell: Get History through n8n's engine against the emulator: every page, newest first, Limit,
// column by ID or title, failure routing, IDs above 2^53, and its weight of 10 in pacing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT, PAT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const HISTORY_ROUTE = 'GET /2.0/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history';

describe('cell history', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };
	async function trackerRow() {
		const sheet = await suite.fx.sheetWithRows('Project Tracker');
		const column = (title: string) =>
			sheet.columns.find((candidate) => candidate.title === title)!.id;
		return { sheetId: sheet.id, rowId: sheet.rowIds[0], column };
	}

	async function setStatus(sheetId: string, rowId: string, columnId: string, values: string[]) {
		for (const value of values)
			await suite.fx.api('PUT', `/sheets/${sheetId}/rows`, [
				{ id: rowId, cells: [{ columnId, value }] },
			]);
	}

	const history = (
		sheetId: string,
		rowId: string,
		columnId: string,
		extra: object = {},
		items: IDataObject[] = [{}],
		runExtra: object = {},
	) =>
		suite.fx.run(
			{
				...pat,
				resource: 'cell',
				operation: 'getHistory',
				sheetId: byId(sheetId),
				rowId,
				columnId,
				returnAll: true,
				...extra,
			},
			items,
			runExtra,
		);

	test('every page, newest first, one item per change with who and when; pairedItem to the input item', async () => {
		const { sheetId, rowId, column } = await trackerRow();
		const statuses = Array.from(
			{ length: 120 },
			(_, index) => ['Not Started', 'In Progress', 'Done'][index % 3],
		);
		await setStatus(sheetId, rowId, column('Status'), statuses); // 120 changes after the seeded value
		const result = await history(sheetId, rowId, column('Status'));
		const entries = jsonOf(result, OUTPUT.success);
		assert.equal(entries.length, 121);
		assert.equal(entries[0].value, 'Done', 'the last change first');
		assert.equal(entries[120].value, 'Done', 'the seeded value last');
		assert.deepEqual(entries[0].modifiedBy, { name: 'Demo User', email: 'demo.user@example.com' });
		assert.equal(entries[0].columnType, 'PICKLIST');
		assert.equal(entries[0].rowId, rowId);
		assert.ok(result.outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0));
		assert.equal((await suite.fx.stats()).byRoute[HISTORY_ROUTE], 2, 'two pages of 100');
	});

	test('Limit stops early (no further page); the column may be given by title', async () => {
		const { sheetId, rowId, column } = await trackerRow();
		await setStatus(
			sheetId,
			rowId,
			column('Status'),
			Array.from({ length: 150 }, (_, index) => ['Not Started', 'In Progress'][index % 2]),
		);
		const limited = jsonOf(
			await history(sheetId, rowId, 'Status', { returnAll: false, limit: 3 }),
			OUTPUT.success,
		);
		assert.deepEqual(
			limited.map((entry) => entry.value),
			['In Progress', 'Not Started', 'In Progress'],
		);
		assert.equal((await suite.fx.stats()).byRoute[HISTORY_ROUTE], 1);
		const unknown = await history(sheetId, rowId, 'No Such Column');
		assert.match(
			(jsonOf(unknown, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/no column "No Such Column"/,
		);
	});

	test('wrong row or column ID → Payload (404/1006); a row ID that is not a number → Payload without a request', async () => {
		const { sheetId, rowId, column } = await trackerRow();
		const result = await history(sheetId, '={{ $json.row }}', '={{ $json.column }}', {}, [
			{ row: '123', column: column('Task') },
			{ row: rowId, column: '456' },
			{ row: 'abc', column: column('Task') },
			{ row: rowId, column: column('Task') },
		]);
		const payload = jsonOf(result, OUTPUT.payload).map((item) => item.smartsheetFailure as any);
		assert.deepEqual(
			payload.map((failure) => failure.errorCode),
			[1006, 1006, null],
		);
		assert.match(payload[2].message, /Row ID must be a number/);
		assert.deepEqual(
			result.outputs[OUTPUT.payload].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((entry) => entry.value),
			['Kickoff meeting'],
		);
		assert.equal((await suite.fx.stats()).byRoute[HISTORY_ROUTE], 3);
	});

	test('access taken away → Permission; an OAuth token without READ_SHEETS → Permission', async () => {
		const { sheetId, rowId, column } = await trackerRow();
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'NONE' });
		const denied = await history(sheetId, rowId, column('Task'));
		assert.equal((jsonOf(denied, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'VIEWER' });
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['WRITE_SHEETS'] }));
		const noScope = await suite.fx.run({
			resource: 'cell',
			operation: 'getHistory',
			sheetId: byId(sheetId),
			rowId,
			columnId: column('Task'),
			returnAll: true,
		});
		const failure = jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any;
		assert.deepEqual([failure.httpStatus, failure.errorCode, failure.attempts], [403, 1004, 1]);
	});

	test('IDs above 2^53: sheet, row and column of "Big IDs" stay exact', async () => {
		const big = await suite.fx.sheetWithRows('Big IDs');
		const [rowId] = big.rowIds;
		assert.ok(BigInt(rowId) > 2n ** 53n && BigInt(big.columns[0].id) > 2n ** 53n);
		const [entry] = jsonOf(await history(big.id, rowId, big.columns[0].id), OUTPUT.success);
		assert.deepEqual(
			[entry.columnId, entry.rowId, entry.value],
			[big.columns[0].id, rowId, 'a row whose ID exceeds 2^53'],
		);
	});

	test("weight 10 on the emulator: three history calls use 30 units of the token's minute, and the emulator refuses the next request over its limit", async () => {
		const { sheetId, rowId, column } = await trackerRow(); // 3 setup requests, before the limit is set
		await suite.fx.admin('POST', '/config', { rateLimitPerMinute: 33 });
		const items = [
			{ column: column('Task') },
			{ column: column('Status') },
			{ column: column('Done') },
		];
		// The node's pace lets a tenth of its minute go at once: 30 units of 300, so the three calls go without waiting.
		const result = await history(
			sheetId,
			rowId,
			'={{ $json.column }}',
			{},
			items,
			suite.fx.ownPat('cred-weighted'),
		);
		assert.equal(jsonOf(result, OUTPUT.success).length, 3);
		const stats = await suite.fx.stats();
		assert.deepEqual(
			[stats.byRoute[HISTORY_ROUTE], stats.rateUnitsByRoute[HISTORY_ROUTE], stats.rateLimited],
			[3, 30, 0],
		);
		const overBudget = await fetch(`${suite.fx.emulator.apiBase}/users/me`, {
			headers: { authorization: `Bearer ${PAT}` },
		});
		assert.equal(
			overBudget.status,
			429,
			'the three calls used 30 of the 33 units with the 3 setup requests',
		);
	});

	test('weight 10 in the node: each history call counts 10 units in its pacing (the execution summary shows them), a plain call 1', async () => {
		const { sheetId, rowId, column } = await trackerRow();
		const items = [{ column: column('Task') }, { column: column('Status') }];
		const result = await history(
			sheetId,
			rowId,
			'={{ $json.column }}',
			{ options: { summary: 'item' } },
			items,
		);
		const summary = jsonOf(result, OUTPUT.success).find((item) => item.smartsheetExecutionSummary)
			?.smartsheetExecutionSummary as IDataObject;
		assert.deepEqual([summary.requests, summary.rateLimitUnits], [2, 20]);
		const plain = await suite.fx.run({
			...pat,
			resource: 'user',
			operation: 'getCurrent',
			options: { summary: 'item' },
		});
		const plainSummary = jsonOf(plain, OUTPUT.success).find(
			(item) => item.smartsheetExecutionSummary,
		)?.smartsheetExecutionSummary as IDataObject;
		assert.deepEqual([plainSummary.requests, plainSummary.rateLimitUnits], [1, 1]);
	});
});
