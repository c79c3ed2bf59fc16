// Sheets, columns, rows and users in Smartsheet's JSON shapes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	advanceClock,
	assertError,
	call,
	PAT,
	rawJson,
	sheetByName,
	stopClock,
	tracker,
	TWO_TO_53,
	useEmulator,
} from './client';

const json = { 'content-type': 'application/json' };

describe('IDs above 2^53', () => {
	const suite = useEmulator();

	test('are written as exact bare numbers: sheet, column and row of "Big IDs"', async () => {
		const list = await call(suite.emu, 'GET', '/2.0/sheets');
		const sheetId = /"id":(\d+),"name":"Big IDs"/.exec(list.text)![1];
		assert.ok(BigInt(sheetId) > TWO_TO_53);
		assert.equal(
			sheetId,
			'9007199254740993',
			'the first big ID is 2^53 + 1, which a double cannot hold',
		);
		const sheet = await call(suite.emu, 'GET', `/2.0/sheets/${sheetId}`);
		assert.ok(sheet.text.startsWith(`{"id":${sheetId},`), sheet.text.slice(0, 40));
		const columnId = /"columns":\[\{"id":(\d+)/.exec(sheet.text)![1];
		const rowId = /"rows":\[\{"id":(\d+)/.exec(sheet.text)![1];
		assert.ok(BigInt(columnId) > TWO_TO_53 && BigInt(rowId) > TWO_TO_53);
		assert.ok(
			sheet.text.includes(`"sheetId":${sheetId}`) && sheet.text.includes(`"columnId":${columnId}`),
		);
		assert.doesNotMatch(sheet.text, /"(id|sheetId|columnId)":"/, 'IDs are never quoted');
	});

	test('are read back exactly from bare numbers and from digit strings', async () => {
		const big = await sheetByName(suite.emu, 'Big IDs');
		const [rowId] = big.rowIds;
		const columnId = big.columns.Name;
		const asNumbers = rawJson([{ id: rowId, cells: [{ columnId, value: 'from numbers' }] }]);
		assert.ok(asNumbers.includes(`"id":${rowId}`));
		const update = await call(suite.emu, 'PUT', `/2.0/sheets/${big.id}/rows`, {
			raw: asNumbers,
			headers: json,
		});
		assert.equal(update.status, 200, update.text);
		assert.ok(update.text.includes(`"id":${rowId},"sheetId":${big.id}`), update.text);
		const asStrings = await call(suite.emu, 'PUT', `/2.0/sheets/${big.id}/rows`, {
			body: [{ id: rowId, cells: [{ columnId, value: 'from strings' }] }],
		});
		assert.equal(asStrings.status, 200, asStrings.text);
		const row = await call(suite.emu, 'GET', `/2.0/sheets/${big.id}/rows/${rowId}`);
		assert.equal(row.json.cells[0].value, 'from strings');
		// The neighbouring ID (a double cannot tell them apart) is another row: Not Found.
		const rounded = (BigInt(rowId) - 1n).toString();
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${big.id}/rows`, {
				raw: `[{"id":${rounded},"cells":[]}]`,
				headers: json,
			}),
			404,
			1006,
		);
		const deleted = await call(suite.emu, 'DELETE', `/2.0/sheets/${big.id}/rows?ids=${rowId}`);
		assert.ok(deleted.text.includes(`"result":[${rowId}]`), deleted.text);
	});
});

describe('sheets', () => {
	const suite = useEmulator();

	test('list: IndexResult with offset paging; a page past the end returns the last page; includeAll', async () => {
		for (let i = 0; i < 3; i++)
			await admin(suite.emu, 'POST', '/sheets', { name: `extra ${i}`, rows: 0 });
		const first = await call(suite.emu, 'GET', '/2.0/sheets?pageSize=2&page=1');
		assert.deepEqual(Object.keys(first.json).sort(), [
			'data',
			'pageNumber',
			'pageSize',
			'totalCount',
			'totalPages',
		]);
		assert.deepEqual(
			[
				first.json.pageNumber,
				first.json.pageSize,
				first.json.totalPages,
				first.json.totalCount,
				first.json.data.length,
			],
			[1, 2, 3, 5, 2],
		);
		assert.deepEqual(Object.keys(first.json.data[0]).sort(), [
			'accessLevel',
			'createdAt',
			'id',
			'modifiedAt',
			'name',
			'permalink',
		]);
		assert.match(first.json.data[0].createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const beyond = await call(suite.emu, 'GET', '/2.0/sheets?pageSize=2&page=9');
		assert.deepEqual([beyond.json.pageNumber, beyond.json.data.length], [3, 1]);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/sheets')).json.pageSize,
			100,
			'default page size',
		);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/sheets?includeAll=true&pageSize=1')).json.data.length,
			5,
		);
		const versions = await call(suite.emu, 'GET', '/2.0/sheets?include=sheetVersion');
		assert.equal(typeof versions.json.data[0].version, 'number');
	});

	test('get: columns, rows with cells, Smartsheet field names; version; unknown sheet 404/1006', async () => {
		const { id, columns } = await tracker(suite.emu);
		const sheet = (await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json;
		for (const key of [
			'id',
			'name',
			'version',
			'totalRowCount',
			'accessLevel',
			'permalink',
			'createdAt',
			'modifiedAt',
			'columns',
			'rows',
		])
			assert.ok(key in sheet, key);
		assert.deepEqual(
			[sheet.name, sheet.totalRowCount, sheet.accessLevel, sheet.workspace?.name],
			['Project Tracker', 5, 'OWNER', 'Demo Workspace'],
		);
		assert.deepEqual(
			sheet.columns.map((column: any) => [
				column.title,
				column.type,
				column.primary ?? false,
				column.index,
			]),
			[
				['Task', 'TEXT_NUMBER', true, 0],
				['Status', 'PICKLIST', false, 1],
				['Due', 'DATE', false, 2],
				['Owner', 'CONTACT_LIST', false, 3],
				['Done', 'CHECKBOX', false, 4],
			],
		);
		assert.deepEqual(sheet.columns[1].options, ['Not Started', 'In Progress', 'Done']);
		const row = sheet.rows[0];
		for (const key of [
			'id',
			'rowNumber',
			'sheetId',
			'expanded',
			'createdAt',
			'modifiedAt',
			'cells',
		])
			assert.ok(key in row, key);
		assert.equal(row.rowNumber, 1);
		assert.deepEqual(row.cells[0], {
			columnId: columns.Task,
			value: 'Kickoff meeting',
			displayValue: 'Kickoff meeting',
		});
		assert.deepEqual(row.cells[4], { columnId: columns.Done, value: true });
		assert.deepEqual(row.cells[3], {
			columnId: columns.Owner,
			value: 'demo.user@example.com',
			displayValue: 'Demo User',
		});
		assert.deepEqual(
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/version`).then((reply) => reply.json),
			{ version: sheet.version },
		);
		assertError(await call(suite.emu, 'GET', '/2.0/sheets/1234567'), 404, 1006);
		assertError(await call(suite.emu, 'GET', '/2.0/sheets/1234567/version'), 404, 1006);
	});

	test('get with rowIds, rowNumbers, columnIds, rowsModifiedSince, page/pageSize, include, exclude, ifVersionAfter, numericDates', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const get = async (query: string) =>
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}?${query}`)).json;
		assert.deepEqual(
			(await get(`rowIds=${rowIds[1]},${rowIds[3]}`)).rows.map((row: any) => row.rowNumber),
			[2, 4],
		);
		assert.deepEqual(
			(await get('rowNumbers=2,3')).rows.map((row: any) => row.id),
			[rowIds[1], rowIds[2]],
		);
		const narrow = await get(`columnIds=${columns.Task},${columns.Done}`);
		assert.deepEqual(
			narrow.columns.map((column: any) => column.title),
			['Task', 'Done'],
		);
		assert.deepEqual(
			narrow.rows[0].cells.map((cell: any) => cell.columnId),
			[columns.Task, columns.Done],
		);
		const paged = await get('pageSize=2&page=2');
		assert.deepEqual(
			[paged.rows.map((row: any) => row.rowNumber), paged.totalRowCount],
			[[3, 4], 5],
		);
		assert.deepEqual(
			(await get('pageSize=2&page=99')).rows.map((row: any) => row.rowNumber),
			[5],
			'past the end: the last page',
		);
		const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
		assert.equal((await get(`rowsModifiedSince=${future}`)).rows.length, 0);
		const before = new Date((await stopClock(suite.emu)) + 5).toISOString();
		await advanceClock(suite.emu, 7);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: { id: rowIds[2], cells: [{ columnId: columns.Status, value: 'Done' }] },
		});
		assert.deepEqual(
			(await get(`rowsModifiedSince=${encodeURIComponent(before)}`)).rows.map((row: any) => row.id),
			[rowIds[2]],
		);
		// Cells never set: present as {columnId} unless exclude=nonexistentCells.
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { cells: [{ columnId: columns.Task, value: 'sparse' }] },
		});
		const withEmpty = await get('rowNumbers=6');
		assert.deepEqual(withEmpty.rows[0].cells[1], { columnId: columns.Status });
		assert.equal((await get('rowNumbers=6&exclude=nonexistentCells')).rows[0].cells.length, 1);
		assert.match((await get('rowNumbers=1&include=rowPermalink')).rows[0].permalink, /^https:\/\//);
		const current = (await get('')).version;
		assert.deepEqual(
			await get(`ifVersionAfter=${current}`),
			{ version: current },
			'unchanged: only the version',
		);
		assert.equal((await get(`ifVersionAfter=${current - 1}`)).rows.length, 6);
		assert.equal(typeof (await get('numericDates=true')).rows[0].createdAt, 'number');
	});

	test('the version goes up with every change to the sheet', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const version = async () =>
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/version`)).json.version as number;
		const start = await version();
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { cells: [{ columnId: columns.Task, value: 'new' }] },
		});
		assert.equal(await version(), start + 1);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: { id: rowIds[0], cells: [{ columnId: columns.Task, value: 'changed' }] },
		});
		await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/rows?ids=${rowIds[1]}`);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}`, { body: { name: 'Renamed' } });
		assert.equal(await version(), start + 4);
		await call(suite.emu, 'GET', `/2.0/sheets/${id}`);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: { cells: [{ columnId: '1', value: 'x' }] },
			}),
			400,
			1036,
		);
		assert.equal(await version(), start + 4, 'reads and failed writes change nothing');
	});

	test('create in Sheets, a folder or a workspace: exactly one TEXT_NUMBER primary column, unique titles', async () => {
		const columns = [
			{ title: 'A', type: 'TEXT_NUMBER', primary: true },
			{ title: 'B', type: 'PICKLIST', options: ['x', 'y'] },
		];
		const created = await call(suite.emu, 'POST', '/2.0/sheets', {
			body: { name: 'New', columns },
		});
		assert.deepEqual(
			[created.status, created.json.message, created.json.resultCode],
			[200, 'SUCCESS', 0],
		);
		assert.deepEqual(
			[
				created.json.result.name,
				created.json.result.accessLevel,
				created.json.result.columns.length,
			],
			['New', 'OWNER', 2],
		);
		assert.equal(
			(
				await call(suite.emu, 'GET', `/2.0/sheets/${created.json.result.id}`)
			).json.columns[1].options.join(),
			'x,y',
		);
		const workspace = suite.emu.state.workspaces[0].id;
		const folder = suite.emu.state.folders[0].id;
		assert.equal(
			(
				await call(suite.emu, 'POST', `/2.0/workspaces/${workspace}/sheets`, {
					body: { name: 'In workspace', columns },
				})
			).status,
			200,
		);
		assert.equal(
			(
				await call(suite.emu, 'POST', `/2.0/folders/${folder}/sheets`, {
					body: { name: 'In folder', columns },
				})
			).status,
			200,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/folders/123/sheets', { body: { name: 'x', columns } }),
			404,
			1006,
		);
		const bad = async (body: unknown, errorCode: number) =>
			assertError(await call(suite.emu, 'POST', '/2.0/sheets', { body }), 400, errorCode);
		await bad({ name: 'x', columns: [{ title: 'A', type: 'TEXT_NUMBER' }] }, 1055);
		await bad(
			{
				name: 'x',
				columns: [
					{ title: 'A', type: 'TEXT_NUMBER', primary: true },
					{ title: 'B', type: 'TEXT_NUMBER', primary: true },
				],
			},
			1055,
		);
		await bad({ name: 'x', columns: [{ title: 'A', type: 'DATE', primary: true }] }, 1057);
		await bad(
			{
				name: 'x',
				columns: [
					{ title: 'A', type: 'TEXT_NUMBER', primary: true },
					{ title: 'A', type: 'DATE' },
				],
			},
			1056,
		);
		await bad({ columns }, 1012);
		await bad({ name: 'x' }, 1012);
		await bad({ name: 'x', columns: [{ type: 'TEXT_NUMBER', primary: true }] }, 1012);
	});
});

