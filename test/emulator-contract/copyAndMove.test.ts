// Copying a sheet and copying or moving rows to another sheet: shapes, what comes
// along (include=…), errors, scopes, access and IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	assertError,
	call,
	CLIENT,
	sheetByName,
	TWO_TO_53,
	tracker,
	useEmulator,
} from './client';

async function target(
	emu: Parameters<typeof call>[0],
	columns = [
		{ title: 'Task', type: 'TEXT_NUMBER', primary: true },
		{ title: 'Notes', type: 'TEXT_NUMBER' },
	],
) {
	const made = await call(emu, 'POST', '/2.0/sheets', { body: { name: 'Archive', columns } });
	return {
		id: String(made.json.result.id),
		columns: made.json.result.columns as Array<{ id: string; title: string }>,
	};
}

describe('rows: copy and move to another sheet', () => {
	const suite = useEmulator();

	test('copy: {destinationSheetId, rowMappings:[{from, to}]}; new rows at the bottom, cells by column title, missing columns added; the source keeps its rows', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const archive = await target(suite.emu);
		const copied = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/copy`, {
			body: { rowIds: [rowIds[1], rowIds[0]], to: { sheetId: archive.id } },
		});
		assert.equal(copied.status, 200, copied.text);
		assert.deepEqual(Object.keys(copied.json).sort(), ['destinationSheetId', 'rowMappings']);
		assert.equal(copied.json.destinationSheetId, archive.id);
		assert.deepEqual(
			copied.json.rowMappings.map((mapping: any) => mapping.from),
			[rowIds[0], rowIds[1]],
			'in sheet order',
		);
		assert.match(copied.text, /"rowMappings":\[\{"from":\d+,"to":\d+\}/, 'IDs are bare numbers');
		const sheet = (await call(suite.emu, 'GET', `/2.0/sheets/${archive.id}`)).json;
		assert.deepEqual(
			sheet.columns.map((column: any) => column.title),
			['Task', 'Notes', 'Status', 'Due', 'Owner', 'Done'],
		);
		assert.deepEqual(
			sheet.rows.map((row: any) => [row.id, row.cells[0].value]),
			[
				[copied.json.rowMappings[0].to, 'Kickoff meeting'],
				[copied.json.rowMappings[1].to, 'Collect requirements'],
			],
		);
		assert.equal(sheet.rows[0].cells[2].value, 'Done');
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length, 5);
	});

	test('move: the rows leave the source with their children; row attachments and discussions follow with include; cell history moves along', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const archive = await target(suite.emu);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [{ id: rowIds[3], parentId: rowIds[2] }],
		});
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [
				{ id: rowIds[2], cells: [{ columnId: columns.Task, value: 'Design review (moved)' }] },
			],
		});
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/${rowIds[2]}/attachments`, {
			body: { url: 'https://example.com/design', attachmentType: 'LINK' },
		});
		const moved = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${id}/rows/move?include=attachments,discussions`,
			{ body: { rowIds: [rowIds[2]], to: { sheetId: archive.id } } },
		);
		assert.equal(moved.status, 200, moved.text);
		assert.deepEqual(
			moved.json.rowMappings.map((mapping: any) => mapping.from),
			[rowIds[2], rowIds[3]],
			'the child came along',
		);
		const [parent, child] = moved.json.rowMappings.map((mapping: any) => mapping.to);
		const source = (await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json;
		assert.deepEqual(
			source.rows.map((row: any) => row.id),
			[rowIds[0], rowIds[1], rowIds[4]],
		);
		const destination = (await call(suite.emu, 'GET', `/2.0/sheets/${archive.id}`)).json;
		assert.equal(destination.rows[1].parentId, parent);
		assert.equal(destination.rows[1].id, child);
		assert.deepEqual(
			(
				await call(suite.emu, 'GET', `/2.0/sheets/${archive.id}/rows/${parent}/attachments`)
			).json.data.map((entry: any) => entry.url),
			['https://example.com/design'],
		);
		const thread = (
			await call(
				suite.emu,
				'GET',
				`/2.0/sheets/${archive.id}/rows/${parent}/discussions?include=comments`,
			)
		).json.data;
		assert.equal(
			thread[0].comments[0].createdBy.email,
			'casey.colleague@example.com',
			"the colleague's seeded thread",
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions`)).json.totalCount,
			0,
		);
		const taskColumn = destination.columns.find((column: any) => column.title === 'Task').id;
		const history = await call(
			suite.emu,
			'GET',
			`/2.0/sheets/${archive.id}/rows/${parent}/columns/${taskColumn}/history`,
		);
		assert.deepEqual(
			history.json.data.map((entry: any) => entry.value),
			['Design review (moved)', 'Design review'],
		);
	});

	test('copy leaves children behind unless include=children; ignoreRowsNotFound=true skips unknown rows, else 404/1006 and nothing happens', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const archive = await target(suite.emu);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [{ id: rowIds[1], parentId: rowIds[0] }],
		});
		const alone = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/copy`, {
			body: { rowIds: [rowIds[0]], to: { sheetId: archive.id } },
		});
		assert.equal(alone.json.rowMappings.length, 1);
		const family = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/copy?include=children`, {
			body: { rowIds: [rowIds[0]], to: { sheetId: archive.id } },
		});
		assert.equal(family.json.rowMappings.length, 2);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/move`, {
				body: { rowIds: [rowIds[4], '123'], to: { sheetId: archive.id } },
			}),
			404,
			1006,
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length,
			5,
			'nothing moved',
		);
		const skipping = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${id}/rows/move?ignoreRowsNotFound=true`,
			{ body: { rowIds: [rowIds[4], '123'], to: { sheetId: archive.id } } },
		);
		assert.deepEqual(
			skipping.json.rowMappings.map((mapping: any) => mapping.from),
			[rowIds[4]],
		);
	});

	test('errors: rowIds or to.sheetId missing 1012, not IDs 1008, more than 500 1160, unknown destination 1006, move onto itself 1031', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const archive = await target(suite.emu);
		const copy = `/2.0/sheets/${id}/rows/copy`;
		assertError(
			await call(suite.emu, 'POST', copy, { body: { to: { sheetId: archive.id } } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', copy, { body: { rowIds: [], to: { sheetId: archive.id } } }),
			400,
			1012,
		);
		assertError(await call(suite.emu, 'POST', copy, { body: { rowIds: [rowIds[0]] } }), 400, 1012);
		assertError(
			await call(suite.emu, 'POST', copy, { body: { rowIds: [rowIds[0]], to: {} } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', copy, {
				body: { rowIds: ['abc'], to: { sheetId: archive.id } },
			}),
			400,
			1008,
		);
		const tooMany = await call(suite.emu, 'POST', copy, {
			body: {
				rowIds: Array.from({ length: 501 }, (_, index) => String(index + 1)),
				to: { sheetId: archive.id },
			},
		});
		assertError(tooMany, 400, 1160);
		assert.deepEqual(tooMany.json.detail, { maxRowCount: 500, rowCount: 501 });
		assertError(
			await call(suite.emu, 'POST', copy, {
				body: { rowIds: [rowIds[0]], to: { sheetId: '123' } },
			}),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/move`, {
				body: { rowIds: [rowIds[0]], to: { sheetId: id } },
			}),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/sheets/123/rows/copy', {
				body: { rowIds: [rowIds[0]], to: { sheetId: archive.id } },
			}),
			404,
			1006,
		);
	});

	test('scope WRITE_SHEETS; EDITOR on the source and on the destination', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const archive = await target(suite.emu);
		const body = { rowIds: [rowIds[0]], to: { sheetId: archive.id } };
		const readOnly = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['READ_SHEETS'],
			})
		).access_token;
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/copy`, { token: readOnly, body }),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: archive.id, accessLevel: 'VIEWER' });
		assertError(await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/copy`, { body }), 403, 1004);
		await admin(suite.emu, 'POST', '/access', { sheetId: archive.id, accessLevel: 'EDITOR' });
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assertError(await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/move`, { body }), 403, 1004);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'EDITOR' });
		assert.equal(
			(await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/move`, { body })).status,
			200,
		);
	});

	test('IDs above 2^53: rows of "Big IDs" copied keep exact IDs in rowMappings', async () => {
		const big = await sheetByName(suite.emu, 'Big IDs');
		const archive = await target(suite.emu, [
			{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
		]);
		const copied = await call(suite.emu, 'POST', `/2.0/sheets/${big.id}/rows/copy`, {
			body: { rowIds: [big.rowIds[0]], to: { sheetId: archive.id } },
		});
		assert.ok(copied.text.includes(`"from":${big.rowIds[0]}`), copied.text);
		assert.ok(BigInt(big.rowIds[0]) > TWO_TO_53);
	});
});

describe('sheets: copy', () => {
	const suite = useEmulator();
	const workspaceId = () => suite.emu.state.workspaces[0].id;
	const folderId = () => suite.emu.state.folders[0].id;

	test('to a workspace with include=data: {message, resultCode, result:{id, name, accessLevel, permalink}}; columns and rows copied with new IDs', async () => {
		const { id } = await tracker(suite.emu);
		const copied = await call(suite.emu, 'POST', `/2.0/sheets/${id}/copy?include=data`, {
			body: { destinationType: 'workspace', destinationId: workspaceId(), newName: 'Tracker copy' },
		});
		assert.equal(copied.status, 200, copied.text);
		assert.deepEqual(
			[copied.json.message, copied.json.resultCode, Object.keys(copied.json.result).sort()],
			['SUCCESS', 0, ['accessLevel', 'id', 'name', 'permalink']],
		);
		assert.deepEqual(
			[copied.json.result.name, copied.json.result.accessLevel],
			['Tracker copy', 'OWNER'],
		);
		const source = (await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json;
		const copy = (await call(suite.emu, 'GET', `/2.0/sheets/${copied.json.result.id}`)).json;
		assert.equal(copy.workspace.id, workspaceId());
		assert.deepEqual(
			copy.columns.map((column: any) => column.title),
			source.columns.map((column: any) => column.title),
		);
		assert.notEqual(copy.columns[0].id, source.columns[0].id);
		assert.deepEqual(
			copy.rows.map((row: any) => row.cells[0].value),
			source.rows.map((row: any) => row.cells[0].value),
		);
		assert.notEqual(copy.rows[0].id, source.rows[0].id);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${copied.json.result.id}/discussions`)).json
				.totalCount,
			0,
			'no discussions without include',
		);
	});

	test('without include=data only the columns; include=discussions,attachments (or all) brings those; home and folder destinations', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, {
			body: { url: 'https://example.com', attachmentType: 'LINK' },
		});
		const bare = await call(suite.emu, 'POST', `/2.0/sheets/${id}/copy`, {
			body: { destinationType: 'home', newName: 'Structure only' },
		});
		const bareSheet = (await call(suite.emu, 'GET', `/2.0/sheets/${bare.json.result.id}`)).json;
		assert.deepEqual([bareSheet.columns.length, bareSheet.rows.length], [5, 0]);
		const everything = await call(suite.emu, 'POST', `/2.0/sheets/${id}/copy?include=all`, {
			body: { destinationType: 'folder', destinationId: folderId(), newName: 'Everything' },
		});
		const copyId = everything.json.result.id;
		const threads = (
			await call(suite.emu, 'GET', `/2.0/sheets/${copyId}/discussions?include=comments`)
		).json.data;
		assert.equal(threads[0].comments[0].text, 'Can we move the design review to Friday?');
		assert.notEqual(threads[0].parentId, rowIds[2], 'the thread hangs on the copied row');
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${copyId}/attachments`)).json.totalCount,
			1,
		);
	});

	test('errors: destinationType missing 1012 or unknown 1031, destinationId missing 1012 or unknown 1006, home with an ID 1031, newName missing 1012', async () => {
		const { id } = await tracker(suite.emu);
		const copy = `/2.0/sheets/${id}/copy`;
		assertError(await call(suite.emu, 'POST', copy, { body: { newName: 'x' } }), 400, 1012);
		assertError(
			await call(suite.emu, 'POST', copy, { body: { destinationType: 'desk', newName: 'x' } }),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', copy, { body: { destinationType: 'workspace', newName: 'x' } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', copy, {
				body: { destinationType: 'folder', destinationId: '123', newName: 'x' },
			}),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'POST', copy, {
				body: { destinationType: 'home', destinationId: workspaceId(), newName: 'x' },
			}),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', copy, { body: { destinationType: 'home' } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/sheets/123/copy', {
				body: { destinationType: 'home', newName: 'x' },
			}),
			404,
			1006,
		);
		const accepted = await call(
			suite.emu,
			'POST',
			`${copy}?include=cellLinks,filters,forms,ruleRecipients,rules,shares`,
			{ body: { destinationType: 'home', newName: 'x' } },
		);
		assert.equal(
			accepted.status,
			200,
			'the include words without an emulated feature are accepted',
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${accepted.json.result.id}`)).json.rows.length,
			0,
			'and bring no rows',
		);
	});

	test('scope CREATE_SHEETS; a VIEWER may copy, NONE may not; a copy of "Big IDs" has IDs above 2^53', async () => {
		const { id } = await tracker(suite.emu);
		const body = { destinationType: 'home', newName: 'x' };
		const noCreate = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['READ_SHEETS', 'WRITE_SHEETS'],
			})
		).access_token;
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/copy`, { token: noCreate, body }),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assert.equal((await call(suite.emu, 'POST', `/2.0/sheets/${id}/copy`, { body })).status, 200);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'NONE' });
		assertError(await call(suite.emu, 'POST', `/2.0/sheets/${id}/copy`, { body }), 403, 1004);
		const big = await sheetByName(suite.emu, 'Big IDs');
		const copied = await call(suite.emu, 'POST', `/2.0/sheets/${big.id}/copy?include=data`, {
			body,
		});
		const copyId = /"result":\{"id":(\d+)/.exec(copied.text)![1];
		assert.ok(BigInt(copyId) > TWO_TO_53);
	});
});
