// Row: Copy to Sheet and Move to Sheet through n8n's engine against the emulator: batching (500
// rows per request), one item per row with pairedItem, a row not found fails alone, a failed
// request fails its own rows only, permissions and scopes, IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const COPY_ROUTE = 'POST /2.0/sheets/{sheetId}/rows/copy';
const MOVE_ROUTE = 'POST /2.0/sheets/{sheetId}/rows/move';

describe('row copy and move to another sheet', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };

	async function archive(name = 'Archive') {
		const made = await suite.fx.api('POST', '/sheets', {
			name,
			columns: [{ title: 'Task', type: 'TEXT_NUMBER', primary: true }],
		});
		return String(made.result.id);
	}

	const trackerRows = async () => {
		const { id, rowIds } = await suite.fx.sheetWithRows('Project Tracker');
		return { sheetId: id, rowIds };
	};

	const transfer = (
		operation: 'copy' | 'move',
		sheetId: string,
		destination: string,
		items: IDataObject[],
		extra: object = {},
	) =>
		suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation,
				sheetId: byId(sheetId),
				destinationSheetId: byId(destination),
				rowId: '={{ $json.id }}',
				...extra,
			},
			items,
		);

	test('copy: one request for all items, one output item per row with its new ID, pairedItem to it; the source keeps its rows', async () => {
		const { sheetId, rowIds } = await trackerRows();
		const target = await archive();
		const result = await transfer('copy', sheetId, target, [{ id: rowIds[3] }, { id: rowIds[0] }]);
		const copied = jsonOf(result, OUTPUT.success);
		assert.deepEqual(
			copied.map((entry) => [entry.sourceRowId, entry.sheetId, entry.sourceSheetId]),
			[
				[rowIds[3], target, sheetId],
				[rowIds[0], target, sheetId],
			],
		);
		assert.deepEqual(
			result.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal((await suite.fx.stats()).byRoute[COPY_ROUTE], 1);
		const destination = await suite.fx.api('GET', `/sheets/${target}`);
		const byNewId = new Map(
			destination.rows.map((row: any) => [String(row.id), row.cells[0].value]),
		);
		assert.deepEqual(
			[byNewId.get(copied[0].id as string), byNewId.get(copied[1].id as string)],
			['Build the integration', 'Kickoff meeting'],
		);
		assert.equal((await suite.fx.api('GET', `/sheets/${sheetId}`)).rows.length, 5);
	});

	test('move 1,200 rows: 500 per request (3 requests), each item its own row; with Include the row discussions follow', async () => {
		const fx = suite.fx;
		const { id: sheetId } = await fx.admin<{ id: string }>('POST', '/sheets', {
			name: 'Many',
			rows: 1_200,
		});
		const rowIds = ((await fx.api('GET', `/sheets/${sheetId}`)).rows as Array<{ id: string }>).map(
			(row) => row.id,
		);
		await fx.api('POST', `/sheets/${sheetId}/rows/${rowIds[7]}/discussions`, {
			comment: { text: 'keep this' },
		});
		const target = await archive();
		const result = await transfer(
			'move',
			sheetId,
			target,
			rowIds.map((id) => ({ id })),
			{ rowInclude: ['discussions'] },
		);
		const moved = jsonOf(result, OUTPUT.success);
		assert.equal(moved.length, 1_200);
		assert.deepEqual(
			moved.slice(0, 2).map((entry) => entry.sourceRowId),
			rowIds.slice(0, 2),
		);
		assert.equal(new Set(moved.map((entry) => entry.id)).size, 1_200, 'every row its own new ID');
		assert.equal((await fx.stats()).byRoute[MOVE_ROUTE], 3);
		assert.equal((await fx.api('GET', `/sheets/${sheetId}`)).rows.length, 0);
		const threads = await fx.api(
			'GET',
			`/sheets/${target}/rows/${moved[7].id}/discussions?include=comments`,
		);
		assert.equal(threads.data[0].comments[0].text, 'keep this');
	});

	test('a row not found fails alone (Payload); the others of its request are moved; a bad row ID → Payload without a request', async () => {
		const { sheetId, rowIds } = await trackerRows();
		const target = await archive();
		const result = await transfer('move', sheetId, target, [
			{ id: rowIds[0] },
			{ id: '123' },
			{ id: 'abc' },
			{ id: rowIds[1] },
		]);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((entry) => entry.sourceRowId),
			[rowIds[0], rowIds[1]],
		);
		assert.deepEqual(
			result.outputs[OUTPUT.success].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 3 }],
		);
		const failures = jsonOf(result, OUTPUT.payload).map((item) => item.smartsheetFailure as any);
		assert.match(failures[0].message, /Row 123 was not found/);
		assert.match(failures[1].message, /Row ID must be a number/);
		assert.deepEqual(
			result.outputs[OUTPUT.payload].map((item) => item.pairedItem),
			[{ item: 1 }, { item: 2 }],
		);
		assert.equal((await suite.fx.stats()).byRoute[MOVE_ROUTE], 1);
	});

	test("a request that fails fails its own rows only: a wrong destination → Payload for its items, the other destination's rows are copied", async () => {
		const { sheetId, rowIds } = await trackerRows();
		const target = await archive();
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation: 'copy',
				sheetId: byId(sheetId),
				destinationSheetId: byId('={{ $json.to }}'),
				rowId: '={{ $json.id }}',
			},
			[
				{ id: rowIds[0], to: target },
				{ id: rowIds[1], to: '999' },
				{ id: rowIds[2], to: target },
				{ id: rowIds[3], to: '999' },
			],
		);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((entry) => entry.sourceRowId),
			[rowIds[0], rowIds[2]],
		);
		const failed = result.outputs[OUTPUT.payload];
		assert.deepEqual(
			failed.map((item) => item.pairedItem),
			[{ item: 1 }, { item: 3 }],
		);
		assert.deepEqual(
			failed.map((item) => (item.json.smartsheetFailure as any).errorCode),
			[1006, 1006],
		);
		assert.equal((await suite.fx.stats()).byRoute[COPY_ROUTE], 2);
	});

	test('no edit access on the destination or the source → Permission; an OAuth token without WRITE_SHEETS → Permission', async () => {
		const { sheetId, rowIds } = await trackerRows();
		const target = await archive();
		await suite.fx.admin('POST', '/access', { sheetId: target, accessLevel: 'VIEWER' });
		const toViewer = await transfer('copy', sheetId, target, [{ id: rowIds[0] }]);
		assert.equal((jsonOf(toViewer, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		await suite.fx.admin('POST', '/access', { sheetId: target, accessLevel: 'OWNER' });
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'VIEWER' });
		assert.equal(
			jsonOf(
				await transfer('move', sheetId, target, [{ id: rowIds[0] }, { id: rowIds[1] }]),
				OUTPUT.permission,
			).length,
			2,
		);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'OWNER' });
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const noScope = await suite.fx.run({
			resource: 'row',
			operation: 'move',
			sheetId: byId(sheetId),
			destinationSheetId: byId(target),
			rowId: rowIds[0],
		});
		const failure = jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any;
		assert.deepEqual([failure.httpStatus, failure.errorCode], [403, 1004]);
		assert.equal((await suite.fx.api('GET', `/sheets/${sheetId}`)).rows.length, 5, 'nothing moved');
	});

	test('IDs above 2^53: a "Big IDs" row copied by its exact ID; the source row ID in the output is exact', async () => {
		const big = await suite.fx.sheetWithRows('Big IDs');
		const [rowId] = big.rowIds;
		assert.ok(BigInt(rowId) > 2n ** 53n);
		const made = await suite.fx.api('POST', '/sheets', {
			name: 'Big target',
			columns: [{ title: 'Name', type: 'TEXT_NUMBER', primary: true }],
		});
		const target = String(made.result.id);
		const [copied] = jsonOf(
			await transfer('copy', big.id, target, [{ id: rowId }]),
			OUTPUT.success,
		);
		assert.deepEqual([copied.sourceRowId, copied.sourceSheetId], [rowId, big.id]);
		const destination = await suite.fx.api('GET', `/sheets/${target}`);
		assert.deepEqual(
			[String(destination.rows[0].id), destination.rows[0].cells[0].value],
			[copied.id, 'a row whose ID exceeds 2^53'],
		);
	});
});