describe('rows', () => {
	const suite = useEmulator();

	test('add one row (object) or many (array): SUCCESS, resultCode 0, version, rows in Smartsheet’s shape', async () => {
		const { id, columns } = await tracker(suite.emu);
		const one = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: {
				toBottom: true,
				cells: [
					{ columnId: columns.Task, value: 'one' },
					{ columnId: columns.Done, value: false },
				],
			},
		});
		assert.deepEqual(
			[one.status, one.json.message, one.json.resultCode, typeof one.json.version],
			[200, 'SUCCESS', 0, 'number'],
		);
		const [row] = one.json.result;
		assert.deepEqual([row.rowNumber, row.sheetId, row.expanded], [6, id, true]);
		assert.deepEqual(row.cells.slice(0, 1), [
			{ columnId: columns.Task, value: 'one', displayValue: 'one' },
		]);
		const many = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: [
				{ toTop: true, cells: [{ columnId: columns.Task, value: 'a' }] },
				{ toTop: true, cells: [{ columnId: columns.Task, formula: '=2*3' }] },
			],
		});
		assert.deepEqual(
			many.json.result.map((r: any) => r.rowNumber),
			[1, 2],
		);
		assert.deepEqual(many.json.result[1].cells[0], {
			columnId: columns.Task,
			value: 6,
			displayValue: '6',
			formula: '=2*3',
		});
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length, 8);
	});

	test('locations: parentId, siblingId (+above); they must agree across rows (1123); bad ones 1062/1063/1064', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const cells = (value: string) => [{ columnId: columns.Task, value }];
		const child = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { parentId: rowIds[0], cells: cells('child') },
		});
		assert.deepEqual(
			[child.json.result[0].rowNumber, child.json.result[0].parentId],
			[2, rowIds[0]],
		);
		const last = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { parentId: rowIds[0], toBottom: true, cells: cells('last child') },
		});
		assert.deepEqual(
			[last.json.result[0].rowNumber, last.json.result[0].siblingId],
			[3, child.json.result[0].id],
		);
		const above = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { siblingId: rowIds[2], above: true, cells: cells('above') },
		});
		assert.equal(above.json.result[0].rowNumber, 5);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: [
					{ toTop: true, cells: [] },
					{ toBottom: true, cells: [] },
				],
			}),
			400,
			1123,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: [
					{ parentId: rowIds[0], cells: [] },
					{ parentId: rowIds[1], cells: [] },
				],
			}),
			400,
			1123,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: { toTop: true, toBottom: true, cells: [] },
			}),
			400,
			1062,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: { parentId: '123', cells: [] },
			}),
			400,
			1063,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: { siblingId: '123', cells: [] },
			}),
			400,
			1064,
		);
		// Moving a row on update; deleting a parent deletes its children.
		const moved = await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: { id: rowIds[4], toTop: true },
		});
		assert.equal(moved.json.result[0].rowNumber, 1);
		const deleted = await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/rows?ids=${rowIds[0]}`);
		assert.equal(deleted.status, 200);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length,
			5,
			'8 rows − the parent and its 2 children',
		);
	});

	test('all or nothing: the first bad row fails the request with detail {index, rowId}; nothing changes', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const version = (await call(suite.emu, 'GET', `/2.0/sheets/${id}/version`)).json.version;
		const add = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: [
				{ cells: [{ columnId: columns.Task, value: 'fine' }] },
				{ cells: [{ columnId: '1', value: 'bad column' }] },
				{ cells: [{ columnId: columns.Task, formula: 'x' }] },
			],
		});
		assertError(add, 400, 1036);
		assert.deepEqual(add.json.detail, { index: 1, rowId: null });
		const update = await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [
				{ id: rowIds[0], cells: [{ columnId: columns.Task, value: 'changed' }] },
				{ id: rowIds[1], cells: [{ columnId: columns.Task, value: 'x'.repeat(4001) }] },
			],
		});
		assertError(update, 400, 1041);
		assert.deepEqual(update.json.detail, { index: 1, rowId: rowIds[1] });
		const sheet = (await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json;
		assert.deepEqual(
			[sheet.rows.length, sheet.version, sheet.rows[0].cells[0].value],
			[5, version, 'Kickoff meeting'],
		);
	});

	test('a hyperlink cell keeps its URL with its text; a hyperlink that is not {url: http(s)://…} is 1008, and a formula beside one 1163', async () => {
		const { id, columns } = await tracker(suite.emu);
		const added = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: [
				{
					cells: [
						{
							columnId: columns.Task,
							value: 'Spec',
							hyperlink: { url: 'https://example.com/spec' },
						},
					],
				},
			],
		});
		assert.equal(added.status, 200);
		const rowId = String(added.json.result[0].id);
		const row = (await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowId}`)).json;
		assert.deepEqual(
			[row.cells[0].value, row.cells[0].hyperlink],
			['Spec', { url: 'https://example.com/spec' }],
		);
		for (const hyperlink of [{ url: 'ftp://example.com' }, { url: 42 }, 'https://example.com']) {
			assertError(
				await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
					body: [{ cells: [{ columnId: columns.Task, value: 'x', hyperlink }] }],
				}),
				400,
				1008,
			);
		}
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: [
					{
						cells: [
							{ columnId: columns.Task, formula: '=1', hyperlink: { url: 'https://example.com' } },
						],
					},
				],
			}),
			400,
			1163,
		);
	});

	test('allowPartialSuccess=true: PARTIAL_SUCCESS, resultCode 3, good rows saved, failedItems [{index, rowId, error}]', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const task = columns.Task;
		const rows = [
			{ cells: [{ columnId: task, value: 'ok' }] },
			{ cells: [{ columnId: task, value: 'x'.repeat(4001) }] },
			{ cells: [{ columnId: task, formula: 'SUM(1)' }] },
			{ cells: [{ columnId: task, formula: '=1', value: 2 }] },
			{ cells: [{ columnId: task, value: 1, objectValue: 2 }] },
			{
				cells: [
					{ columnId: task, value: 1 },
					{ columnId: task, value: 2 },
				],
			},
			{ cells: [{ columnId: '77', value: 1 }] },
			{ cells: [{ columnId: columns.Done, value: 'yes' }] },
			{ cells: [{ columnId: columns.Owner, value: 'not an email' }] },
			{ cells: [{ columnId: task, value: { a: 1 } }] },
			{ createdAt: '2026-01-01T00:00:00Z', cells: [] },
			{
				cells: [
					{ columnId: columns.Done, value: 'yes', strict: false },
					{ columnId: columns.Due, value: '2026-12-24' },
				],
			},
		];
		const reply = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows?allowPartialSuccess=true`, {
			body: rows,
		});
		assert.deepEqual(
			[reply.status, reply.json.message, reply.json.resultCode, reply.json.result.length],
			[200, 'PARTIAL_SUCCESS', 3, 2],
		);
		assert.deepEqual(
			reply.json.failedItems.map((item: any) => [
				item.index,
				item.rowId,
				item.error.errorCode,
				typeof item.error.message,
				typeof item.error.refId,
			]),
			[
				[1, 1041],
				[2, 1162],
				[3, 1163],
				[4, 1130],
				[5, 1037],
				[6, 1036],
				[7, 1042],
				[8, 1042],
				[9, 1038],
				[10, 1032],
			].map(([index, code]) => [index, null, code, 'string', 'string']),
		);
		assert.equal(reply.json.result[1].cells[4].value, true, 'strict:false reads "yes" as checked');
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length, 7);
		const update = await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows?allowPartialSuccess=true`, {
			body: [
				{ id: rowIds[0], cells: [{ columnId: task, value: 'renamed' }] },
				{ id: '999', cells: [] },
				{ id: rowIds[1], rowNumber: 9, cells: [] },
			],
		});
		assert.deepEqual(
			update.json.failedItems.map((item: any) => [item.index, item.rowId, item.error.errorCode]),
			[
				[1, 999, 1006],
				[2, rowIds[1], 1032],
			],
		);
		assert.equal(update.json.result[0].cells[0].value, 'renamed');
	});

	test('overrideValidation needs admin access (403/1212)', async () => {
		const { id, columns } = await tracker(suite.emu);
		const body = { cells: [{ columnId: columns.Task, value: 'x' }] };
		assert.equal(
			(await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows?overrideValidation=true`, { body }))
				.status,
			200,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'EDITOR' });
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows?overrideValidation=true`, { body }),
			403,
			1212,
		);
		assert.equal((await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, { body })).status, 200);
	});

	test('at most 500 rows per request: 501 → 400/1160 (detail says the limit); 500 go through', async () => {
		const { id, columns } = await tracker(suite.emu);
		const many = Array.from({ length: 501 }, (_, i) => ({
			cells: [{ columnId: columns.Task, value: `r${i}` }],
		}));
		const refused = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, { body: many });
		assertError(refused, 400, 1160);
		assert.deepEqual(refused.json.detail, { maxRowCount: 500, rowCount: 501 });
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
				body: many.map((row) => ({ ...row, id: '1' })),
			}),
			400,
			1160,
		);
		const accepted = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: many.slice(0, 500),
		});
		assert.equal(accepted.json.result.length, 500);
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.totalRowCount, 505);
	});

	test('update: needs id (1012), refuses read-only attributes (1032) and rows not in the sheet (404/1006); clears cells with ""', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const ok = await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [
				{
					id: rowIds[0],
					cells: [
						{ columnId: columns.Status, value: 'Done' },
						{ columnId: columns.Due, value: '' },
					],
				},
			],
		});
		assert.equal(ok.json.message, 'SUCCESS');
		assert.deepEqual(ok.json.result[0].cells.slice(1, 3), [
			{ columnId: columns.Status, value: 'Done', displayValue: 'Done' },
			{ columnId: columns.Due },
		]);
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, { body: [{ cells: [] }] }),
			400,
			1012,
		);
		for (const key of ['rowNumber', 'createdAt', 'modifiedAt', 'sheetId']) {
			assertError(
				await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
					body: [{ id: rowIds[0], [key]: 1, cells: [] }],
				}),
				400,
				1032,
			);
		}
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, { body: [{ id: '123', cells: [] }] }),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: [{ id: rowIds[0], cells: [] }],
			}),
			400,
			1032,
		);
	});

	test('delete by ids: ignoreRowsNotFound=false + a missing id → 404/1006 and nothing deleted; true → the found ones', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/rows?ids=${rowIds[0]},123`),
			404,
			1006,
		);
		assertError(
			await call(
				suite.emu,
				'DELETE',
				`/2.0/sheets/${id}/rows?ids=${rowIds[0]},123&ignoreRowsNotFound=false`,
			),
			404,
			1006,
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length,
			5,
			'nothing deleted',
		);
		const lenient = await call(
			suite.emu,
			'DELETE',
			`/2.0/sheets/${id}/rows?ids=${rowIds[0]},123,${rowIds[1]}&ignoreRowsNotFound=true`,
		);
		assert.deepEqual(
			[lenient.json.message, lenient.json.resultCode, lenient.json.result],
			['SUCCESS', 0, [rowIds[0], rowIds[1]]],
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowIds[0]}`), 404, 1006);
		assertError(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/rows`), 400, 1009);
	});

	test('get one row: the row, its number, its cells', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const row = (await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowIds[2]}`)).json;
		assert.deepEqual(
			[row.id, row.sheetId, row.rowNumber, row.cells[0].value],
			[rowIds[2], id, 3, 'Design review'],
		);
		assert.equal(
			(
				await call(
					suite.emu,
					'GET',
					`/2.0/sheets/${id}/rows/${rowIds[2]}?columnIds=${columns.Status}`,
				)
			).json.cells.length,
			1,
		);
	});
});

