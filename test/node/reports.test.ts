// Report: List and Get through n8n's engine against the emulator: rows flattened by column title
// with their source sheet, all pages or a limit, failures on their outputs, the report picker.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('report', () => {
	const suite = useEmulator();

	const openTasksId = async () =>
		String(
			(await suite.fx.api('GET', '/reports')).data.find(
				(report: any) => report.name === 'Open Tasks',
			).id,
		);
	const requests = async (route: string) =>
		((await suite.fx.stats()).byRoute[route] ?? 0) as number;

	test('list: every report, one item each; Limit; pairedItem to each input', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		await suite.fx.admin('POST', '/reports', { name: 'Everything', sheetIds: [tracker.id] });
		const all = await suite.fx.run(
			{ ...pat, resource: 'report', operation: 'list', returnAll: true },
			[{ n: 1 }, { n: 2 }],
		);
		assert.deepEqual(
			jsonOf(all, OUTPUT.success).map((report) => report.name),
			['Open Tasks', 'Everything', 'Open Tasks', 'Everything'],
		);
		assert.deepEqual(
			all.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }],
		);
		assert.equal(typeof jsonOf(all, OUTPUT.success)[0].id, 'string');
		const one = await suite.fx.run({
			...pat,
			resource: 'report',
			operation: 'list',
			returnAll: false,
			limit: 1,
		});
		assert.deepEqual(
			jsonOf(one, OUTPUT.success).map((report) => report.name),
			['Open Tasks'],
		);
	});

	test('get: rows flattened to {id, rowNumber, sheetId, <column title>: value}; Raw Rows keeps the virtual column IDs', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const reportId = await openTasksId();
		const [report] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: byId(reportId),
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(report.name, 'Open Tasks');
		assert.equal(report.totalRowCount, 3);
		const rows = report.rows as any[];
		assert.deepEqual(Object.keys(rows[0]), ['id', 'rowNumber', 'sheetId', 'Task', 'Status', 'Due']);
		assert.deepEqual(
			rows.map((row) => row.Task),
			['Design review', 'Build the integration', 'Launch'],
		);
		assert.deepEqual(
			[rows[0].sheetId, rows[0].rowNumber, rows[2].Status, rows[2].Due],
			[tracker.id, 3, 'Not Started', '2026-12-18'],
		);
		const [raw] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: byId(reportId),
				returnAll: true,
				reportOptions: { raw: true },
			}),
			OUTPUT.success,
		);
		const columns = raw.columns as any[];
		const cell = (raw.rows as any[])[0].cells[0];
		assert.equal(cell.virtualColumnId, columns[0].virtualId);
		assert.equal(cell.columnId, tracker.columns[0].id);
		assert.equal(cell.value, 'Design review');
	});

	test('get: all pages of a report larger than one page (10,000 rows a request), or only as many pages as the limit needs', async () => {
		const sheet = await suite.fx.admin('POST', '/sheets', { name: 'Many', rows: 10_050 });
		const { id } = await suite.fx.admin('POST', '/reports', { name: 'Many', sheetIds: [sheet.id] });
		const [report] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: byId(id),
				returnAll: true,
			}),
			OUTPUT.success,
		);
		const rows = report.rows as any[];
		assert.equal(rows.length, 10_050);
		assert.deepEqual(
			[rows[0].Name, rows[10_049].Name, rows[10_049].rowNumber],
			['Name 1', 'Name 10050', 10_050],
		);
		assert.equal(
			await requests('GET /2.0/reports/{reportId}'),
			2,
			'two pages of up to 10,000 rows',
		);
		const [limited] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: byId(id),
				returnAll: false,
				limit: 150,
			}),
			OUTPUT.success,
		);
		assert.equal((limited.rows as any[]).length, 150);
		assert.equal(
			await requests('GET /2.0/reports/{reportId}'),
			3,
			'one request for the first 150 rows',
		);
	});

	test('the user sees only the rows of source sheets shared with them', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const other = await suite.fx.admin('POST', '/sheets', {
			name: 'Second',
			rows: 2,
			columns: [{ title: 'Task', type: 'TEXT_NUMBER', primary: true }],
		});
		const { id } = await suite.fx.admin('POST', '/reports', {
			name: 'Both',
			sheetIds: [tracker.id, other.id],
			columns: ['Task'],
		});
		const rowsNow = async () => {
			const [report] = jsonOf(
				await suite.fx.run({
					...pat,
					resource: 'report',
					operation: 'get',
					reportId: byId(id),
					returnAll: true,
				}),
				OUTPUT.success,
			);
			return (report.rows as any[]).map((row) => [row.sheetId, row.Task]);
		};
		assert.equal((await rowsNow()).length, 7);
		await suite.fx.admin('POST', '/access', { sheetId: tracker.id, accessLevel: 'NONE' });
		assert.deepEqual(await rowsNow(), [
			[other.id, 'Task 1'],
			[other.id, 'Task 2'],
		]);
	});

	test('failures: unknown report → Payload; a report no longer shared → Permission; a token without READ_SHEETS → Permission; a bad ID → Payload without a request', async () => {
		const reportId = await openTasksId();
		const unknown = await suite.fx.run(
			{
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: byId('4242424242'),
				returnAll: true,
			},
			[{ keep: 1 }],
		);
		const [missing] = jsonOf(unknown, OUTPUT.payload);
		assert.deepEqual(
			[
				missing.keep,
				(missing.smartsheetFailure as any).httpStatus,
				(missing.smartsheetFailure as any).errorCode,
			],
			[1, 404, 1006],
		);

		await suite.fx.admin('POST', '/access', { reportId, accessLevel: 'NONE' });
		const [denied] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: byId(reportId),
				returnAll: true,
			}),
			OUTPUT.permission,
		);
		assert.equal((denied.smartsheetFailure as any).errorCode, 1004);
		await suite.fx.admin('POST', '/access', { reportId, accessLevel: 'VIEWER' });

		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_USERS'] }));
		const noScope = await suite.fx.run({ resource: 'report', operation: 'list', returnAll: true });
		assert.equal((jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		const noScopeGet = await suite.fx.run({
			resource: 'report',
			operation: 'get',
			reportId: byId(reportId),
			returnAll: true,
		});
		assert.equal(
			(jsonOf(noScopeGet, OUTPUT.permission)[0].smartsheetFailure as any).operation,
			'report:get',
		);

		const before = (await suite.fx.stats()).requests;
		const bad = await suite.fx.run({
			...pat,
			resource: 'report',
			operation: 'get',
			reportId: byId('={{ "not-a-number" }}'),
			returnAll: true,
		});
		assert.match(
			(jsonOf(bad, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Report ID must be a number/,
		);
		assert.equal((await suite.fx.stats()).requests, before, 'nothing was sent');
	});

	test('a report ID above 2^53 round-trips unchanged, by ID and by URL', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const { id } = await suite.fx.admin('POST', '/reports', {
			name: 'Huge',
			sheetIds: [tracker.id],
			bigIds: true,
		});
		assert.ok(BigInt(id) > 2n ** 53n);
		const listed = jsonOf(
			await suite.fx.run({ ...pat, resource: 'report', operation: 'list', returnAll: true }),
			OUTPUT.success,
		);
		assert.equal(listed.find((report) => report.name === 'Huge')?.id, id);
		const url = { __rl: true, mode: 'url', value: `https://app.smartsheet.com/reports/${id}` };
		const [report] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'get',
				reportId: url,
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(report.id, id);
		assert.equal((report.rows as any[]).length, 5);
	});

	test('the report picker (listSearch searchReports) filters by name and pages through the list', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		for (let i = 1; i <= 120; i++)
			await suite.fx.admin('POST', '/reports', { name: `Weekly ${i}`, sheetIds: [tracker.id] });
		const found = await suite.fx.listSearch('searchReports', pat, 'open');
		assert.deepEqual(found.results, [
			{
				name: 'Open Tasks',
				value: await openTasksId(),
				url: `https://app.smartsheet.com/reports/${await openTasksId()}`,
			},
		]);
		const first = await suite.fx.listSearch('searchReports', pat);
		assert.deepEqual([first.results.length, first.paginationToken], [100, '2']);
		const second = await suite.fx.listSearch(
			'searchReports',
			pat,
			undefined,
			first.paginationToken,
		);
		assert.deepEqual(
			[second.results.length, second.paginationToken, second.results.at(-1)?.name],
			[21, undefined, 'Weekly 120'],
		);
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		assert.equal(
			(await suite.fx.listSearch('searchReports', {}, 'weekly 9')).results.length,
			11,
			'with OAuth2 too: Weekly 9 and 90 to 99',
		);
	});
});
