// Issue 13: a write whose answer is lost or wrong is never done twice, and never reported as not
// done when it was. The emulator carries the request out, then loses or garbles its answer
// (afterActing faults); the node reads back and reconciles instead of sending blindly again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const GATEWAY_PAGE = {
	kind: 'raw',
	status: 502,
	contentType: 'text/html',
	body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
};
const PROXY_OK_PAGE = {
	kind: 'raw',
	status: 200,
	contentType: 'text/html',
	body: '<html><body>Please sign in</body></html>',
};
const GENERIC_4004 = { kind: 'error', errorCode: 4004 };
// The node's timeout is 1 s in these runs; the answer comes ten minutes after the write (never, here).
const LATE = { kind: 'delay', ms: 600_000 };

/** Every answer after which a write may have happened, as a field sees them. */
export const AMBIGUOUS_FAULTS = [
	{ name: '500/4002', response: { kind: 'error', errorCode: 4002 } },
	{ name: '500/4000', response: { kind: 'error', errorCode: 4000 } },
	{ name: '500/4004 without the lock text', response: GENERIC_4004 },
	{ name: "a gateway's 502 page", response: GATEWAY_PAGE },
	{ name: "a proxy's 200 HTML page", response: PROXY_OK_PAGE },
	{ name: 'a dropped connection', response: { kind: 'drop' } },
	{ name: 'an answer after the timeout', response: LATE },
];