describe('attachments', () => {
	const suite = useEmulator();

	function upload(path: string, name = 'hello.txt', content = 'hello') {
		const form = new FormData();
		form.append('file', new Blob([content], { type: 'text/plain' }), name);
		return fetch(`${suite.emu.apiBase}${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${PAT}` },
			body: form,
		});
	}

	test('multipart upload to a sheet or a row; list; get with a temporary URL', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const toSheet = await upload(`/sheets/${id}/attachments`);
		const uploaded = (await toSheet.json()) as any;
		assert.deepEqual(
			[
				toSheet.status,
				uploaded.message,
				uploaded.result.name,
				uploaded.result.attachmentType,
				uploaded.result.sizeInKb,
				uploaded.result.parentType,
			],
			[200, 'SUCCESS', 'hello.txt', 'FILE', 1, 'SHEET'],
		);
		const toRow = (await (
			await upload(`/sheets/${id}/rows/${rowIds[0]}/attachments`, 'row.txt')
		).json()) as any;
		assert.equal(toRow.result.parentType, 'ROW');
		const list = await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments`);
		assert.equal(list.json.totalCount, 2);
		const one = await call(
			suite.emu,
			'GET',
			`/2.0/sheets/${id}/attachments/${list.json.data[0].id}`,
		);
		assert.deepEqual([typeof one.json.url, one.json.urlExpiresInMillis], ['string', 120_000]);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments/123`), 404, 1006);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, {
				raw: 'hello',
				headers: { 'content-type': 'text/plain' },
			}),
			415,
			1124,
		);
		assert.equal((await upload(`/sheets/${id}/rows/123/attachments`)).status, 404);
	});
});

