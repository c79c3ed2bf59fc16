// Report: Create and Update Definition; Get Path of a sheet, report and folder — through n8n's
// engine against the emulator, with failures on their outputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };
const doneOnly = {
	filters: {
		operator: 'AND',
		criteria: [
			{ column: { title: 'Status', type: 'PICKLIST' }, operator: 'EQUAL', values: ['Done'] },
		],
	},
};

describe('report create and definition, paths', () => {
	const suite = useEmulator();

	const place = async () => {
		const workspace = (await suite.fx.api('GET', '/workspaces?paginationType=token')).data[0];
		const folder = (
			await suite.fx.api(
				'GET',
				`/workspaces/${workspace.id}/children?childrenResourceTypes=folders`,
			)
		).data[0];
		return { workspaceId: String(workspace.id), folderId: String(folder.id) };
	};
	const rowsOf = async (reportId: string) =>
		((await suite.fx.api('GET', `/reports/${reportId}`)).rows as any[]).map(
			(row) => row.cells[1].value,
		);

	test('create a report over a sheet in a folder with a filter, then replace its definition', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const { folderId } = await place();
		const created = await suite.fx.run({
			...pat,
			resource: 'report',
			operation: 'create',
			name: 'Finished work',
			reportDestination: 'folder',
			reportContainerId: byId(folderId),
			reportSource: 'sheet',
			sourceSheetIds: sheet.id,
			reportColumns: {
				column: [
					{ title: 'Task', type: 'TEXT_NUMBER' },
					{ title: 'Status', type: 'PICKLIST' },
				],
			},
			reportDefinition: JSON.stringify(doneOnly),
		});
		const [report] = jsonOf(created, OUTPUT.success);
		assert.equal(report.name, 'Finished work');
		const reportId = String(report.id);
		const done = await rowsOf(reportId);
		assert.ok(done.length > 0 && done.every((status) => status === 'Done'));

		const notDone = {
			filters: {
				operator: 'AND',
				criteria: [{ column: { title: 'Status' }, operator: 'NOT_EQUAL', values: ['Done'] }],
			},
		};
		const [updated] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'updateDefinition',
				reportId: byId(reportId),
				definition: JSON.stringify(notDone),
			}),
			OUTPUT.success,
		);
		assert.deepEqual(updated, { id: reportId, definition: notDone });
		const open = await rowsOf(reportId);
		assert.ok(open.length > 0 && open.every((status) => status !== 'Done'));
		assert.equal((await suite.fx.stats()).byRoute['PUT /2.0/reports/{reportId}/definition'], 1);
	});

	test('a report over a whole workspace', async () => {
		const { workspaceId } = await place();
		const [report] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'create',
				name: 'Everything',
				reportDestination: 'workspace',
				reportContainerId: byId(workspaceId),
				reportSource: 'workspace',
				sourceWorkspaceId: byId(workspaceId),
				reportColumns: { column: [{ title: 'Task' }] },
			}),
			OUTPUT.success,
		);
		assert.equal(
			(await suite.fx.api('GET', `/reports/${report.id}`)).totalRowCount,
			5,
			'the five rows of Project Tracker, the one sheet in the workspace',
		);
	});

	test('failures: a column no source sheet has → Payload; a definition that is not JSON → Payload without a request; a Viewer may not change the definition → Permission', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const { workspaceId } = await place();
		const base = {
			...pat,
			resource: 'report',
			operation: 'create',
			name: 'R',
			reportDestination: 'workspace',
			reportContainerId: byId(workspaceId),
			reportSource: 'sheet',
			sourceSheetIds: sheet.id,
		};
		const [badColumn] = jsonOf(
			await suite.fx.run(
				{ ...base, reportColumns: { column: [{ title: 'Nope', type: 'TEXT_NUMBER' }] } },
				[{ keep: 1 }],
			),
			OUTPUT.payload,
		);
		assert.deepEqual(
			[
				badColumn.keep,
				(badColumn.smartsheetFailure as any).errorCode,
				(badColumn.smartsheetFailure as any).operation,
			],
			[1, 1031, 'report:create'],
		);

		const reportId = String((await suite.fx.api('GET', '/reports')).data[0].id);
		const before = (await suite.fx.stats()).requests;
		const [notJson] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'updateDefinition',
				reportId: byId(reportId),
				definition: '{"filters": ',
			}),
			OUTPUT.payload,
		);
		assert.match((notJson.smartsheetFailure as any).message, /not valid JSON/);
		assert.equal((await suite.fx.stats()).requests, before);

		await suite.fx.admin('POST', '/access', { reportId, accessLevel: 'VIEWER' });
		const [denied] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'updateDefinition',
				reportId: byId(reportId),
				definition: JSON.stringify(doneOnly),
			}),
			OUTPUT.permission,
		);
		assert.equal((denied.smartsheetFailure as any).errorCode, 1004);
	});

	test('Get Path: a sheet, a report and a folder, with the names along the way', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const [sheetPath] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'getPath',
				sheetId: byId(sheet.id),
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			[sheetPath.path, sheetPath.pathNames],
			['Demo Workspace / Project Tracker', ['Demo Workspace', 'Project Tracker']],
		);
		assert.equal((sheetPath.sheets as any[])[0].id, sheet.id);

		const reportId = String((await suite.fx.api('GET', '/reports')).data[0].id);
		const [reportPath] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'report',
				operation: 'getPath',
				reportId: byId(reportId),
			}),
			OUTPUT.success,
		);
		assert.equal(reportPath.path, 'Demo Workspace / Open Tasks');

		const { folderId } = await place();
		const inner = await suite.fx.api('POST', `/folders/${folderId}/folders`, { name: 'Q4' });
		const [folderPath] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'getPath',
				folderId: byId(String(inner.result.id)),
			}),
			OUTPUT.success,
		);
		assert.equal(folderPath.path, 'Demo Workspace / Projects / Q4');

		const [missing] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'getPath',
				sheetId: byId('4242424242'),
			}),
			OUTPUT.payload,
		);
		assert.deepEqual(
			[(missing.smartsheetFailure as any).errorCode, (missing.smartsheetFailure as any).operation],
			[1006, 'sheet:getPath'],
		);
	});
});