describe('exactly once: row writes whose answer is lost', () => {
	const suite = useEmulator();
	const options = { timeoutMs: 1_000, retryInitialDelayMs: 5, maxRetryWaitSeconds: 1 };
	const rowWrite = (operation: string, sheetId: string, extra: object = {}) => ({
		resource: 'row',
		operation,
		authentication: 'accessToken',
		sheetId: byId(sheetId),
		options,
		...extra,
	});
	const afterActing = async (method: string, path: string, response: object, count = 1) =>
		await suite.fx.admin('POST', '/faults', {
			match: { method, path },
			count,
			afterActing: true,
			response,
		});
	const beforeActing = async (method: string, path: string, response: object, count = 1) =>
		await suite.fx.admin('POST', '/faults', { match: { method, path }, count, response });
	const rowsOf = async (sheetId: string) =>
		(await suite.fx.api<any>('GET', `/sheets/${sheetId}`)).rows as Array<{
			id: string;
			cells: any[];
		}>;
	const tasks = async (sheetId: string, columnId: string) =>
		(await rowsOf(sheetId)).map(
			(row) => row.cells.find((cell) => String(cell.columnId) === columnId)?.value,
		);
	const taskColumn = (sheet: { columns: Array<{ id: string; title: string }> }) =>
		sheet.columns.find((column) => column.title === 'Task')!.id;

	for (const fault of AMBIGUOUS_FAULTS) {
		test(`Add Rows, carried out then ${fault.name}: each row once, found by reading back`, async () => {
			const sheet = await suite.fx.sheet('Project Tracker');
			const before = await tasks(sheet.id, taskColumn(sheet));
			await afterActing('POST', '/2.0/sheets/*/rows', fault.response);
			const items = [{ Task: 'alpha', Status: 'Done' }, { Task: 'beta' }, { Task: 'gamma' }];
			const result = await suite.fx.run(rowWrite('add', sheet.id), items);
			const after = await tasks(sheet.id, taskColumn(sheet));
			assert.deepEqual(after, [...before, 'alpha', 'beta', 'gamma'], 'every row exactly once');
			const success = jsonOf(result, OUTPUT.success);
			assert.deepEqual(
				success.map((row) => row.Task),
				['alpha', 'beta', 'gamma'],
			);
			const ids = new Set((await rowsOf(sheet.id)).map((row) => String(row.id)));
			for (const row of success) {
				assert.equal(row.reconciled, true);
				assert.ok(ids.has(String(row.id)), 'the Success item names a row of the sheet');
			}
			const stats = await suite.fx.stats();
			assert.equal(stats.byRoute['POST /2.0/sheets/{sheetId}/rows'], 1, 'never sent again');
		});
	}

	test('Add Rows refused before acting with an ambiguous answer: read back, not there, sent once more', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await beforeActing('POST', '/2.0/sheets/*/rows', { kind: 'error', errorCode: 4002 });
		const result = await suite.fx.run(rowWrite('add', sheet.id), [
			{ Task: 'once' },
			{ Task: 'twice' },
		]);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((row) => [row.Task, row.reconciled]),
			[
				['once', undefined],
				['twice', undefined],
			],
		);
		assert.equal(
			(await tasks(sheet.id, taskColumn(sheet))).filter((task) => task === 'once').length,
			1,
		);
	});

	test('lost twice, never written: Throttled with outcome "unknown" and an action to check the sheet', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await beforeActing('POST', '/2.0/sheets/*/rows', GATEWAY_PAGE, 2);
		const before = (await rowsOf(sheet.id)).length;
		const result = await suite.fx.run(rowWrite('add', sheet.id), [{ Task: 'lost' }]);
		const [failed] = jsonOf(result, OUTPUT.throttled);
		const failure = failed.smartsheetFailure as any;
		assert.equal(failure.outcome, 'unknown');
		assert.match(failure.action, /Check the rows of sheet \d+ before running the item again/);
		assert.equal((await rowsOf(sheet.id)).length, before);
		assert.equal(
			(await suite.fx.stats()).byRoute['POST /2.0/sheets/{sheetId}/rows'],
			2,
			'sent at most twice, and only after reading back',
		);
	});

	test('lost, then the second send is carried out and lost too: found by the second read-back', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await beforeActing('POST', '/2.0/sheets/*/rows', { kind: 'drop' });
		await afterActing('POST', '/2.0/sheets/*/rows', { kind: 'error', errorCode: 4000 });
		const result = await suite.fx.run(rowWrite('add', sheet.id), [{ Task: 'second time' }]);
		assert.equal(jsonOf(result, OUTPUT.success)[0].reconciled, true);
		assert.equal(
			(await tasks(sheet.id, taskColumn(sheet))).filter((task) => task === 'second time').length,
			1,
		);
	});

	test('two items with the same cells need two rows: one found row answers for one item only', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await afterActing('POST', '/2.0/sheets/*/rows', { kind: 'error', errorCode: 4002 });
		const result = await suite.fx.run(rowWrite('add', sheet.id), [
			{ Task: 'twin' },
			{ Task: 'twin' },
		]);
		const success = jsonOf(result, OUTPUT.success);
		assert.equal(success.length, 2);
		assert.notEqual(success[0].id, success[1].id);
		assert.equal(
			(await tasks(sheet.id, taskColumn(sheet))).filter((task) => task === 'twin').length,
			2,
		);
	});

	test('a row already in the sheet with the same cells is not taken for the new one', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const [existing] = await tasks(sheet.id, taskColumn(sheet));
		await afterActing('POST', '/2.0/sheets/*/rows', GATEWAY_PAGE);
		const result = await suite.fx.run(rowWrite('add', sheet.id), [{ Task: existing }]);
		const [row] = jsonOf(result, OUTPUT.success);
		assert.equal(
			row.id,
			(await rowsOf(sheet.id)).at(-1)!.id,
			'the row just added, at the bottom as asked',
		);
	});

	test('the read-back itself fails: Throttled with outcome "unknown", nothing sent again', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await afterActing('POST', '/2.0/sheets/*/rows', { kind: 'error', errorCode: 4002 });
		await beforeActing('GET', '/2.0/sheets/*', { kind: 'error', errorCode: 1004 });
		const result = await suite.fx.run(rowWrite('add', sheet.id), [{ Task: 'unseen' }]);
		assert.equal((jsonOf(result, OUTPUT.throttled)[0].smartsheetFailure as any).outcome, 'unknown');
		assert.equal((await suite.fx.stats()).byRoute['POST /2.0/sheets/{sheetId}/rows'], 1);
	});

	for (const fault of [AMBIGUOUS_FAULTS[0], AMBIGUOUS_FAULTS[5]]) {
		test(`Update Rows, carried out then ${fault.name}: the rows' current cells confirm it`, async () => {
			const sheet = await suite.fx.sheetWithRows('Project Tracker');
			await afterActing('PUT', '/2.0/sheets/*/rows', fault.response);
			const items = sheet.rowIds.slice(0, 2).map((id, index) => ({ id, Task: `renamed ${index}` }));
			const result = await suite.fx.run(
				rowWrite('update', sheet.id, { rowId: '={{ $json.id }}' }),
				items,
			);
			assert.deepEqual(
				jsonOf(result, OUTPUT.success).map((row) => [row.id, row.Task, row.reconciled]),
				[
					[sheet.rowIds[0], 'renamed 0', true],
					[sheet.rowIds[1], 'renamed 1', true],
				],
			);
			assert.equal((await suite.fx.stats()).byRoute['PUT /2.0/sheets/{sheetId}/rows'], 1);
		});
	}

	test('Update Rows refused before acting (4002): the cells are not there yet, so it is sent once more', async () => {
		const sheet = await suite.fx.sheetWithRows('Project Tracker');
		await beforeActing('PUT', '/2.0/sheets/*/rows', { kind: 'error', errorCode: 4002 });
		const result = await suite.fx.run(rowWrite('update', sheet.id, { rowId: '={{ $json.id }}' }), [
			{ id: sheet.rowIds[0], Task: 'late rename' },
		]);
		assert.equal(jsonOf(result, OUTPUT.success)[0].Task, 'late rename');
		assert.equal((await suite.fx.stats()).byRoute['PUT /2.0/sheets/{sheetId}/rows'], 2);
	});

	test('Delete Rows, carried out then the connection drops: "not found" on the second send means done', async () => {
		const sheet = await suite.fx.sheetWithRows('Project Tracker');
		await afterActing('DELETE', '/2.0/sheets/*/rows', { kind: 'drop' });
		const result = await suite.fx.run(rowWrite('delete', sheet.id, { rowId: '={{ $json.id }}' }), [
			{ id: sheet.rowIds[0] },
			{ id: sheet.rowIds[1] },
		]);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((row) => [row.id, row.deleted, row.reconciled]),
			[
				[sheet.rowIds[0], true, true],
				[sheet.rowIds[1], true, true],
			],
		);
		assert.equal((await rowsOf(sheet.id)).length, sheet.rowIds.length - 2);
	});

	test('Upsert with a repeated new key: one row per key, the first adds it, the later ones update it', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const before = (await rowsOf(sheet.id)).length;
		const items = [
			{ Task: 'K-1', Status: 'Not Started' },
			{ Task: 'K-2', Status: 'Not Started' },
			{ Task: 'K-1', Status: 'In Progress' },
			{ Task: 'K-1', Status: 'Done' },
		];
		const result = await suite.fx.run(rowWrite('upsert', sheet.id, { keyColumn: 'Task' }), items);
		const success = jsonOf(result, OUTPUT.success);
		assert.equal(success.length, 4);
		assert.equal(
			new Set([success[0].id, success[2].id, success[3].id]).size,
			1,
			'the three K-1 items address one row',
		);
		assert.equal((await rowsOf(sheet.id)).length, before + 2);
		const k1 = (await rowsOf(sheet.id)).find((row) => String(row.id) === String(success[0].id))!;
		const status = sheet.columns.find((column) => column.title === 'Status')!.id;
		assert.equal(
			k1.cells.find((cell) => String(cell.columnId) === status)?.value,
			'Done',
			'the last item wins',
		);
		assert.equal(
			(await suite.fx.stats()).byRoute['POST /2.0/sheets/{sheetId}/rows'],
			1,
			'both new keys added in one request',
		);
	});
});