describe('columns and users', () => {
	const suite = useEmulator();

	test('columns: IndexResult with paging; add at an index, update, delete', async () => {
		const { id, columns } = await tracker(suite.emu);
		const list = await call(suite.emu, 'GET', `/2.0/sheets/${id}/columns?pageSize=2&page=3`);
		assert.deepEqual(
			[
				list.json.pageNumber,
				list.json.totalPages,
				list.json.totalCount,
				list.json.data.map((column: any) => column.title),
			],
			[3, 3, 5, ['Done']],
		);
		const added = await call(suite.emu, 'POST', `/2.0/sheets/${id}/columns`, {
			body: [{ title: 'Notes', type: 'TEXT_NUMBER', index: 1 }],
		});
		assert.deepEqual(
			[added.json.message, added.json.result[0].index, added.json.result[0].title],
			['SUCCESS', 1, 'Notes'],
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/columns`, {
				body: [{ title: 'Notes', type: 'TEXT_NUMBER', index: 1 }],
			}),
			400,
			1056,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/columns`, {
				body: [{ title: 'No index', type: 'TEXT_NUMBER' }],
			}),
			400,
			1012,
		);
		const updated = await call(suite.emu, 'PUT', `/2.0/sheets/${id}/columns/${columns.Status}`, {
			body: { title: 'State', options: ['Open', 'Closed'] },
		});
		assert.deepEqual(
			[updated.json.result.title, updated.json.result.options],
			['State', ['Open', 'Closed']],
		);
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/columns/${columns.Task}`, {
				body: { type: 'DATE' },
			}),
			400,
			1057,
		);
		assert.equal(
			(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/columns/${columns.Due}`)).json.message,
			'SUCCESS',
		);
		assertError(
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/columns/${columns.Due}`),
			404,
			1006,
		);
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows[0].cells.length, 5);
	});

	test('users/me and users (offset paging)', async () => {
		const me = (await call(suite.emu, 'GET', '/2.0/users/me')).json;
		assert.deepEqual(Object.keys(me).sort(), [
			'account',
			'email',
			'firstName',
			'id',
			'lastName',
			'locale',
			'timeZone',
		]);
		assert.deepEqual(
			[me.email, me.id, me.account.name],
			['demo.user@example.com', '4856934849340121', 'Demo Account'],
		);
		const users = (await call(suite.emu, 'GET', '/2.0/users?page=5')).json;
		assert.deepEqual(
			[users.pageNumber, users.totalCount, users.data[0].email],
			[1, 1, 'demo.user@example.com'],
		);
	});
});

describe('generated big sheets', () => {
	const suite = useEmulator();

	test('POST /__admin/sheets makes a 20,000-row sheet quickly; it reads whole and page by page', async () => {
		const columns = [
			{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
			{ title: 'A', type: 'TEXT_NUMBER' },
			{ title: 'Due', type: 'DATE' },
			{ title: 'Ok', type: 'CHECKBOX' },
		];
		const { id } = await admin(suite.emu, 'POST', '/sheets', {
			name: 'Big',
			rows: 20_000,
			columns,
		});
		const sheet = await call(suite.emu, 'GET', `/2.0/sheets/${id}`);
		assert.equal(sheet.json.rows.length, 20_000);
		assert.deepEqual(
			sheet.json.rows[19_999].cells.map((cell: any) => cell.value),
			['Name 20000', 'A 20000', '2080-10-03', false],
		);
		const lastPage = await call(
			suite.emu,
			'GET',
			`/2.0/sheets/${id}?pageSize=500&page=40&exclude=nonexistentCells`,
		);
		assert.deepEqual(
			[lastPage.json.rows.length, lastPage.json.rows[0].rowNumber, lastPage.json.totalRowCount],
			[500, 19_501, 20_000],
		);
		// Made in memory by the one admin call, not row by row: the API saw only the two reads.
		assert.equal((await admin(suite.emu, 'GET', '/stats')).requests, 2);
	});
});
