// Each operation against the emulator through n8n's engine (success paths; failures are covered
// by failureRouting and conservation).
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { jsonOf, OAUTH_CREDENTIAL, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('operations', () => {
	const suite = useEmulator();
	let sheetId: string;
	const locator = () => ({ __rl: true, mode: 'id', value: sheetId });
	const pat = { authentication: 'accessToken' };
	beforeEach(async () => {
		sheetId = (await suite.fx.sheet('Project Tracker')).id;
	});

	test('sheet list and get (rows flattened by column title)', async () => {
		const sheets = jsonOf(
			await suite.fx.run({ ...pat, resource: 'sheet', operation: 'list' }),
			OUTPUT.success,
		);
		assert.deepEqual(sheets.map((sheet) => sheet.name).sort(), ['Big IDs', 'Project Tracker']);
		const [sheet] = jsonOf(
			await suite.fx.run({ ...pat, resource: 'sheet', operation: 'get', sheetId: locator() }),
			OUTPUT.success,
		);
		const rows = sheet.rows as any[];
		assert.equal(rows.length, 5);
		assert.equal(rows[0].Task, 'Kickoff meeting');
		assert.equal(rows[0].Done, true);
		assert.equal(typeof rows[0].id, 'string');
	});

	test('sheet get with column and row filters: only those cells and rows; a filter that is not numbers → Payload without a request', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const full = (await suite.fx.api<any>('GET', `/sheets/${sheetId}`)).rows.map((row: any) =>
			String(row.id),
		);
		const status = sheet.columns.find((column) => column.title === 'Status')!.id;
		const [picked] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'get',
				sheetId: locator(),
				sheetOptions: { columnIds: [status], rowIds: `${full[1]}, ${full[3]}` },
			}),
			OUTPUT.success,
		);
		const rows = picked.rows as any[];
		assert.deepEqual(
			rows.map((row) => row.id),
			[full[1], full[3]],
		);
		assert.deepEqual(Object.keys(rows[0]).sort(), ['Status', 'id', 'rowNumber']);
		const [byNumber] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'get',
				sheetId: locator(),
				sheetOptions: { rowNumbers: '5,1' },
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			(byNumber.rows as any[]).map((row) => row.rowNumber),
			[1, 5],
		);
		const before = (await suite.fx.stats()).requests;
		const bad = await suite.fx.run({
			...pat,
			resource: 'sheet',
			operation: 'get',
			sheetId: locator(),
			sheetOptions: { rowNumbers: 'first' },
		});
		assert.match(
			(jsonOf(bad, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Row numbers must be numbers separated by commas, got "first"/,
		);
		assert.equal((await suite.fx.stats()).requests, before, 'no request sent');
	});

	test("the sheet picker (listSearch searchSheets) filters by name, with each sheet's ID and link", async () => {
		const all = await suite.fx.listSearch('searchSheets', pat);
		assert.deepEqual(all.results.map((entry) => entry.name).sort(), ['Big IDs', 'Project Tracker']);
		assert.equal(all.paginationToken, undefined);
		const [tracker] = (await suite.fx.listSearch('searchSheets', pat, 'TRACK')).results;
		assert.deepEqual(
			[tracker.name, tracker.value, tracker.url],
			['Project Tracker', sheetId, `https://app.smartsheet.com/sheets/${sheetId}`],
		);
	});

	test('column list', async () => {
		const columns = jsonOf(
			await suite.fx.run({ ...pat, resource: 'column', operation: 'list', sheetId: locator() }),
			OUTPUT.success,
		);
		assert.deepEqual(
			columns.map((column) => column.title),
			['Task', 'Status', 'Due', 'Owner', 'Done'],
		);
	});

	test('row add → get → update → delete, with pairedItem to each input', async () => {
		const added = await suite.fx.run(
			{ ...pat, resource: 'row', operation: 'add', sheetId: locator() },
			[
				{ Task: 'first', Status: 'Done' },
				{ Task: 'second', unknownField: 'ignored' },
			],
		);
		const rows = jsonOf(added, OUTPUT.success);
		assert.deepEqual(
			rows.map((row) => row.Task),
			['first', 'second'],
		);
		assert.deepEqual(
			added.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		const [got] = jsonOf(
			await suite.fx.run(
				{ ...pat, resource: 'row', operation: 'get', sheetId: locator(), rowId: '={{ $json.id }}' },
				[rows[0]],
			),
			OUTPUT.success,
		);
		assert.equal(got.Status, 'Done');
		const [updated] = jsonOf(
			await suite.fx.run(
				{
					...pat,
					resource: 'row',
					operation: 'update',
					sheetId: locator(),
					rowId: '={{ $json.id }}',
				},
				[{ id: rows[1].id, Status: 'In Progress' }],
			),
			OUTPUT.success,
		);
		assert.equal(updated.Status, 'In Progress');
		assert.equal(updated.Task, 'second');
		const deleted = await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation: 'delete',
				sheetId: locator(),
				rowId: '={{ $json.id }}',
			},
			[rows[0], { id: '12345' }],
		);
		assert.deepEqual(jsonOf(deleted, OUTPUT.success), [{ id: rows[0].id, deleted: true }]);
		assert.match(
			(jsonOf(deleted, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/not found/,
		);
	});

	/** Row: Add with the cells defined in the node; the added row's cells as Smartsheet returned them. */
	const addDefinedRaw = async (
		cell: IDataObject[],
		rowOptions: IDataObject = {},
	): Promise<any[]> => {
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation: 'add',
				sheetId: locator(),
				dataMode: 'define',
				cells: { cell } as INodeParameters,
				rowOptions: { raw: true, ...rowOptions } as INodeParameters,
			},
			[{}],
		);
		const [row] = jsonOf(result, OUTPUT.success);
		return row.cells as any[];
	};

	test('cells defined in the node, formulas and lenient values', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const cells = await addDefinedRaw([
			{ column: sheet.columns[0].id, formula: '1+1' },
			{ column: 'Status', value: 'Done' },
		]);
		assert.equal(cells[0].formula, '=1+1');
		assert.equal(cells[1].value, 'Done');
	});

	test('a cell defined as a hyperlink: the value is its text, or the URL when no text is given', async () => {
		const [task, status] = await addDefinedRaw(
			[
				{ column: 'Task', value: 'The spec', hyperlink: 'https://example.com/spec' },
				{ column: 'Status', value: '', hyperlink: 'https://example.com/status' },
			],
			{ strict: false },
		);
		assert.deepEqual(
			[task.value, task.hyperlink],
			['The spec', { url: 'https://example.com/spec' }],
		);
		assert.deepEqual(
			[status.value, status.hyperlink],
			['https://example.com/status', { url: 'https://example.com/status' }],
		);
	});

	test('an ID above 2^53 round-trips unchanged', async () => {
		const big = await suite.fx.sheet('Big IDs');
		assert.ok(BigInt(big.id) > 2n ** 53n);
		const [sheet] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'get',
				sheetId: { __rl: true, mode: 'id', value: big.id },
			}),
			OUTPUT.success,
		);
		assert.equal(sheet.id, big.id);
		const rowId = (sheet.rows as any[])[0].id as string;
		assert.ok(BigInt(rowId) > 2n ** 53n);
		const [updated] = jsonOf(
			await suite.fx.run(
				{
					...pat,
					resource: 'row',
					operation: 'update',
					sheetId: { __rl: true, mode: 'id', value: big.id },
					rowId: '={{ $json.id }}',
				},
				[{ id: rowId, Name: 'renamed' }],
			),
			OUTPUT.success,
		);
		assert.equal(updated.id, rowId);
		assert.equal(updated.Name, 'renamed');
	});

	test('attachment upload survives a token refresh: the multipart body is sent again whole', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const file = Buffer.from('hello smartsheet '.repeat(1000));
		const result = await suite.fx.run(
			{
				resource: 'attachment',
				operation: 'upload',
				sheetId: locator(),
				attachTo: 'sheet',
				binaryPropertyName: 'data',
			},
			[{}],
			{
				binary: {
					data: { data: file.toString('base64'), mimeType: 'text/plain', fileName: 'notes.txt' },
				},
			},
		);
		const [attachment] = jsonOf(result, OUTPUT.success);
		assert.equal(attachment.name, 'notes.txt');
		assert.equal(attachment.sizeInKb, Math.ceil(file.length / 1024));
		const stats = await suite.fx.stats();
		assert.equal(stats.tokenRefreshes, 1);
		assert.equal(
			stats.byRoute['POST /2.0/sheets/{sheetId}/attachments'],
			2,
			'rejected once (expired), then sent again',
		);
		assert.notEqual(suite.fx.store.tokenData(OAUTH_CREDENTIAL.id).access_token, pair.access_token);
	});

	test('attachment upload near expiry refreshes first', async () => {
		const pair = await suite.fx.issueTokens({ ttlSeconds: 3600 });
		suite.fx.putOAuth(pair, { expiresAtMs: Date.now() + 10_000 });
		const result = await suite.fx.run(
			{
				resource: 'attachment',
				operation: 'upload',
				sheetId: locator(),
				attachTo: 'sheet',
				binaryPropertyName: 'data',
			},
			[{}],
			{
				binary: {
					data: {
						data: Buffer.from('x').toString('base64'),
						mimeType: 'text/plain',
						fileName: 'x.txt',
					},
				},
			},
		);
		assert.equal(jsonOf(result, OUTPUT.success).length, 1);
		const stats = await suite.fx.stats();
		assert.equal(stats.byRoute['POST /2.0/sheets/{sheetId}/attachments'], 1);
		assert.equal(stats.expiredTokenRequests, 0);
	});
});