describe('answers that are not Smartsheet JSON', () => {
	const suite = useEmulator();
	const options = { retryInitialDelayMs: 5, maxRetryWaitSeconds: 0.2 };

	test("a proxy's 200 HTML page on a read: Throttled, never a Success item without data", async () => {
		await suite.fx.admin('POST', '/faults', {
			match: { path: '/2.0/users/me' },
			count: 50,
			response: PROXY_OK_PAGE,
		});
		const result = await suite.fx.run(
			{ resource: 'user', operation: 'getCurrent', authentication: 'accessToken', options },
			[{ n: 1 }, { n: 2 }],
		);
		assert.equal(result.status, 'success');
		assert.equal(jsonOf(result, OUTPUT.success).length, 0);
		const throttled = jsonOf(result, OUTPUT.throttled);
		assert.equal(throttled.length, 2);
		assert.match(
			(throttled[0].smartsheetFailure as any).message,
			/not its JSON \(HTTP 200, text\/html\)/,
		);
	});

	test('a 3xx redirect to a login page on a read: Throttled', async () => {
		await suite.fx.admin('POST', '/faults', {
			match: { path: '/2.0/users/me' },
			count: 50,
			response: { kind: 'raw', status: 302, body: 'Found' },
		});
		const result = await suite.fx.run(
			{ resource: 'user', operation: 'getCurrent', authentication: 'accessToken', options },
			[{ n: 1 }],
		);
		assert.equal(jsonOf(result, OUTPUT.throttled).length, 1);
	});
});

