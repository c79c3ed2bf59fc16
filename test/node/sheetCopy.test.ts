// Sheet: Copy through n8n's engine against the emulator: destinations, what is included, failure
// routing, IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('sheet copy', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };
	const copy = (sheetId: string, params: object, items: IDataObject[] = [{}]) =>
		suite.fx.run(
			{
				...pat,
				resource: 'sheet',
				operation: 'copy',
				sheetId: byId(sheetId),
				copyDestination: 'workspace',
				include: ['data'],
				...params,
			},
			items,
		);

	test('into a workspace with its rows (the default), one copy per item named from it; the new sheet ID is a string', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const workspaceId = suite.fx.emulator.state.workspaces[0].id;
		const result = await copy(
			tracker.id,
			{ destinationId: workspaceId, newName: '=Tracker {{ $json.quarter }}' },
			[{ quarter: 'Q1' }, { quarter: 'Q2' }],
		);
		const copies = jsonOf(result, OUTPUT.success);
		assert.deepEqual(
			copies.map((entry) => [entry.name, entry.accessLevel]),
			[
				['Tracker Q1', 'OWNER'],
				['Tracker Q2', 'OWNER'],
			],
		);
		assert.deepEqual(
			result.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal(typeof copies[0].id, 'string');
		const sheet = await suite.fx.api('GET', `/sheets/${copies[0].id}`);
		assert.deepEqual([sheet.rows.length, sheet.workspace.id], [5, workspaceId]);
		assert.equal((await suite.fx.stats()).byRoute['POST /2.0/sheets/{sheetId}/copy'], 2);
	});

	test('without Data only the columns; with Discussions the threads too; into a folder or Home', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const folderId = suite.fx.emulator.state.folders[0].id;
		const [bare] = jsonOf(
			await copy(tracker.id, { copyDestination: 'home', newName: 'Columns only', include: [] }),
			OUTPUT.success,
		);
		const bareSheet = await suite.fx.api('GET', `/sheets/${bare.id}`);
		assert.deepEqual([bareSheet.columns.length, bareSheet.rows.length], [5, 0]);
		const [full] = jsonOf(
			await copy(tracker.id, {
				copyDestination: 'folder',
				destinationId: folderId,
				newName: 'With threads',
				include: ['data', 'discussions'],
			}),
			OUTPUT.success,
		);
		const threads = await suite.fx.api('GET', `/sheets/${full.id}/discussions?include=comments`);
		assert.equal(threads.data[0].comments[0].text, 'Can we move the design review to Friday?');
	});

	test('wrong sheet or destination ID → Payload (1006); no name or a non-numeric destination → Payload without a request', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'sheet',
				operation: 'copy',
				sheetId: byId('={{ $json.sheet }}'),
				copyDestination: 'folder',
				destinationId: '={{ $json.folder }}',
				newName: '={{ $json.name }}',
				include: ['data'],
			},
			[
				{ sheet: '123', folder: suite.fx.emulator.state.folders[0].id, name: 'a' },
				{ sheet: tracker.id, folder: '456', name: 'b' },
				{ sheet: tracker.id, folder: 'abc', name: 'c' },
				{ sheet: tracker.id, folder: suite.fx.emulator.state.folders[0].id, name: ' ' },
			],
		);
		const failures = jsonOf(result, OUTPUT.payload).map((item) => item.smartsheetFailure as any);
		assert.deepEqual(
			failures.map((failure) => failure.errorCode),
			[1006, 1006, null, null],
		);
		assert.match(failures[2].message, /Workspace or folder ID must be a number/);
		assert.match(failures[3].message, /needs a name/);
		assert.equal((await suite.fx.stats()).byRoute['POST /2.0/sheets/{sheetId}/copy'], 2);
	});

	test('access taken away → Permission; an OAuth token without CREATE_SHEETS → Permission', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		await suite.fx.admin('POST', '/access', { sheetId: tracker.id, accessLevel: 'NONE' });
		const denied = await copy(tracker.id, { copyDestination: 'home', newName: 'x' });
		assert.equal((jsonOf(denied, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		await suite.fx.admin('POST', '/access', { sheetId: tracker.id, accessLevel: 'OWNER' });
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS', 'WRITE_SHEETS'] }));
		const noScope = await suite.fx.run({
			resource: 'sheet',
			operation: 'copy',
			sheetId: byId(tracker.id),
			copyDestination: 'home',
			newName: 'x',
			include: [],
		});
		const failure = jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any;
		assert.deepEqual([failure.httpStatus, failure.errorCode], [403, 1004]);
	});

	test('IDs above 2^53: copying "Big IDs" gives a sheet whose ID exceeds 2^53, exact', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const [made] = jsonOf(
			await copy(big.id, { copyDestination: 'home', newName: 'Big copy' }),
			OUTPUT.success,
		);
		assert.ok(BigInt(made.id as string) > 2n ** 53n);
		const [sheet] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'get',
				sheetId: byId(made.id as string),
			}),
			OUTPUT.success,
		);
		assert.equal(sheet.id, made.id);
		assert.equal((sheet.rows as any[])[0].Name, 'a row whose ID exceeds 2^53');
	});
});
