// Report create and definition (2026) and the path endpoints (June 2026): a report over chosen
// sheets or a workspace, its filters applied to its rows, and where sheets, reports, dashboards
// and folders live.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admin, assertError, call, tracker, useEmulator } from './client';

describe('report create and definition', () => {
	const suite = useEmulator();

	const workspaceAndFolder = async () => {
		const children = (await call(suite.emu, 'GET', '/2.0/workspaces?paginationType=token')).json
			.data;
		const workspaceId = String(children[0].id);
		const folder = (
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspaceId}/children?childrenResourceTypes=folders`,
			)
		).json.data[0];
		return { workspaceId, folderId: String(folder.id) };
	};

	test('create over a sheet into a folder, with a filter; its rows follow the filter; the definition can be replaced and read', async () => {
		const sheet = await tracker(suite.emu);
		const { folderId } = await workspaceAndFolder();
		const filters = {
			operator: 'AND',
			criteria: [
				{ column: { title: 'Status', type: 'PICKLIST' }, operator: 'EQUAL', values: ['Done'] },
			],
		};
		const made = await call(suite.emu, 'POST', '/2.0/reports', {
			body: {
				name: 'Finished',
				columns: [
					{ title: 'Task', type: 'TEXT_NUMBER' },
					{ title: 'Status', type: 'PICKLIST' },
				],
				scope: [{ assetType: 'sheet', assetId: sheet.id }],
				reportDefinition: { filters },
				destination: { destinationType: 'folder', destinationId: folderId },
			},
		});
		assert.equal(made.status, 200, made.text);
		assert.deepEqual(
			[made.json.message, made.json.result.name, made.json.result.accessLevel],
			['SUCCESS', 'Finished', 'OWNER'],
		);
		const id = String(made.json.result.id);
		const report = (await call(suite.emu, 'GET', `/2.0/reports/${id}`)).json;
		assert.deepEqual(
			report.columns.map((column: any) => column.title),
			['Task', 'Status'],
		);
		assert.ok(
			report.rows.length > 0 && report.rows.every((row: any) => row.cells[1].value === 'Done'),
		);
		assert.deepEqual((await call(suite.emu, 'GET', `/2.0/reports/${id}/definition`)).json.filters, {
			...filters,
			criteria: [{ title: 'Status', operator: 'EQUAL', values: ['Done'] }],
			nestedCriteria: [],
		});

		const open = {
			operator: 'OR',
			criteria: [],
			nestedCriteria: [
				{
					operator: 'AND',
					criteria: [{ column: { title: 'Status' }, operator: 'NOT_EQUAL', values: ['Done'] }],
				},
			],
		};
		const replaced = await call(suite.emu, 'PUT', `/2.0/reports/${id}/definition`, {
			body: { filters: open },
		});
		assert.equal(replaced.json.resultCode, 0);
		const after = (await call(suite.emu, 'GET', `/2.0/reports/${id}`)).json;
		assert.ok(
			after.rows.length > 0 && after.rows.every((row: any) => row.cells[1].value !== 'Done'),
		);
		assert.equal(after.rows.length + report.rows.length, 5, 'the two filters split the five rows');
	});

	test('a workspace scope takes the sheets in it and in its folders', async () => {
		const { workspaceId } = await workspaceAndFolder();
		const made = await call(suite.emu, 'POST', '/2.0/reports', {
			body: {
				name: 'All tasks',
				columns: [{ title: 'Task' }],
				scope: [{ assetType: 'workspace', assetId: workspaceId }],
			},
		});
		const report = (
			await call(suite.emu, 'GET', `/2.0/reports/${made.json.result.id}?include=sourceSheets`)
		).json;
		assert.deepEqual(
			report.sourceSheets.map((source: any) => source.name),
			['Project Tracker'],
		);
	});

	test('errors: no columns 1012; a column no source sheet has 1031; an unknown sheet 1006; a filter 4 levels deep 1031; a viewer may not change the definition 1004', async () => {
		const sheet = await tracker(suite.emu);
		const scope = [{ assetType: 'sheet', assetId: sheet.id }];
		assertError(
			await call(suite.emu, 'POST', '/2.0/reports', { body: { name: 'R', scope } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/reports', {
				body: { name: 'R', scope, columns: [{ title: 'Nope' }] },
			}),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/reports', {
				body: {
					name: 'R',
					scope: [{ assetType: 'sheet', assetId: '4242424242' }],
					columns: [{ title: 'Task' }],
				},
			}),
			404,
			1006,
		);
		const nest = (depth: number): object => ({
			operator: 'AND',
			criteria: [],
			nestedCriteria: depth > 1 ? [nest(depth - 1)] : [],
		});
		const id = String(
			(
				await call(suite.emu, 'POST', '/2.0/reports', {
					body: { name: 'R', scope, columns: [{ title: 'Task' }] },
				})
			).json.result.id,
		);
		assert.equal(
			(
				await call(suite.emu, 'PUT', `/2.0/reports/${id}/definition`, {
					body: { filters: nest(3) },
				})
			).status,
			200,
		);
		assertError(
			await call(suite.emu, 'PUT', `/2.0/reports/${id}/definition`, { body: { filters: nest(4) } }),
			400,
			1031,
		);
		await admin(suite.emu, 'POST', '/access', { reportId: id, accessLevel: 'VIEWER' });
		assertError(
			await call(suite.emu, 'PUT', `/2.0/reports/${id}/definition`, { body: { filters: nest(1) } }),
			403,
			1004,
		);
		const readOnly = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_SHEETS'] });
		assertError(
			await call(suite.emu, 'POST', '/2.0/reports', {
				token: readOnly.access_token,
				body: { name: 'R', scope, columns: [{ title: 'Task' }] },
			}),
			403,
			1004,
		);
	});
});

describe('paths', () => {
	const suite = useEmulator();

	test('a sheet in a workspace, a sheet in a nested folder, a report, a dashboard and a folder', async () => {
		const sheet = await tracker(suite.emu);
		const path = (await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/path`)).json;
		assert.deepEqual(
			[path.name, path.accessLevel, path.sheets[0].name, path.sheets[0].accessLevel],
			['Demo Workspace', 'OWNER', 'Project Tracker', 'OWNER'],
		);
		assert.ok(path.sheets[0].createdAt && path.sheets[0].modifiedAt && path.sheets[0].permalink);

		const workspaceId = String(path.id);
		const projects = (
			await call(
				suite.emu,
				'GET',
				`/2.0/workspaces/${workspaceId}/children?childrenResourceTypes=folders`,
			)
		).json.data[0];
		const inner = await call(suite.emu, 'POST', `/2.0/folders/${projects.id}/folders`, {
			body: { name: 'Q4' },
		});
		const nested = await call(suite.emu, 'POST', `/2.0/folders/${inner.json.result.id}/sheets`, {
			body: { name: 'Deep', columns: [{ title: 'A', type: 'TEXT_NUMBER', primary: true }] },
		});
		const deep = (await call(suite.emu, 'GET', `/2.0/sheets/${nested.json.result.id}/path`)).json;
		assert.deepEqual(
			[
				deep.name,
				deep.folders[0].name,
				deep.folders[0].folders[0].name,
				deep.folders[0].folders[0].sheets[0].name,
			],
			['Demo Workspace', 'Projects', 'Q4', 'Deep'],
		);
		const folderPath = (await call(suite.emu, 'GET', `/2.0/folders/${inner.json.result.id}/path`))
			.json;
		assert.deepEqual(
			[folderPath.folders[0].name, folderPath.folders[0].folders[0].name],
			['Projects', 'Q4'],
		);

		const reportId = String((await call(suite.emu, 'GET', '/2.0/reports')).json.data[0].id);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/reports/${reportId}/path`)).json.reports[0].name,
			'Open Tasks',
		);
		const { id: sightId } = await admin(suite.emu, 'POST', '/sights', {
			name: 'Board',
			workspaceId,
		});
		assert.deepEqual(
			(await call(suite.emu, 'GET', `/2.0/sights/${sightId}/path`)).json.sights[0].permalink,
			`https://app.smartsheet.com/dashboards/${sightId}`,
		);
	});

	test('without access to the workspace only the object itself; unknown 1006; no access 1004', async () => {
		const sheet = await tracker(suite.emu);
		const path = (await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/path`)).json;
		await admin(suite.emu, 'POST', '/access', {
			workspaceId: String(path.id),
			accessLevel: 'NONE',
		});
		const alone = (await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/path`)).json;
		assert.deepEqual([alone.id, alone.sheets[0].name], [undefined, 'Project Tracker']);
		assertError(await call(suite.emu, 'GET', '/2.0/sheets/4242424242/path'), 404, 1006);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/path`), 403, 1004);
	});
});