describe('other creates whose answer is lost: read back where Smartsheet can tell', () => {
	const suite = useEmulator();
	const options = { timeoutMs: 1_000, retryInitialDelayMs: 5, maxRetryWaitSeconds: 0.2 };
	const pat = { authentication: 'accessToken', options };
	const fault = async (method: string, path: string, response: object, afterActing = true) =>
		await suite.fx.admin('POST', '/faults', {
			match: { method, path },
			count: 1,
			afterActing,
			response,
		});
	const posts = async (route: string) => (await suite.fx.stats()).byRoute[`POST ${route}`];

	test('Create Sheet carried out then answered 500/4002: found by name and creation time, created once', async () => {
		await fault('POST', '/2.0/sheets', { kind: 'error', errorCode: 4002 });
		const before = (await suite.fx.api<any>('GET', '/sheets?includeAll=true')).data.length;
		const columns = { column: [{ title: 'Name', type: 'TEXT_NUMBER', primary: true }] };
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'sheet',
				operation: 'create',
				name: 'Once only',
				destination: 'home',
				columns,
			},
			[{}],
		);
		const [sheet] = jsonOf(result, OUTPUT.success);
		assert.deepEqual([sheet.name, sheet.reconciled], ['Once only', true]);
		assert.equal(
			(await suite.fx.api<any>('GET', '/sheets?includeAll=true')).data.length,
			before + 1,
			'one sheet',
		);
		assert.equal(await posts('/2.0/sheets'), 1, 'never sent again');
	});

	test('Column Add carried out then the connection drops: found by its title', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await fault('POST', '/2.0/sheets/*/columns', { kind: 'drop' });
		const result = await suite.fx.run({
			...pat,
			resource: 'column',
			operation: 'add',
			sheetId: byId(sheet.id),
			title: 'Budget',
			columnType: 'TEXT_NUMBER',
			index: 1,
		});
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((column) => [column.title, column.reconciled]),
			[['Budget', true]],
		);
		const titles = (await suite.fx.sheet('Project Tracker')).columns.map((column) => column.title);
		assert.equal(titles.filter((title) => title === 'Budget').length, 1);
	});

	test('Column Add refused before acting with 500/4002: not found, so sent once more', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await fault('POST', '/2.0/sheets/*/columns', { kind: 'error', errorCode: 4002 }, false);
		const result = await suite.fx.run({
			...pat,
			resource: 'column',
			operation: 'add',
			sheetId: byId(sheet.id),
			title: 'Budget',
			columnType: 'TEXT_NUMBER',
			index: 1,
		});
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((column) => [column.title, column.reconciled]),
			[['Budget', undefined]],
		);
		assert.equal(await posts('/2.0/sheets/{sheetId}/columns'), 2);
	});

	test('Attach URL carried out then a 502 page: found by URL, attached once', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await fault('POST', '/2.0/sheets/*/attachments', {
			kind: 'raw',
			status: 502,
			contentType: 'text/html',
			body: '<h1>502</h1>',
		});
		const params = {
			...pat,
			resource: 'attachment',
			operation: 'attachUrl',
			sheetId: byId(sheet.id),
			attachTo: 'sheet',
			attachmentType: 'LINK',
			url: 'https://example.com/spec',
			name: 'Spec',
		};
		const [attachment] = jsonOf(await suite.fx.run(params), OUTPUT.success);
		assert.deepEqual([attachment.url, attachment.reconciled], ['https://example.com/spec', true]);
		const listed = (await suite.fx.api<any>('GET', `/sheets/${sheet.id}/attachments`)).data;
		assert.equal(
			listed.filter((candidate: any) => candidate.url === 'https://example.com/spec').length,
			1,
		);
	});

	test('Discussion Create and Comment Add carried out then lost: found by their text', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await fault('POST', '/2.0/sheets/*/discussions', { kind: 'error', errorCode: 4000 });
		const [discussion] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'discussion',
				operation: 'create',
				sheetId: byId(sheet.id),
				discussionOn: 'sheet',
				text: 'Kick-off?',
			}),
			OUTPUT.success,
		);
		assert.equal(discussion.reconciled, true);
		await fault('POST', '/2.0/sheets/*/discussions/*/comments', PROXY_OK_PAGE);
		const params = {
			...pat,
			resource: 'comment',
			operation: 'add',
			sheetId: byId(sheet.id),
			discussionId: String(discussion.id),
			text: 'Monday',
		};
		const [comment] = jsonOf(await suite.fx.run(params), OUTPUT.success);
		assert.deepEqual([comment.text, comment.reconciled], ['Monday', true]);
		const thread = await suite.fx.api<any>(
			'GET',
			`/sheets/${sheet.id}/discussions/${discussion.id}`,
		);
		assert.deepEqual(
			thread.comments.map((candidate: any) => candidate.text),
			['Kick-off?', 'Monday'],
		);
		const discussions = (
			await suite.fx.api<any>('GET', `/sheets/${sheet.id}/discussions?include=comments`)
		).data;
		assert.equal(
			discussions.filter((candidate: any) => candidate.comments?.[0]?.text === 'Kick-off?').length,
			1,
		);
	});

	test('Workspace Create carried out then answered 500/4002: no read-back can tell, Throttled with outcome "unknown", never sent again', async () => {
		await fault('POST', '/2.0/workspaces', { kind: 'error', errorCode: 4002 });
		const result = await suite.fx.run({
			...pat,
			resource: 'workspace',
			operation: 'create',
			name: 'Launch',
		});
		const failure = jsonOf(result, OUTPUT.throttled)[0].smartsheetFailure as any;
		assert.equal(failure.outcome, 'unknown');
		assert.match(
			failure.action,
			/check in Smartsheet whether it happened before running the item again/,
		);
		assert.equal(await posts('/2.0/workspaces'), 1);
	});
});