describe('sheet and column management', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };

	test('create a sheet in a workspace, get its version, rename it, add/update/delete a column, delete it', async () => {
		const fx = suite.fx;
		const workspaceId = fx.emulator.emulator.state.workspaces[0].id;
		const [created] = jsonOf(
			await fx.run({
				...pat,
				resource: 'sheet',
				operation: 'create',
				name: 'Made by n8n',
				destination: 'workspace',
				containerId: workspaceId,
				columns: {
					column: [
						{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
						{ title: 'When', type: 'DATE', primary: false },
					],
				},
			}),
			OUTPUT.success,
		);
		assert.equal(created.name, 'Made by n8n');
		const sheetId = { __rl: true as const, mode: 'id', value: String(created.id) };
		const [before] = jsonOf(
			await fx.run({ ...pat, resource: 'sheet', operation: 'getVersion', sheetId }),
			OUTPUT.success,
		);
		const [renamed] = jsonOf(
			await fx.run({ ...pat, resource: 'sheet', operation: 'rename', sheetId, newName: 'Renamed' }),
			OUTPUT.success,
		);
		assert.equal(renamed.name, 'Renamed');
		const [after] = jsonOf(
			await fx.run({ ...pat, resource: 'sheet', operation: 'getVersion', sheetId }),
			OUTPUT.success,
		);
		assert.ok((after.version as number) > (before.version as number), 'the version moved');
		const [column] = jsonOf(
			await fx.run({
				...pat,
				resource: 'column',
				operation: 'add',
				sheetId,
				title: 'Status',
				columnType: 'PICKLIST',
				dropdownOptions: 'Open, Done',
				index: 1,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			[column.title, column.type, column.options],
			['Status', 'PICKLIST', ['Open', 'Done']],
		);
		const [updated] = jsonOf(
			await fx.run({
				...pat,
				resource: 'column',
				operation: 'update',
				sheetId,
				columnId: String(column.id),
				title: 'State',
				columnType: '',
				dropdownOptions: '',
			}),
			OUTPUT.success,
		);
		assert.equal(updated.title, 'State');
		const nothing = await fx.run({
			...pat,
			resource: 'column',
			operation: 'update',
			sheetId,
			columnId: String(column.id),
			title: '',
			columnType: '',
			dropdownOptions: '',
		});
		assert.match(
			(jsonOf(nothing, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Nothing to change/,
		);
		assert.equal(
			jsonOf(
				await fx.run({
					...pat,
					resource: 'column',
					operation: 'delete',
					sheetId,
					columnId: String(column.id),
				}),
				OUTPUT.success,
			).length,
			1,
		);
		const columns = jsonOf(
			await fx.run({ ...pat, resource: 'column', operation: 'list', sheetId }),
			OUTPUT.success,
		);
		assert.deepEqual(
			columns.map((entry) => entry.title),
			['Name', 'When'],
		);
		assert.deepEqual(
			jsonOf(
				await fx.run({ ...pat, resource: 'sheet', operation: 'delete', sheetId }),
				OUTPUT.success,
			),
			[{ id: created.id, deleted: true }],
		);
		const gone = await fx.run({ ...pat, resource: 'sheet', operation: 'getVersion', sheetId });
		assert.equal((jsonOf(gone, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1006);
	});

	test('a sheet without exactly one primary column is refused before any request', async () => {
		const result = await suite.fx.run({
			...pat,
			resource: 'sheet',
			operation: 'create',
			name: 'x',
			destination: 'home',
			columns: { column: [{ title: 'A', type: 'TEXT_NUMBER', primary: false }] },
		});
		assert.match(
			(jsonOf(result, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/exactly one column as primary/,
		);
		assert.equal((await suite.fx.stats()).requests, 0);
	});

	test('a viewer cannot add a column: Permission output', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await suite.fx.admin('POST', '/access', { sheetId: sheet.id, accessLevel: 'VIEWER' });
		const result = await suite.fx.run({
			...pat,
			resource: 'column',
			operation: 'add',
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			title: 'New',
			columnType: 'TEXT_NUMBER',
			index: 1,
		});
		assert.equal((jsonOf(result, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
	});
});

describe('row list and upsert', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };

	test('list reads every page and filters locally', async () => {
		const fx = suite.fx;
		const { id } = await fx.admin<{ id: string }>('POST', '/sheets', { name: 'Many', rows: 1_234 });
		const sheetId = { __rl: true, mode: 'id', value: id };
		const all = jsonOf(
			await fx.run({ ...pat, resource: 'row', operation: 'list', sheetId }),
			OUTPUT.success,
		);
		assert.equal(all.length, 1_234);
		assert.equal((await fx.stats()).byRoute['GET /2.0/sheets/{sheetId}'], 3, 'three pages of 500');
		const some = jsonOf(
			await fx.run({
				...pat,
				resource: 'row',
				operation: 'list',
				sheetId,
				filters: {
					condition: [
						{ column: 'Name', operator: 'equals', value: 'Name 7' },
						{ column: 'Name', operator: 'contains', value: 'name 1233' },
					],
				},
				combinator: 'or',
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			some.map((row) => row.Name),
			['Name 7', 'Name 1233'],
		);
		const unknown = await fx.run({
			...pat,
			resource: 'row',
			operation: 'list',
			sheetId,
			filters: { condition: [{ column: 'Nope', operator: 'isEmpty', value: '' }] },
		});
		assert.match(
			(jsonOf(unknown, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/no column "Nope"/,
		);
	});

	test('upsert updates rows whose key exists and adds the others, in bulk', async () => {
		const fx = suite.fx;
		const sheet = await fx.sheet('Project Tracker');
		const sheetId = { __rl: true, mode: 'id', value: sheet.id };
		const result = await fx.run(
			{ ...pat, resource: 'row', operation: 'upsert', sheetId, keyColumn: 'Task' },
			[
				{ Task: 'Launch', Status: 'Done' },
				{ Task: 'Celebrate', Status: 'Not Started' },
				{ Status: 'no key' },
			],
		);
		const [launch, celebrate] = jsonOf(result, OUTPUT.success);
		assert.deepEqual([launch.Task, launch.Status, launch.rowNumber], ['Launch', 'Done', 5]);
		assert.deepEqual([celebrate.Task, celebrate.rowNumber], ['Celebrate', 6]);
		assert.match(
			(jsonOf(result, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/no value for the key column/,
		);
		const stats = await fx.stats();
		assert.equal(stats.byRoute['PUT /2.0/sheets/{sheetId}/rows'], 1);
		assert.equal(stats.byRoute['POST /2.0/sheets/{sheetId}/rows'], 1);
	});
});
