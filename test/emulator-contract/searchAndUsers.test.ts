// Search through an index that lags behind writes, and the account's users.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	advanceClock,
	assertError,
	call,
	sheetByName,
	stopClock,
	tracker,
	TWO_TO_53,
	useEmulator,
} from './client';

describe('search', () => {
	const suite = useEmulator();

	test('everything: {results, totalCount}; rows carry their sheet as parent; names of sheets, reports, workspaces, folders', async () => {
		const sheet = await tracker(suite.emu);
		const reply = await call(suite.emu, 'GET', '/2.0/search?query=review');
		assert.deepEqual(Object.keys(reply.json).sort(), ['results', 'totalCount']);
		assert.equal(reply.json.totalCount, 1);
		assert.deepEqual(reply.json.results[0], {
			text: 'Design review',
			objectType: 'row',
			objectId: sheet.rowIds[2],
			parentObjectType: 'sheet',
			parentObjectId: sheet.id,
			parentObjectName: 'Project Tracker',
			contextData: ['Row 3'],
		});
		const kinds = async (query: string) =>
			(await call(suite.emu, 'GET', `/2.0/search?query=${encodeURIComponent(query)}`)).json.results
				.map((result: any) => result.objectType)
				.sort();
		assert.deepEqual(
			await kinds('project'),
			['folder', 'sheet'],
			'"Project Tracker" and the folder "Projects"',
		);
		assert.deepEqual(await kinds('open tasks'), ['report']);
		assert.deepEqual(await kinds('demo workspace'), ['workspace']);
		assert.deepEqual(await kinds('"tasks open"'), [], 'a quoted phrase must appear as it is');
		assertError(await call(suite.emu, 'GET', '/2.0/search'), 400, 1009);
		assertError(await call(suite.emu, 'GET', '/2.0/search?query=%20'), 400, 1009);
	});

	test('scopes and modifiedSince narrow the results; an unknown scope answers 1018', async () => {
		const scoped = async (scopes: string) =>
			(await call(suite.emu, 'GET', `/2.0/search?query=project&scopes=${scopes}`)).json.results.map(
				(result: any) => result.objectType,
			);
		assert.deepEqual(await scoped('sheetNames'), ['sheet']);
		assert.deepEqual(await scoped('folderNames,cellData'), ['folder']);
		assertError(
			await call(suite.emu, 'GET', '/2.0/search?query=project&scopes=everything'),
			400,
			1018,
		);
		const future = new Date(Date.now() + 60_000).toISOString();
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/search?query=project&modifiedSince=${future}`)).json
				.totalCount,
			0,
		);
	});

	test('in one sheet: only its rows; unknown sheet 404/1006, a sheet at NONE 403/1004 and out of search everywhere', async () => {
		const sheet = await tracker(suite.emu);
		const done = (await call(suite.emu, 'GET', `/2.0/search/sheets/${sheet.id}?query=done`)).json;
		assert.deepEqual(
			done.results.map((result: any) => String(result.objectId)),
			sheet.rowIds.slice(0, 2),
		);
		assert.ok(done.results.every((result: any) => result.objectType === 'row'));
		assertError(
			await call(suite.emu, 'GET', '/2.0/search/sheets/4242424242?query=done'),
			404,
			1006,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		assertError(
			await call(suite.emu, 'GET', `/2.0/search/sheets/${sheet.id}?query=done`),
			403,
			1004,
		);
		assert.equal((await call(suite.emu, 'GET', '/2.0/search?query=review')).json.totalCount, 0);
	});

	test('the index lags writes by searchLagMs: a new row, a change and a deletion show only after the lag', async () => {
		await admin(suite.emu, 'POST', '/config', { searchLagMs: 800 });
		await stopClock(suite.emu);
		const sheet = await tracker(suite.emu);
		const hits = async (query: string) =>
			(
				await call(suite.emu, 'GET', `/2.0/search/sheets/${sheet.id}?query=${query}`)
			).json.results.map((result: any) => String(result.objectId));
		const added = await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ cells: [{ columnId: sheet.columns.Task, value: 'Retrospective' }] }],
		});
		const newRowId = String(added.json.result[0].id);
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [
				{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Task, value: 'Kickoff party' }] },
			],
		});
		await call(suite.emu, 'DELETE', `/2.0/sheets/${sheet.id}/rows?ids=${sheet.rowIds[4]}`);
		assert.deepEqual(await hits('retrospective'), [], 'not yet indexed');
		assert.deepEqual(
			await hits('meeting'),
			[sheet.rowIds[0]],
			'the old text is still what the index has',
		);
		assert.deepEqual(
			await hits('launch'),
			[sheet.rowIds[4]],
			'the deleted row is still in the index',
		);
		await advanceClock(suite.emu, 850);
		assert.deepEqual(await hits('retrospective'), [newRowId]);
		assert.deepEqual([await hits('meeting'), await hits('party')], [[], [sheet.rowIds[0]]]);
		assert.deepEqual(await hits('launch'), []);
	});

	test('searchLagMs 0 indexes at once; seeded data is searchable from the start; IDs above 2^53 exact', async () => {
		await admin(suite.emu, 'POST', '/config', { searchLagMs: 0 });
		const big = await sheetByName(suite.emu, 'Big IDs');
		const reply = await call(suite.emu, 'GET', '/2.0/search?query=exceeds');
		assert.ok(
			reply.text.includes(
				`"objectId":${big.rowIds[0]},"parentObjectType":"sheet","parentObjectId":${big.id}`,
			),
			reply.text,
		);
		assert.ok(BigInt(big.rowIds[0]) > TWO_TO_53);
		await admin(suite.emu, 'POST', '/sheets', { name: 'Fresh', rows: 1 });
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/search?query=fresh&scopes=sheetNames')).json.totalCount,
			1,
		);
		await assert.rejects(
			admin(suite.emu, 'POST', '/config', { searchLagMs: -1 }),
			/invalid value -1 for searchLagMs/,
		);
	});
});

describe('users', () => {
	const suite = useEmulator();

	test('offset paging over many users, the email filter, IDs above 2^53; READ_USERS', async () => {
		await admin(suite.emu, 'POST', '/users', { count: 150 });
		const first = (await call(suite.emu, 'GET', '/2.0/users')).json;
		assert.deepEqual([first.totalCount, first.totalPages, first.data.length], [151, 2, 100]);
		assert.equal((await call(suite.emu, 'GET', '/2.0/users?page=2')).json.data.length, 51);
		const filtered = (
			await call(suite.emu, 'GET', '/2.0/users?email=USER7@example.com,demo.user@example.com')
		).json;
		assert.deepEqual(filtered.data.map((user: any) => user.email).sort(), [
			'demo.user@example.com',
			'user7@example.com',
		]);
		const { ids } = await admin(suite.emu, 'POST', '/users', {
			count: 1,
			prefix: 'huge',
			bigIds: true,
		});
		assert.ok(BigInt(ids[0]) > TWO_TO_53);
		const huge = await call(suite.emu, 'GET', '/2.0/users?email=huge152@example.com');
		assert.ok(huge.text.includes(`"id":${ids[0]},`), huge.text);
		const pair = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_SHEETS'] });
		assertError(
			await call(suite.emu, 'GET', '/2.0/users', { token: pair.access_token }),
			403,
			1004,
		);
	});
});
