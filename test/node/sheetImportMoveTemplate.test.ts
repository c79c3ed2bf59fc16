// Sheet: Import (CSV or XLSX from binary data), Move, Create From Template — and the same import through
// API Call's binary body — with failures on their outputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';
import { xlsxOf } from '../support/xlsxFile';

const pat = { authentication: 'accessToken', resource: 'sheet' };
const CSV = 'Name,Amount\nAda,12\nGrace,7\n';
const fileItem = (content: string, fileName: string, mimeType = 'text/csv') => ({
	binary: { data: { data: Buffer.from(content).toString('base64'), mimeType, fileName } },
});

describe('sheet import, move and templates', () => {
	const suite = useEmulator();

	const places = async () => {
		const workspaceId = String(
			(await suite.fx.api('GET', '/workspaces?paginationType=token')).data[0].id,
		);
		const folderId = String(
			(
				await suite.fx.api(
					'GET',
					`/workspaces/${workspaceId}/children?childrenResourceTypes=folders`,
				)
			).data[0].id,
		);
		return { workspaceId, folderId };
	};
	const sheetRows = async (id: string) => {
		const sheet = await suite.fx.api('GET', `/sheets/${id}`);
		return {
			titles: sheet.columns.map((column: any) => column.title),
			rows: sheet.rows.map((row: any) => row.cells.map((cell: any) => cell.value)),
		};
	};

	test('import a CSV into a folder: the name from the file, the first row as titles', async () => {
		const { folderId } = await places();
		const result = await suite.fx.run(
			{
				...pat,
				operation: 'import',
				binaryPropertyName: 'data',
				destination: 'folder',
				containerId: byId(folderId),
				firstRowIsHeader: true,
			},
			[{}],
			fileItem(CSV, 'Budget 2027.csv'),
		);
		const [made] = jsonOf(result, OUTPUT.success);
		assert.deepEqual([made.name, made.type], ['Budget 2027', 'sheet']);
		assert.deepEqual(await sheetRows(String(made.id)), {
			titles: ['Name', 'Amount'],
			rows: [
				['Ada', '12'],
				['Grace', '7'],
			],
		});
		assert.equal(
			(await suite.fx.stats()).byRoute['POST /2.0/folders/{containerId}/sheets/import'],
			1,
		);
	});

	test('import into a workspace without a header row, with a name and primary column chosen', async () => {
		const { workspaceId } = await places();
		const [made] = jsonOf(
			await suite.fx.run(
				{
					...pat,
					operation: 'import',
					binaryPropertyName: 'data',
					destination: 'workspace',
					containerId: byId(workspaceId),
					sheetName: 'Raw',
					firstRowIsHeader: false,
					primaryColumnIndex: 1,
				},
				[{}],
				fileItem(CSV, 'x.csv'),
			),
			OUTPUT.success,
		);
		const sheet = await suite.fx.api('GET', `/sheets/${made.id}`);
		assert.deepEqual(
			sheet.columns.map((column: any) => [column.title, column.primary === true]),
			[
				['Column1', false],
				['Column2', true],
			],
		);
		assert.equal(sheet.rows.length, 3);
	});

	test('import an XLSX file: its type from the file name, the sheet name from the file', async () => {
		const { workspaceId } = await places();
		const book = xlsxOf([
			['Name', 'Amount'],
			['Ada', 12],
		]);
		const item = {
			binary: {
				data: {
					data: book.toString('base64'),
					mimeType: 'application/octet-stream',
					fileName: 'Ledger.xlsx',
				},
			},
		};
		const [made] = jsonOf(
			await suite.fx.run(
				{
					...pat,
					operation: 'import',
					binaryPropertyName: 'data',
					destination: 'workspace',
					containerId: byId(workspaceId),
				},
				[{}],
				item,
			),
			OUTPUT.success,
		);
		assert.equal(made.name, 'Ledger');
		assert.deepEqual(await sheetRows(String(made.id)), {
			titles: ['Name', 'Amount'],
			rows: [['Ada', '12']],
		});
	});

	test('import failures: an XLS file or a missing binary field → Payload without a request; a non-ASCII name → Payload; no CREATE_SHEETS → Permission', async () => {
		const { workspaceId } = await places();
		const base = {
			...pat,
			operation: 'import',
			binaryPropertyName: 'data',
			destination: 'workspace',
			containerId: byId(workspaceId),
		};
		const before = (await suite.fx.stats()).requests;
		const [xls] = jsonOf(
			await suite.fx.run(base, [{}], fileItem('x', 'old.xls', 'application/vnd.ms-excel')),
			OUTPUT.payload,
		);
		assert.match((xls.smartsheetFailure as any).message, /CSV and XLSX/);
		const [missing] = jsonOf(
			await suite.fx.run({ ...base, binaryPropertyName: 'file' }, [{}], fileItem(CSV, 'a.csv')),
			OUTPUT.payload,
		);
		assert.match((missing.smartsheetFailure as any).message, /no binary field "file"/);
		const [nonAscii] = jsonOf(
			await suite.fx.run({ ...base, sheetName: 'Büdget' }, [{}], fileItem(CSV, 'a.csv')),
			OUTPUT.payload,
		);
		assert.match((nonAscii.smartsheetFailure as any).message, /ASCII/);
		assert.equal((await suite.fx.stats()).requests, before, 'nothing was sent');
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const [denied] = jsonOf(
			await suite.fx.run({ ...base, authentication: 'oAuth2' }, [{}], fileItem(CSV, 'a.csv')),
			OUTPUT.permission,
		);
		assert.deepEqual(
			[(denied.smartsheetFailure as any).errorCode, (denied.smartsheetFailure as any).operation],
			[1004, 'sheet:import'],
		);
	});

	test('API Call with a binary body imports the same file', async () => {
		const { workspaceId } = await places();
		const result = await suite.fx.run(
			{
				authentication: 'accessToken',
				resource: 'apiCall',
				operation: 'send',
				httpMethod: 'POST',
				apiPath: `/workspaces/${workspaceId}/sheets/import?sheetName=Via%20API&headerRowIndex=0`,
				bodyContent: 'binary',
				binaryPropertyName: 'data',
			},
			[{}],
			fileItem(CSV, 'people.csv'),
		);
		const [answer] = jsonOf(result, OUTPUT.success);
		assert.equal((answer.result as any).name, 'Via API');
		assert.deepEqual((await sheetRows(String((answer.result as any).id))).titles, [
			'Name',
			'Amount',
		]);
	});

	test('move a sheet into a folder: same ID, new path; an unknown folder → Payload; an Editor → Permission', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const { folderId } = await places();
		const [moved] = jsonOf(
			await suite.fx.run({
				...pat,
				operation: 'move',
				sheetId: byId(tracker.id),
				moveDestination: 'folder',
				moveContainerId: byId(folderId),
			}),
			OUTPUT.success,
		);
		assert.equal(moved.id, tracker.id);
		const path = await suite.fx.api('GET', `/sheets/${tracker.id}/path`);
		assert.equal(path.folders[0].name, 'Projects');
		const [unknown] = jsonOf(
			await suite.fx.run({
				...pat,
				operation: 'move',
				sheetId: byId(tracker.id),
				moveDestination: 'folder',
				moveContainerId: byId('4242424242'),
			}),
			OUTPUT.payload,
		);
		assert.equal((unknown.smartsheetFailure as any).errorCode, 1006);
		await suite.fx.admin('POST', '/access', { sheetId: tracker.id, accessLevel: 'EDITOR' });
		const [denied] = jsonOf(
			await suite.fx.run({
				...pat,
				operation: 'move',
				sheetId: byId(tracker.id),
				moveDestination: 'workspace',
				moveContainerId: byId(String(path.id)),
			}),
			OUTPUT.permission,
		);
		assert.equal((denied.smartsheetFailure as any).operation, 'sheet:move');
	});

	test('create from a template, with or without its rows; an unknown template → Payload', async () => {
		const { workspaceId } = await places();
		const { id: templateId } = await suite.fx.admin('POST', '/templates', {
			name: 'Plan',
			workspaceId,
		});
		const base = {
			...pat,
			operation: 'createFromTemplate',
			templateId,
			destination: 'workspace',
			containerId: byId(workspaceId),
		};
		const [withRows] = jsonOf(
			await suite.fx.run({ ...base, name: 'Q1', templateInclude: ['data'] }),
			OUTPUT.success,
		);
		assert.deepEqual(await sheetRows(String(withRows.id)), {
			titles: ['Task', 'Status'],
			rows: [['First step', 'Open']],
		});
		const [bare] = jsonOf(
			await suite.fx.run({ ...base, name: 'Q2', templateInclude: [] }),
			OUTPUT.success,
		);
		assert.deepEqual((await sheetRows(String(bare.id))).rows, []);
		const [unknown] = jsonOf(
			await suite.fx.run({ ...base, name: 'Q3', templateId: '4242424242' }),
			OUTPUT.payload,
		);
		assert.equal((unknown.smartsheetFailure as any).errorCode, 1006);
	});
});
