// A sheet from a CSV or XLSX file (into a workspace, a folder or Home), moved to a workspace or folder,
// and made from a template ({name, fromId}).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { xlsxOf } from '../support/xlsxFile';
import { admin, assertError, call, PAT, tracker, useEmulator } from './client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('sheet import, move and templates', () => {
	const suite = useEmulator();

	const places = async () => {
		const workspaceId = String(
			(await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token')).json.data[0].id,
		);
		const folderId = String(
			(
				await call(
					suite.emu,
					'GET',
					`/2.0/workspaces/${workspaceId}/children?childrenResourceTypes=folders`,
				)
			).json.data[0].id,
		);
		return { workspaceId, folderId };
	};
	const csv = 'Name,Amount,Note\r\nAda,12,"says ""hi"", twice"\nGrace,7,\n';
	const importCsv = async (
		path: string,
		query: string,
		body = csv,
		headers: Record<string, string> = {},
	) =>
		await call(suite.emu, 'POST', `${path}?${query}`, {
			raw: body,
			headers: {
				'content-type': 'text/csv',
				'content-disposition': 'attachment; filename="people.csv"',
				...headers,
			},
		});

	test('import a CSV into a folder with a header row: titles, the primary column, rows and quoted fields', async () => {
		const { folderId } = await places();
		const made = await importCsv(
			`/2.0/folders/${folderId}/sheets/import`,
			'sheetName=People&headerRowIndex=0&primaryColumnIndex=0',
		);
		assert.equal(made.status, 200, made.text);
		assert.deepEqual(
			[
				made.json.message,
				made.json.result.name,
				made.json.result.type,
				made.json.result.accessLevel,
			],
			['SUCCESS', 'People', 'sheet', 'OWNER'],
		);
		const sheet = (await call(suite.emu, 'GET', `/2.0/sheets/${made.json.result.id}`)).json;
		assert.deepEqual(
			sheet.columns.map((column: any) => [column.title, column.primary === true]),
			[
				['Name', true],
				['Amount', false],
				['Note', false],
			],
		);
		assert.deepEqual(
			sheet.rows.map((row: any) => row.cells.map((cell: any) => cell.value ?? null)),
			[
				['Ada', '12', 'says "hi", twice'],
				['Grace', '7', null],
			],
		);
		const children = (
			await call(suite.emu, 'GET', `/2.0/folders/${folderId}/children?childrenResourceTypes=sheets`)
		).json.data;
		assert.ok(children.some((child: any) => child.name === 'People'));
	});

	test('without headerRowIndex the columns are Column1…; primaryColumnIndex picks the primary; Home works (deprecated)', async () => {
		const made = await importCsv('/2.0/sheets/import', 'sheetName=Raw&primaryColumnIndex=1');
		const sheet = (await call(suite.emu, 'GET', `/2.0/sheets/${made.json.result.id}`)).json;
		assert.deepEqual(
			sheet.columns.map((column: any) => [column.title, column.primary === true]),
			[
				['Column1', false],
				['Column2', true],
				['Column3', false],
			],
		);
		assert.equal(sheet.rows.length, 3);
	});

	test('import an XLSX workbook: its first worksheet, shared strings and numbers as text; a file that is no workbook 1008', async () => {
		const { workspaceId } = await places();
		const path = `/2.0/workspaces/${workspaceId}/sheets/import?sheetName=Workbook&headerRowIndex=0`;
		const headers = {
			'content-type': XLSX,
			'content-disposition': 'attachment; filename="book.xlsx"',
		};
		const response = await fetch(`${suite.emu.url}${path}`, {
			method: 'POST',
			headers: { ...headers, authorization: `Bearer ${PAT}` },
			body: xlsxOf([
				['Name', 'Amount'],
				['Ada & co', 12],
				['Grace', 7.5],
			]),
		});
		const made = (await response.json()) as any;
		assert.equal(response.status, 200, JSON.stringify(made));
		const sheet = (await call(suite.emu, 'GET', `/2.0/sheets/${made.result.id}`)).json;
		assert.deepEqual(
			sheet.columns.map((column: any) => column.title),
			['Name', 'Amount'],
		);
		assert.deepEqual(
			sheet.rows.map((row: any) => row.cells.map((cell: any) => cell.value)),
			[
				['Ada & co', '12'],
				['Grace', '7.5'],
			],
		);
		assertError(
			await call(suite.emu, 'POST', path, { raw: 'not a zip at all', headers }),
			400,
			1008,
		);
	});

	test('import errors: another content type 1124; no Content-Disposition 1011; no sheetName 1009; an empty file 1024; a header row past the end 1018; no CREATE_SHEETS 1004', async () => {
		const { workspaceId } = await places();
		const path = `/2.0/workspaces/${workspaceId}/sheets/import`;
		assertError(
			await importCsv(path, 'sheetName=X', csv, { 'content-type': 'application/vnd.ms-excel' }),
			415,
			1124,
		);
		assertError(
			await call(suite.emu, 'POST', `${path}?sheetName=X`, {
				raw: csv,
				headers: { 'content-type': 'text/csv' },
			}),
			400,
			1011,
		);
		assertError(await importCsv(path, 'headerRowIndex=0'), 400, 1009);
		assertError(await importCsv(path, 'sheetName=X', ''), 400, 1024);
		assertError(await importCsv(path, 'sheetName=X&headerRowIndex=9'), 400, 1018);
		assertError(
			await importCsv('/2.0/workspaces/4242424242/sheets/import', 'sheetName=X'),
			404,
			1006,
		);
		const readOnly = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_SHEETS'] });
		assertError(
			await call(suite.emu, 'POST', `${path}?sheetName=X`, {
				token: readOnly.access_token,
				raw: csv,
				headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment' },
			}),
			403,
			1004,
		);
	});

	test('move a sheet into a folder: same ID and rows, new place; destinationType required; ADMIN needed', async () => {
		const sheet = await tracker(suite.emu);
		const { folderId } = await places();
		const moved = await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/move`, {
			body: { destinationType: 'folder', destinationId: folderId },
		});
		assert.equal(moved.status, 200, moved.text);
		assert.equal(String(moved.json.result.id), sheet.id);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/path`)).json.folders[0].sheets[0].name,
			'Project Tracker',
		);
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`)).json.rows.length, 5);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/move`, {
				body: { destinationId: folderId },
			}),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/move`, {
				body: { destinationType: 'folder', destinationId: '4242424242' },
			}),
			404,
			1006,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'EDITOR' });
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/move`, {
				body: { destinationType: 'folder', destinationId: folderId },
			}),
			403,
			1004,
		);
	});

	test('a sheet from a template (listed with childrenResourceTypes=sheets,templates), with its rows only when include=data', async () => {
		const { workspaceId } = await places();
		const { id: templateId } = await admin(suite.emu, 'POST', '/templates', {
			name: 'Project Plan',
			workspaceId,
		});
		const listed = (
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspaceId}/children?childrenResourceTypes=sheets,templates`,
			)
		).json.data;
		assert.deepEqual(
			listed
				.filter((child: any) => child.resourceType === 'template')
				.map((child: any) => [String(child.id), child.name]),
			[[templateId, 'Project Plan']],
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${templateId}`), 404, 1006);
		const bare = await call(suite.emu, 'POST', `/2.0/workspaces/${workspaceId}/sheets`, {
			body: { name: 'Q1 plan', fromId: templateId },
		});
		assert.equal(bare.status, 200, bare.text);
		assert.deepEqual(
			bare.json.result.columns.map((column: any) => column.title),
			['Task', 'Status'],
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${bare.json.result.id}`)).json.rows.length,
			0,
		);
		const withData = await call(
			suite.emu,
			'POST',
			`/2.0/workspaces/${workspaceId}/sheets?include=data`,
			{ body: { name: 'Q2 plan', fromId: templateId } },
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${withData.json.result.id}`)).json.rows[0].cells[0]
				.value,
			'First step',
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/workspaces/${workspaceId}/sheets`, {
				body: { name: 'X', fromId: '4242424242' },
			}),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/workspaces/${workspaceId}/sheets`, {
				body: { name: 'X', fromId: templateId, columns: [] },
			}),
			400,
			1032,
		);
	});
});
