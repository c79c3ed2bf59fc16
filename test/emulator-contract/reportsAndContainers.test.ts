// Reports and workspaces and folders in Smartsheet's JSON shapes, with token paging
// where Smartsheet now requires it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admin, assertError, call, PAT, TWO_TO_53, tracker, useEmulator } from './client';

async function reportByName(emu: Parameters<typeof call>[0], name: string): Promise<string> {
	const list = await call(emu, 'GET', '/2.0/reports');
	const report = list.json.data.find((candidate: any) => candidate.name === name);
	assert.ok(report, `no report named ${name}`);
	return String(report.id);
}

describe('reports', () => {
	const suite = useEmulator();

	test('list: IndexResult of {id, name, accessLevel, permalink, isSummaryReport}; a report at NONE leaves it', async () => {
		const list = await call(suite.emu, 'GET', '/2.0/reports');
		assert.deepEqual([list.json.pageNumber, list.json.totalCount], [1, 1]);
		const [report] = list.json.data;
		assert.deepEqual(Object.keys(report).sort(), [
			'accessLevel',
			'id',
			'isSummaryReport',
			'name',
			'permalink',
		]);
		assert.deepEqual(
			[report.name, report.accessLevel, report.isSummaryReport],
			['Open Tasks', 'OWNER', false],
		);
		await admin(suite.emu, 'POST', '/access', { reportId: report.id, accessLevel: 'NONE' });
		assert.equal((await call(suite.emu, 'GET', '/2.0/reports')).json.totalCount, 0);
		assertError(await call(suite.emu, 'GET', `/2.0/reports/${report.id}`), 403, 1004);
	});

	test('get: virtual columns, rows with sheetId and virtualColumnId, the saved filter applied', async () => {
		const sheet = await tracker(suite.emu);
		const id = await reportByName(suite.emu, 'Open Tasks');
		const report = (await call(suite.emu, 'GET', `/2.0/reports/${id}`)).json;
		for (const key of [
			'id',
			'name',
			'totalRowCount',
			'accessLevel',
			'permalink',
			'columns',
			'rows',
		])
			assert.ok(key in report, key);
		assert.deepEqual(
			report.columns.map((column: any) => [column.title, column.type, column.index]),
			[
				['Task', 'TEXT_NUMBER', 0],
				['Status', 'PICKLIST', 1],
				['Due', 'DATE', 2],
			],
		);
		const [task] = report.columns;
		assert.ok(
			task.virtualId && String(task.virtualId) !== sheet.columns.Task,
			'the virtual column has its own ID',
		);
		assert.equal(
			report.totalRowCount,
			3,
			'the report shows the open tasks only (Done is not checked)',
		);
		const row = report.rows[0];
		assert.deepEqual(
			[String(row.sheetId), String(row.id), row.rowNumber],
			[sheet.id, sheet.rowIds[2], 3],
		);
		assert.deepEqual(row.cells[0], {
			columnId: sheet.columns.Task,
			value: 'Design review',
			displayValue: 'Design review',
			virtualColumnId: task.virtualId,
		});
		assertError(await call(suite.emu, 'GET', '/2.0/reports/4242424242'), 404, 1006);
	});

	test('get: rows of source sheets the user cannot see are left out', async () => {
		const sheet = await tracker(suite.emu);
		const other = await admin(suite.emu, 'POST', '/sheets', {
			name: 'Second',
			rows: 4,
			columns: [{ title: 'Task', type: 'TEXT_NUMBER', primary: true }],
		});
		const { id } = await admin(suite.emu, 'POST', '/reports', {
			name: 'Both',
			sheetIds: [sheet.id, other.id],
			columns: ['Task', 'Status'],
		});
		const both = (await call(suite.emu, 'GET', `/2.0/reports/${id}?include=sourceSheets`)).json;
		assert.equal(both.totalRowCount, 9);
		assert.deepEqual(
			both.sourceSheets.map((source: any) => source.name),
			['Project Tracker', 'Second'],
		);
		assert.deepEqual(
			both.rows[8].cells[1],
			{ virtualColumnId: both.columns[1].virtualId },
			'Second has no Status column',
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		const narrowed = (await call(suite.emu, 'GET', `/2.0/reports/${id}?include=sourceSheets`)).json;
		assert.equal(narrowed.totalRowCount, 4);
		assert.ok(narrowed.rows.every((row: any) => String(row.sheetId) === other.id));
		assert.deepEqual(
			narrowed.sourceSheets.map((source: any) => source.name),
			['Second'],
		);
	});

	test('get: rows paged (default 100, at most 10,000 a page, a page past the end is the last)', async () => {
		const big = await admin(suite.emu, 'POST', '/sheets', { name: 'Many', rows: 10_050 });
		const { id } = await admin(suite.emu, 'POST', '/reports', { name: 'Many', sheetIds: [big.id] });
		assert.equal((await call(suite.emu, 'GET', `/2.0/reports/${id}`)).json.rows.length, 100);
		const first = (await call(suite.emu, 'GET', `/2.0/reports/${id}?pageSize=20000&page=1`)).json;
		assert.deepEqual([first.rows.length, first.totalRowCount], [10_000, 10_050]);
		const second = (await call(suite.emu, 'GET', `/2.0/reports/${id}?pageSize=10000&page=2`)).json;
		assert.deepEqual([second.rows.length, second.rows[0].cells[0].value], [50, 'Name 10001']);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/reports/${id}?pageSize=10000&page=7`)).json.rows.length,
			50,
		);
	});

	test('level: multi-contact and multi-picklist columns read as text below levels 1 and 2; level outside 0–3 → 1018', async () => {
		const sheet = await admin(suite.emu, 'POST', '/sheets', {
			name: 'Typed',
			rows: 1,
			columns: [
				{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
				{ title: 'People', type: 'MULTI_CONTACT_LIST' },
				{ title: 'Tags', type: 'MULTI_PICKLIST' },
			],
		});
		const { id } = await admin(suite.emu, 'POST', '/reports', {
			name: 'Typed',
			sheetIds: [sheet.id],
		});
		const types = async (level: string) =>
			(await call(suite.emu, 'GET', `/2.0/reports/${id}${level}`)).json.columns.map(
				(column: any) => column.type,
			);
		assert.deepEqual(await types(''), ['TEXT_NUMBER', 'TEXT_NUMBER', 'TEXT_NUMBER']);
		assert.deepEqual(await types('?level=1'), ['TEXT_NUMBER', 'MULTI_CONTACT_LIST', 'TEXT_NUMBER']);
		assert.deepEqual(await types('?level=3'), [
			'TEXT_NUMBER',
			'MULTI_CONTACT_LIST',
			'MULTI_PICKLIST',
		]);
		assertError(await call(suite.emu, 'GET', `/2.0/reports/${id}?level=4`), 400, 1018);
	});

	test('a report ID above 2^53 is exact on the wire; reports need READ_SHEETS', async () => {
		const sheet = await tracker(suite.emu);
		const { id } = await admin(suite.emu, 'POST', '/reports', {
			name: 'Big',
			sheetIds: [sheet.id],
			bigIds: true,
		});
		assert.ok(BigInt(id) > TWO_TO_53);
		const reply = await call(suite.emu, 'GET', `/2.0/reports/${id}`);
		assert.ok(reply.text.startsWith(`{"id":${id},`), reply.text.slice(0, 40));
		const pair = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_USERS'] });
		assertError(
			await call(suite.emu, 'GET', '/2.0/reports', { token: pair.access_token }),
			403,
			1004,
		);
		assertError(
			await call(suite.emu, 'GET', `/2.0/reports/${id}`, { token: pair.access_token }),
			403,
			1004,
		);
	});
});

describe('workspaces and folders', () => {
	const suite = useEmulator();

	test('list: token paging only (paginationType=token, maxItems, lastKey); offset parameters refused', async () => {
		await admin(suite.emu, 'POST', '/workspaces', { count: 4, name: 'Extra' });
		const first = await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token&maxItems=2');
		assert.deepEqual(Object.keys(first.json).sort(), ['data', 'lastKey']);
		assert.deepEqual(
			first.json.data.map((workspace: any) => workspace.name),
			['Demo Workspace', 'Extra 1'],
		);
		assert.deepEqual(Object.keys(first.json.data[0]).sort(), [
			'accessLevel',
			'id',
			'name',
			'permalink',
		]);
		const second = await call(
			suite.emu,
			'GET',
			`/2.0/workspaces?paginationType=token&maxItems=2&lastKey=${first.json.lastKey}`,
		);
		const third = await call(
			suite.emu,
			'GET',
			`/2.0/workspaces?paginationType=token&maxItems=2&lastKey=${second.json.lastKey}`,
		);
		assert.deepEqual(
			third.json.data.map((workspace: any) => workspace.name),
			['Extra 4'],
		);
		assert.equal('lastKey' in third.json, false, 'the last page has no lastKey');
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token')).json.data.length,
			5,
			'default maxItems 100',
		);
		assertError(await call(suite.emu, 'GET', '/2.0/workspaces'), 400, 1009);
		assertError(await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=offset'), 400, 1018);
		assertError(
			await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token&includeAll=true'),
			400,
			1018,
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token&lastKey=forged'),
			400,
			1018,
		);
	});

	test('children: folders, sheets and reports of a workspace, filtered by childrenResourceTypes, token-paged', async () => {
		const workspace = (await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token')).json
			.data[0];
		const all = (await call(suite.emu, 'GET', `/2.0/workspaces/${workspace.id}/children`)).json;
		assert.deepEqual(
			all.data.map((child: any) => [child.resourceType, child.name]),
			[
				['folder', 'Projects'],
				['sheet', 'Project Tracker'],
				['report', 'Open Tasks'],
			],
		);
		const sheets = (
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspace.id}/children?childrenResourceTypes=sheets,reports&maxItems=1`,
			)
		).json;
		assert.deepEqual(
			[sheets.data.map((child: any) => child.name), typeof sheets.lastKey],
			[['Project Tracker'], 'string'],
		);
		const rest = (
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspace.id}/children?childrenResourceTypes=sheets,reports&maxItems=1&lastKey=${sheets.lastKey}`,
			)
		).json;
		assert.deepEqual(
			[rest.data.map((child: any) => child.name), rest.lastKey],
			[['Open Tasks'], undefined],
		);
		assertError(
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspace.id}/children?childrenResourceTypes=templates`,
			),
			400,
			1018,
		);
		assertError(
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspace.id}/children?childrenResourceTypes=gadgets`,
			),
			400,
			1018,
		);
		assertError(await call(suite.emu, 'GET', '/2.0/workspaces/4242424242/children'), 404, 1006);
	});

	test('create a workspace, a folder in it and a folder in that folder; each lists as a child', async () => {
		const workspace = await call(suite.emu, 'POST', '/2.0/workspaces', {
			body: { name: 'Made here' },
		});
		assert.deepEqual(
			[
				workspace.status,
				workspace.json.message,
				workspace.json.resultCode,
				workspace.json.result.name,
				workspace.json.result.accessLevel,
			],
			[200, 'SUCCESS', 0, 'Made here', 'OWNER'],
		);
		const workspaceId = workspace.json.result.id;
		const folder = (
			await call(suite.emu, 'POST', `/2.0/workspaces/${workspaceId}/folders`, {
				body: { name: 'Outer' },
			})
		).json.result;
		assert.deepEqual(Object.keys(folder).sort(), ['id', 'name', 'permalink']);
		const inner = (
			await call(suite.emu, 'POST', `/2.0/folders/${folder.id}/folders`, {
				body: { name: 'Inner' },
			})
		).json.result;
		const made = await call(suite.emu, 'POST', `/2.0/folders/${inner.id}/sheets`, {
			body: { name: 'Deep', columns: [{ title: 'A', type: 'TEXT_NUMBER', primary: true }] },
		});
		assert.equal(made.status, 200, made.text);
		assert.deepEqual(
			(await call(suite.emu, 'GET', `/2.0/workspaces/${workspaceId}/children`)).json.data.map(
				(child: any) => child.name,
			),
			['Outer'],
		);
		assert.deepEqual(
			(await call(suite.emu, 'GET', `/2.0/folders/${folder.id}/children`)).json.data.map(
				(child: any) => child.name,
			),
			['Inner'],
		);
		assert.deepEqual(
			(
				await call(
					suite.emu,
					'GET',
					`/2.0/folders/${inner.id}/children?childrenResourceTypes=sheets`,
				)
			).json.data.map((child: any) => [child.resourceType, child.name]),
			[['sheet', 'Deep']],
		);
		assertError(await call(suite.emu, 'POST', '/2.0/workspaces', { body: {} }), 400, 1012);
		assertError(await call(suite.emu, 'POST', '/2.0/workspaces', { body: { name: 7 } }), 400, 1008);
		assertError(
			await call(suite.emu, 'POST', '/2.0/folders/4242424242/folders', { body: { name: 'x' } }),
			404,
			1006,
		);
	});

	test('access: a workspace at NONE leaves the list and refuses its children (1004); creating needs EDITOR; scopes', async () => {
		const workspace = (await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token')).json
			.data[0];
		const folder = (
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspace.id}/children?childrenResourceTypes=folders`,
			)
		).json.data[0];
		await admin(suite.emu, 'POST', '/access', { workspaceId: workspace.id, accessLevel: 'VIEWER' });
		assert.equal((await call(suite.emu, 'GET', `/2.0/folders/${folder.id}/children`)).status, 200);
		assertError(
			await call(suite.emu, 'POST', `/2.0/folders/${folder.id}/folders`, { body: { name: 'x' } }),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { workspaceId: workspace.id, accessLevel: 'NONE' });
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token')).json.data.length,
			0,
		);
		assertError(
			await call(suite.emu, 'GET', `/2.0/workspaces/${workspace.id}/children`),
			403,
			1004,
		);
		assertError(await call(suite.emu, 'GET', `/2.0/folders/${folder.id}/children`), 403, 1004);
		const readOnly = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_SHEETS'] });
		assertError(
			await call(suite.emu, 'POST', '/2.0/workspaces', {
				token: readOnly.access_token,
				body: { name: 'x' },
			}),
			403,
			1004,
		);
		const noRead = await admin(suite.emu, 'POST', '/tokens', { scopes: ['ADMIN_WORKSPACES'] });
		assertError(
			await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token', {
				token: noRead.access_token,
			}),
			403,
			1004,
		);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/2.0/workspaces', {
					token: noRead.access_token,
					body: { name: 'ok' },
				})
			).status,
			200,
		);
	});

	test('workspace IDs above 2^53 are exact on the wire', async () => {
		const { ids } = await admin(suite.emu, 'POST', '/workspaces', { name: 'Huge', bigIds: true });
		assert.ok(BigInt(ids[0]) > TWO_TO_53);
		const list = await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token');
		assert.ok(list.text.includes(`"id":${ids[0]},"name":"Huge"`), list.text);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/workspaces/${ids[0]}/children`, { token: PAT })).status,
			200,
		);
	});
});