describe('row identity: a column may not overwrite the row’s own fields', () => {
	const suite = useEmulator();
	const columns = [
		{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
		{ title: 'id', type: 'TEXT_NUMBER' },
		{ title: 'rowNumber', type: 'TEXT_NUMBER' },
		{ title: '__proto__', type: 'TEXT_NUMBER' },
		{ title: 'constructor', type: 'TEXT_NUMBER' },
	];

	test('columns titled id, rowNumber, __proto__ and constructor arrive as "<title> (column)"; Update by {{ $json.id }} still works', async () => {
		const sheet = await suite.fx.admin('POST', '/sheets', {
			name: 'Colliding titles',
			rows: 0,
			columns,
		});
		const params = {
			resource: 'row',
			authentication: 'accessToken',
			sheetId: byId(String(sheet.id)),
		};
		// JSON.parse: an own "__proto__" key, as n8n items from JSON carry it.
		const item = JSON.parse(
			'{"Name":"first","id (column)":"EXT-1","rowNumber (column)":"r7","__proto__ (column)":"p","constructor (column)":"c"}',
		);
		const [added] = jsonOf(
			await suite.fx.run({ ...params, operation: 'add' }, [item]),
			OUTPUT.success,
		);
		assert.match(String(added.id), /^\d+$/, 'the row ID, not the cell');

		const [listed] = jsonOf(await suite.fx.run({ ...params, operation: 'list' }), OUTPUT.success);
		assert.equal(listed.id, added.id);
		assert.equal(listed.rowNumber, 1);
		assert.deepEqual(
			Object.keys(listed)
				.filter((key) => key.endsWith('(column)'))
				.sort(),
			['__proto__ (column)', 'constructor (column)', 'id (column)', 'rowNumber (column)'],
		);
		assert.deepEqual(
			[
				listed['id (column)'],
				listed['rowNumber (column)'],
				listed['__proto__ (column)'],
				listed['constructor (column)'],
			],
			['EXT-1', 'r7', 'p', 'c'],
		);
		assert.equal(Object.getPrototypeOf(listed), Object.prototype);

		// Downstream: the listed item goes into Update with the default Row ID expression.
		const changed = { ...listed, 'id (column)': 'EXT-2' };
		const [updated] = jsonOf(
			await suite.fx.run({ ...params, operation: 'update', rowId: '={{ $json.id }}' }, [changed]),
			OUTPUT.success,
		);
		assert.deepEqual(
			[updated.id, updated['id (column)'], updated.Name],
			[added.id, 'EXT-2', 'first'],
		);
	});
});
