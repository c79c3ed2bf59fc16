// Webhooks as Smartsheet runs them: create disabled, enable with a synchronous
// verification, signed callbacks for sheet changes, subscope, duplicates, re-verification, the
// retry table and schedule, statuses, the 2026 list paging. Callbacks travel over HTTP to a
// subscriber on 127.0.0.1.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';

import { parseArgs } from '../emulator/cli';
import { CallbackReceiver, echoChallenge, isChallenge } from '../support/callbackReceiver';
import {
	admin,
	assertError,
	call,
	CLIENT,
	sheetByName,
	start,
	tracker,
	TWO_TO_53,
	useEmulator,
} from './client';

const fast = { allowInsecureCallbacks: true, retryTimeScale: 1e-5, callbackTimeoutMs: 400 };

function newWebhook(callbackUrl: string, sheetId: string, extra: Record<string, unknown> = {}) {
	return {
		name: 'test hook',
		callbackUrl,
		scope: 'sheet',
		scopeObjectId: sheetId,
		events: ['*.*'],
		version: 1,
		...extra,
	};
}

function signed(raw: string, secret: string): string {
	return createHmac('sha256', secret).update(raw).digest('hex');
}

describe('webhooks: create, validate, list, get, delete', () => {
	const suite = useEmulator({ webhooks: fast });

	test('create answers a disabled NEW_NOT_VERIFIED webhook with a shared secret; `enabled` in the body has no effect', async () => {
		const sheet = await tracker(suite.emu);
		const reply = await call(suite.emu, 'POST', '/2.0/webhooks', {
			body: newWebhook('https://hooks.example.com/in', sheet.id, { enabled: true }),
		});
		assert.equal(reply.status, 200, reply.text);
		const webhook = reply.json.result;
		assert.deepEqual(
			[
				reply.json.message,
				webhook.enabled,
				webhook.status,
				webhook.scope,
				webhook.scopeObjectId,
				webhook.version,
			],
			['SUCCESS', false, 'NEW_NOT_VERIFIED', 'sheet', sheet.id, 1],
		);
		assert.match(webhook.sharedSecret, /^[a-z0-9]{26}$/);
		assert.ok(reply.text.includes(`"scopeObjectId":${sheet.id}`), 'IDs are bare numbers');
		assert.deepEqual(webhook.events, ['*.*']);
	});

	test("Smartsheet's rules for the callback URL: HTTPS (1152), allowed ports and no private address (1031)", async () => {
		const sheet = await tracker(suite.emu);
		await admin(suite.emu, 'POST', '/webhooks/config', { allowInsecureCallbacks: false });
		const attempt = async (url: string) =>
			await call(suite.emu, 'POST', '/2.0/webhooks', { body: newWebhook(url, sheet.id) });
		const http = await attempt('http://hooks.example.com/in');
		assertError(http, 400, 1152);
		assert.match(
			http.json.message,
			/Only URLs with a protocol of 'https' are supported for attribute 'callbackUrl'/,
		);
		assertError(await attempt('https://hooks.example.com:9000/in'), 400, 1031);
		assertError(await attempt('https://127.0.0.1/in'), 400, 1031);
		assertError(await attempt('https://192.168.1.20:8443/in'), 400, 1031);
		assertError(await attempt('https://localhost:8080/in'), 400, 1031);
		assertError(await attempt('not a url'), 400, 1031);
		for (const port of ['', ':8000', ':8008', ':8080', ':8443'])
			assert.equal((await attempt(`https://hooks.example.com${port}/in`)).status, 200, port);
		await admin(suite.emu, 'POST', '/webhooks/config', { allowInsecureCallbacks: true });
		assert.equal(
			(await attempt('http://127.0.0.1:5678/webhook/abc')).status,
			200,
			'relaxed for tests and demos',
		);
	});

	test("bad definitions get Smartsheet's codes: missing attribute 1012, unknown sheet 1151, unknown subscope column 1293, events and version fixed", async () => {
		const sheet = await tracker(suite.emu);
		const url = 'https://hooks.example.com/in';
		const missing = await call(suite.emu, 'POST', '/2.0/webhooks', {
			body: {
				callbackUrl: url,
				scope: 'sheet',
				scopeObjectId: sheet.id,
				events: ['*.*'],
				version: 1,
			},
		});
		assertError(missing, 400, 1012);
		assert.match(missing.json.message, /name/);
		const unknown = await call(suite.emu, 'POST', '/2.0/webhooks', {
			body: newWebhook(url, '12345'),
		});
		assertError(unknown, 400, 1151);
		assert.match(unknown.json.message, /Scope 'sheet', object id 12345 was not found/);
		assertError(
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				body: newWebhook(url, sheet.id, { subscope: { columnIds: [sheet.columns.Status, '777'] } }),
			}),
			404,
			1293,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				body: newWebhook(url, sheet.id, { events: ['row.created'] }),
			}),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				body: newWebhook(url, sheet.id, { version: 2 }),
			}),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				body: newWebhook(url, sheet.id, { scope: 'workspace' }),
			}),
			400,
			1031,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		assertError(
			await call(suite.emu, 'POST', '/2.0/webhooks', { body: newWebhook(url, sheet.id) }),
			400,
			1151,
		);
	});

	test('every webhook route needs ADMIN_WEBHOOKS (403/1004 without it)', async () => {
		const sheet = await tracker(suite.emu);
		const withScope = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['ADMIN_WEBHOOKS'],
			})
		).access_token;
		const without = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['READ_SHEETS', 'WRITE_SHEETS'],
			})
		).access_token;
		assertError(await call(suite.emu, 'GET', '/2.0/webhooks', { token: without }), 403, 1004);
		assertError(
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				token: without,
				body: newWebhook('https://hooks.example.com/in', sheet.id),
			}),
			403,
			1004,
		);
		assert.equal((await call(suite.emu, 'GET', '/2.0/webhooks', { token: withScope })).status, 200);
	});

	test('list: the 2026 shape (totals -1, pageSize capped at 10,000, includeAll ignored), newest first; an app sees its own, the user token all', async () => {
		const sheet = await tracker(suite.emu);
		const appToken = (await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId }))
			.access_token;
		const ids: string[] = [];
		for (let index = 0; index < 3; index++) {
			const token = index === 2 ? appToken : undefined;
			ids.push(
				String(
					(
						await call(suite.emu, 'POST', '/2.0/webhooks', {
							token,
							body: newWebhook(`https://hooks.example.com/${index}`, sheet.id),
						})
					).json.result.id,
				),
			);
		}
		const all = await call(suite.emu, 'GET', '/2.0/webhooks?includeAll=true&pageSize=50000');
		assert.deepEqual(
			[all.json.totalPages, all.json.totalCount, all.json.pageSize, all.json.pageNumber],
			[-1, -1, 10_000, 1],
		);
		assert.deepEqual(
			all.json.data.map((webhook: any) => String(webhook.id)),
			[...ids].reverse(),
			'newest first',
		);
		const second = await call(suite.emu, 'GET', '/2.0/webhooks?page=2&pageSize=2');
		assert.deepEqual(
			second.json.data.map((webhook: any) => String(webhook.id)),
			[ids[0]],
		);
		assert.deepEqual(
			(await call(suite.emu, 'GET', '/2.0/webhooks?page=3&pageSize=2')).json.data,
			[],
			'a page past the end is empty',
		);
		const app = await call(suite.emu, 'GET', '/2.0/webhooks', { token: appToken });
		assert.deepEqual(
			app.json.data.map((webhook: any) => String(webhook.id)),
			[ids[2]],
		);
		assert.equal(app.json.data[0].apiClientId, CLIENT.clientId);
		assertError(
			await call(suite.emu, 'GET', `/2.0/webhooks/${ids[0]}`, { token: appToken }),
			404,
			1006,
		);
	});

	test('get, delete (then 404/1006), reset the shared secret (both spellings of the path)', async () => {
		const sheet = await tracker(suite.emu);
		const created = (
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				body: newWebhook('https://hooks.example.com/in', sheet.id),
			})
		).json.result;
		const got = await call(suite.emu, 'GET', `/2.0/webhooks/${created.id}`);
		assert.deepEqual(
			[got.json.id, got.json.sharedSecret, got.json.stats.lastCallbackAttemptRetryCount],
			[created.id, created.sharedSecret, 0],
		);
		const reset = await call(suite.emu, 'POST', `/2.0/webhooks/${created.id}/resetsharedsecret`);
		assert.match(reset.json.sharedSecret, /^[a-z0-9]{26}$/);
		assert.notEqual(reset.json.sharedSecret, created.sharedSecret);
		const camel = await call(suite.emu, 'POST', `/2.0/webhooks/${created.id}/resetSharedSecret`);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/webhooks/${created.id}`)).json.sharedSecret,
			camel.json.sharedSecret,
		);
		assert.deepEqual((await call(suite.emu, 'DELETE', `/2.0/webhooks/${created.id}`)).json, {
			message: 'SUCCESS',
			resultCode: 0,
		});
		assertError(await call(suite.emu, 'GET', `/2.0/webhooks/${created.id}`), 404, 1006);
		assertError(await call(suite.emu, 'DELETE', `/2.0/webhooks/${created.id}`), 404, 1006);
	});

	test('scope, sheet and subscope cannot change (1032)', async () => {
		const sheet = await tracker(suite.emu);
		const created = (
			await call(suite.emu, 'POST', '/2.0/webhooks', {
				body: newWebhook('https://hooks.example.com/in', sheet.id),
			})
		).json.result;
		assertError(
			await call(suite.emu, 'PUT', `/2.0/webhooks/${created.id}`, { body: { scopeObjectId: '1' } }),
			400,
			1032,
		);
		assertError(
			await call(suite.emu, 'PUT', `/2.0/webhooks/${created.id}`, {
				body: { subscope: { columnIds: [] } },
			}),
			400,
			1032,
		);
		const renamed = await call(suite.emu, 'PUT', `/2.0/webhooks/${created.id}`, {
			body: { name: 'renamed' },
		});
		assert.deepEqual(
			[renamed.json.result.name, renamed.json.result.status],
			['renamed', 'NEW_NOT_VERIFIED'],
		);
	});
});

describe('webhooks: verification and delivery', () => {
	const suite = useEmulator({ webhooks: fast });
	let receiver: CallbackReceiver;
	before(async () => (receiver = await CallbackReceiver.start()));
	after(async () => await receiver.close());
	beforeEach(() => receiver.clear());

	async function enabled(sheetId: string, extra: Record<string, unknown> = {}, url = receiver.url) {
		const created = (
			await call(suite.emu, 'POST', '/2.0/webhooks', { body: newWebhook(url, sheetId, extra) })
		).json.result;
		const reply = await call(suite.emu, 'PUT', `/2.0/webhooks/${created.id}`, {
			body: { enabled: true },
		});
		return reply.json.result;
	}

	const idle = async () =>
		assert.deepEqual(await admin(suite.emu, 'POST', '/webhooks/idle', { timeoutMs: 5000 }), {
			idle: true,
		});

	test('enabling is synchronous: the challenge (header and body) reaches the subscriber before the PUT answers ENABLED', async () => {
		const sheet = await tracker(suite.emu);
		const created = (
			await call(suite.emu, 'POST', '/2.0/webhooks', { body: newWebhook(receiver.url, sheet.id) })
		).json.result;
		receiver.behaviour = (request) => ({ ...echoChallenge(request), delayMs: 150 });
		const reply = await call(suite.emu, 'PUT', `/2.0/webhooks/${created.id}`, {
			body: { enabled: true },
		}).then((answer) => {
			assert.equal(receiver.challenges()[0]?.answered, true, 'the PUT waited for the verification');
			return answer;
		});
		assert.deepEqual(
			[reply.status, reply.json.result.enabled, reply.json.result.status],
			[200, true, 'ENABLED'],
		);
		const [challenge] = receiver.challenges();
		assert.equal(challenge.json.challenge, challenge.headers['smartsheet-hook-challenge']);
		assert.ok(challenge.raw.includes(`"webhookId":${created.id}`), challenge.raw);
		assert.deepEqual(Object.keys(challenge.json).sort(), ['challenge', 'webhookId']);
	});

	test('the echo may come in the header alone or the body alone; a wrong echo or a non-200 fails (DISABLED_VERIFICATION_FAILED)', async () => {
		const sheet = await tracker(suite.emu);
		const cases: Array<
			[
				string,
				(challenge: string) => { status: number; headers?: Record<string, string>; body?: string },
				string,
			]
		> = [
			[
				'header',
				(challenge) => ({ status: 200, headers: { 'Smartsheet-Hook-Response': challenge } }),
				'ENABLED',
			],
			[
				'body',
				(challenge) => ({
					status: 200,
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ smartsheetHookResponse: challenge }),
				}),
				'ENABLED',
			],
			[
				'wrong',
				() => ({ status: 200, body: JSON.stringify({ smartsheetHookResponse: 'nope' }) }),
				'DISABLED_VERIFICATION_FAILED',
			],
			[
				'401',
				(challenge) => ({ status: 401, headers: { 'Smartsheet-Hook-Response': challenge } }),
				'DISABLED_VERIFICATION_FAILED',
			],
		];
		for (const [name, answer, status] of cases) {
			receiver.behaviour = (request) =>
				answer(String(request.headers['smartsheet-hook-challenge']));
			const webhook = await enabled(sheet.id, { name }, `${receiver.url}/${name}`);
			assert.equal(webhook.status, status, name);
			assert.equal(webhook.enabled, status === 'ENABLED', name);
			if (status !== 'ENABLED')
				assert.match(webhook.disabledDetails, /verification|challenge|HTTP 401/, name);
		}
	});

	test('a row added: one callback, signed with HMAC-SHA256 of the exact body, with row and cell events, the user and the change agent', async () => {
		const sheet = await tracker(suite.emu);
		const webhook = await enabled(sheet.id);
		const added = await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, {
			body: [
				{
					toBottom: true,
					cells: [
						{ columnId: sheet.columns.Task, value: 'hello' },
						{ columnId: sheet.columns.Status, value: 'Done' },
					],
				},
			],
			headers: { 'Smartsheet-Change-Agent': 'someone-else,n8n-test-agent' },
		});
		const rowId = String(added.json.result[0].id);
		await idle();
		const [callback] = receiver.events();
		assert.equal(
			callback.headers['smartsheet-hmac-sha256'],
			signed(callback.raw, webhook.sharedSecret),
		);
		assert.equal(callback.headers['content-type'], 'application/json');
		assert.ok(
			callback.raw.includes(`"webhookId":${webhook.id}`) &&
				callback.raw.includes(`"scopeObjectId":${sheet.id}`),
			'IDs are bare numbers',
		);
		assert.equal(callback.json.scope, 'sheet');
		assert.match(callback.json.nonce, /^[0-9a-f]{32}$/);
		assert.match(callback.json.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
		const events = callback.json.events;
		assert.deepEqual(
			events.map((event: any) => `${event.objectType}.${event.eventType}`),
			['row.created', 'cell.created', 'cell.created'],
		);
		assert.equal(String(events[0].id), rowId);
		assert.deepEqual(
			events
				.slice(1)
				.map((event: any) => String(event.columnId))
				.sort(),
			[sheet.columns.Task, sheet.columns.Status].sort(),
		);
		assert.ok(
			events.every(
				(event: any) =>
					event.changeAgent === 'someone-else,n8n-test-agent' &&
					String(event.userId) === '4856934849340121',
			),
		);
		assert.equal(events[1].id, undefined, 'cells carry rowId and columnId, no id');
		assert.equal(String(events[1].rowId), rowId);
	});

	test('updates, deletes, columns, attachments and renames are events too; a failed write is none', async () => {
		const sheet = await tracker(suite.emu);
		await enabled(sheet.id);
		const [first, second] = sheet.rowIds;
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: first, cells: [{ columnId: sheet.columns.Status, value: 'Not Started' }] }],
		});
		await call(suite.emu, 'DELETE', `/2.0/sheets/${sheet.id}/rows?ids=${second}`);
		const column = await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/columns`, {
			body: [{ title: 'Notes', type: 'TEXT_NUMBER', index: 5 }],
		});
		const columnId = String(column.json.result[0].id);
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/columns/${columnId}`, {
			body: { title: 'Remarks' },
		});
		await call(suite.emu, 'DELETE', `/2.0/sheets/${sheet.id}/columns/${columnId}`);
		const form = new FormData();
		form.append('file', new Blob(['hello']), 'hello.txt');
		const upload = await fetch(`${suite.emu.apiBase}/sheets/${sheet.id}/attachments`, {
			method: 'POST',
			headers: { authorization: 'Bearer contract-pat-0123456789abcdefghij' },
			body: form,
		});
		assert.equal(upload.status, 200);
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}`, { body: { name: 'Renamed tracker' } });
		const failed = await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: '1', cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }],
		});
		assert.equal(failed.status, 404);
		await idle();
		const kinds = receiver
			.events()
			.map((callback) =>
				callback.json.events
					.map((event: any) => `${event.objectType}.${event.eventType}`)
					.join(' '),
			);
		assert.deepEqual(kinds, [
			'row.updated cell.updated',
			'row.deleted',
			'column.created',
			'column.updated',
			'column.deleted',
			'attachment.created',
			'sheet.updated',
		]);
		assert.equal(String(receiver.events()[1].json.events[0].id), second);
		assert.equal(String(receiver.events()[2].json.events[0].id), columnId);
	});

	test('discussions and comments are events (created, updated, deleted); rows copied or moved in are events of the sheet they arrive in', async () => {
		const sheet = await tracker(suite.emu);
		const other = await call(suite.emu, 'POST', '/2.0/sheets', {
			body: { name: 'Archive', columns: [{ title: 'Task', type: 'TEXT_NUMBER', primary: true }] },
		});
		const archiveId = String(other.json.result.id);
		await enabled(archiveId);
		await enabled(sheet.id);
		const [first, second] = sheet.rowIds;
		const thread = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${sheet.id}/rows/${first}/discussions`,
			{ body: { comment: { text: 'Is this done?' } } },
		);
		const discussionId = String(thread.json.result.id);
		const reply = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${sheet.id}/discussions/${discussionId}/comments`,
			{ body: { text: 'Almost' } },
		);
		const commentId = String(reply.json.result.id);
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/comments/${commentId}`, {
			body: { text: 'Yes' },
		});
		await call(suite.emu, 'DELETE', `/2.0/sheets/${sheet.id}/comments/${commentId}`);
		await call(suite.emu, 'DELETE', `/2.0/sheets/${sheet.id}/discussions/${discussionId}`);
		const moved = await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/rows/move`, {
			body: { rowIds: [second], to: { sheetId: archiveId } },
		});
		assert.equal(moved.status, 200);
		await idle();
		const bySheet = (id: string) =>
			receiver
				.events()
				.filter((callback) => String(callback.json.scopeObjectId) === id)
				.map((callback) =>
					callback.json.events
						.map((event: any) => `${event.objectType}.${event.eventType}`)
						.join(' '),
				);
		assert.deepEqual(bySheet(sheet.id), [
			'discussion.created comment.created',
			'comment.created',
			'comment.updated',
			'comment.deleted',
			'discussion.deleted comment.deleted',
			'row.deleted',
		]);
		// The archive lacked four of the tracker's columns: the move adds them, then the row with its five cells.
		assert.deepEqual(bySheet(archiveId), [
			[...Array(4).fill('column.created'), 'row.created', ...Array(5).fill('cell.created')].join(
				' ',
			),
		]);
	});

	test('subscope: only changes in those columns are sent; row.deleted always is', async () => {
		const sheet = await tracker(suite.emu);
		await enabled(sheet.id, { subscope: { columnIds: [sheet.columns.Status] } });
		const [first, second] = sheet.rowIds;
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: first, cells: [{ columnId: sheet.columns.Task, value: 'renamed task' }] }],
		});
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [
				{
					id: first,
					cells: [
						{ columnId: sheet.columns.Task, value: 'again' },
						{ columnId: sheet.columns.Status, value: 'Not Started' },
					],
				},
			],
		});
		await call(suite.emu, 'DELETE', `/2.0/sheets/${sheet.id}/rows?ids=${second}`);
		await idle();
		const kinds = receiver
			.events()
			.map((callback) =>
				callback.json.events
					.map(
						(event: any) =>
							`${event.objectType}.${event.eventType}${event.columnId ? `:${event.columnId}` : ''}`,
					)
					.join(' '),
			);
		assert.deepEqual(kinds, [`row.updated cell.updated:${sheet.columns.Status}`, 'row.deleted']);
	});

	test('IDs above 2^53 arrive exact in callbacks', async () => {
		const big = await sheetByName(suite.emu, 'Big IDs');
		await enabled(big.id);
		await call(suite.emu, 'PUT', `/2.0/sheets/${big.id}/rows`, {
			body: [{ id: big.rowIds[0], cells: [{ columnId: big.columns.Name, value: 'x' }] }],
		});
		await idle();
		const [callback] = receiver.events();
		assert.ok(BigInt(big.rowIds[0]) > TWO_TO_53);
		assert.ok(
			callback.raw.includes(`"id":${big.rowIds[0]}`) &&
				callback.raw.includes(`"columnId":${big.columns.Name}`) &&
				callback.raw.includes(`"scopeObjectId":${big.id}`),
			callback.raw,
		);
	});

	test('duplicates (same sheet, user, URL, subscope) collapse to the oldest enabled one', async () => {
		const sheet = await tracker(suite.emu);
		const oldest = await enabled(sheet.id, { name: 'one' });
		const newer = await enabled(sheet.id, { name: 'two' });
		const otherSubscope = await enabled(sheet.id, {
			name: 'three',
			subscope: { columnIds: [sheet.columns.Status] },
		});
		const change = async (value: string) =>
			await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
				body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value }] }],
			});
		await change('Not Started');
		await idle();
		assert.deepEqual(
			receiver
				.events()
				.map((callback) => String(callback.json.webhookId))
				.sort(),
			[oldest.id, otherSubscope.id].map(String).sort(),
		);
		receiver.clear();
		await call(suite.emu, 'PUT', `/2.0/webhooks/${oldest.id}`, { body: { enabled: false } });
		await change('In Progress');
		await idle();
		assert.deepEqual(
			receiver
				.events()
				.map((callback) => String(callback.json.webhookId))
				.sort(),
			[newer.id, otherSubscope.id].map(String).sort(),
			'the next oldest enabled one takes over',
		);
	});

	test('callbacks are serialised per webhook: the next waits until the current one is answered', async () => {
		const sheet = await tracker(suite.emu);
		await enabled(sheet.id);
		receiver.behaviour = (request) => ({ ...echoChallenge(request), delayMs: 60 });
		for (const value of ['Done', 'In Progress', 'Not Started']) {
			await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
				body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value }] }],
			});
		}
		await idle();
		const events = receiver.events();
		assert.equal(events.length, 3);
		assert.ok(
			events.every((callback) => callback.concurrent === 1),
			'never two at once',
		);
		assert.ok(
			events[1].answeredBefore > events[0].answeredBefore &&
				events[2].answeredBefore > events[1].answeredBefore,
			'each waited for the previous answer',
		);
	});

	test('re-verification every N callbacks (100 in Smartsheet); failing it mid-stream disables the webhook and drops the callback', async () => {
		const sheet = await tracker(suite.emu);
		await admin(suite.emu, 'POST', '/webhooks/config', { reverifyEvery: 2 });
		const webhook = await enabled(sheet.id);
		const change = async (value: string) =>
			await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
				body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value }] }],
			});
		for (const value of ['Done', 'In Progress', 'Not Started']) await change(value);
		await idle();
		assert.deepEqual(
			receiver.received.map((request) => (isChallenge(request) ? 'challenge' : 'event')),
			['challenge', 'event', 'event', 'challenge', 'event'],
		);
		receiver.behaviour = (request) =>
			isChallenge(request) ? { status: 200, body: '{}' } : { status: 200 };
		receiver.received.length = 0;
		for (const value of ['Done', 'In Progress']) await change(value);
		await idle();
		assert.deepEqual(
			receiver.received.map((request) => (isChallenge(request) ? 'challenge' : 'event')),
			['event', 'challenge'],
		);
		const after = (await call(suite.emu, 'GET', `/2.0/webhooks/${webhook.id}`)).json;
		assert.deepEqual([after.enabled, after.status], [false, 'DISABLED_VERIFICATION_FAILED']);
	});

	test('retries: a 500 then a 429 then 200 is delivered on the third attempt, with the same body and signature', async () => {
		const sheet = await tracker(suite.emu);
		const webhook = await enabled(sheet.id);
		const answers = [500, 429, 200];
		receiver.behaviour = (request) =>
			isChallenge(request) ? echoChallenge(request) : { status: answers.shift() ?? 200 };
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }],
		});
		await idle();
		const events = receiver.events();
		assert.equal(events.length, 3);
		assert.equal(new Set(events.map((callback) => callback.raw)).size, 1, 'the same callback');
		assert.equal(
			new Set(events.map((callback) => callback.headers['smartsheet-hmac-sha256'])).size,
			1,
		);
		const deliveries = await admin(
			suite.emu,
			'GET',
			`/webhooks/deliveries?webhookId=${webhook.id}`,
		);
		assert.deepEqual(
			deliveries
				.filter((record: any) => record.kind === 'event')
				.map((record: any) => [record.retry, record.httpStatus, record.outcome]),
			[
				[0, 500, 'retrying'],
				[1, 429, 'retrying'],
				[2, 200, 'delivered'],
			],
		);
		const after = (await call(suite.emu, 'GET', `/2.0/webhooks/${webhook.id}`)).json;
		assert.deepEqual([after.status, after.stats.lastCallbackAttemptRetryCount], ['ENABLED', 2]);
		assert.ok(after.stats.lastSuccessfulCallback);
	});

	test('410 and 3xx are not retried: DISABLED_CALLBACK_FAILED at once, and later events are not delivered', async () => {
		const sheet = await tracker(suite.emu);
		for (const status of [410, 302]) {
			receiver.clear();
			const webhook = await enabled(sheet.id, { name: `${status}` }, `${receiver.url}/${status}`);
			receiver.behaviour = (request) =>
				isChallenge(request)
					? echoChallenge(request)
					: {
							status,
							headers: status === 302 ? { location: 'https://elsewhere.example.com' } : {},
						};
			await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
				body: [
					{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value: `v${status}` }] },
				],
			});
			await idle();
			assert.equal(receiver.events().length, 1, `${status}: one attempt`);
			const after = (await call(suite.emu, 'GET', `/2.0/webhooks/${webhook.id}`)).json;
			assert.deepEqual(
				[after.enabled, after.status],
				[false, 'DISABLED_CALLBACK_FAILED'],
				String(status),
			);
			assert.match(after.disabledDetails, new RegExp(`HTTP ${status}`));
			await call(suite.emu, 'DELETE', `/2.0/webhooks/${webhook.id}`);
		}
	});

	test('a subscriber that keeps failing (500, timeouts) gets 14 retries on the schedule, then the webhook is DISABLED_CALLBACK_FAILED', async () => {
		const sheet = await tracker(suite.emu);
		const webhook = await enabled(sheet.id);
		let calls = 0;
		receiver.behaviour = (request) =>
			isChallenge(request)
				? echoChallenge(request)
				: ++calls % 2
					? { status: 503 }
					: { delayMs: 600 };
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }],
		});
		assert.deepEqual(await admin(suite.emu, 'POST', '/webhooks/idle', { timeoutMs: 20_000 }), {
			idle: true,
		});
		const attempts = (
			await admin(suite.emu, 'GET', `/webhooks/deliveries?webhookId=${webhook.id}`)
		).filter((record: any) => record.kind === 'event');
		assert.equal(attempts.length, 15, 'the first attempt and 14 retries');
		assert.deepEqual(
			attempts.map((record: any) => record.retry),
			Array.from({ length: 15 }, (_, index) => index),
		);
		assert.ok(
			attempts.some((record: any) => record.httpStatus === null && record.reason === 'timeout'),
			'timeouts count as failures to retry',
		);
		// The schedule: exponential for 7 retries, then every 3 hours (here scaled by 1e-5: 108 ms).
		const gaps = attempts
			.slice(1)
			.map(
				(record: any, index: number) =>
					Date.parse(record.at) - Date.parse(attempts[index].at) - attempts[index].durationMs,
			);
		assert.ok(
			gaps.slice(8).every((gap: number) => gap >= 100),
			`the late retries wait the scaled three hours: ${gaps}`,
		);
		const after = (await call(suite.emu, 'GET', `/2.0/webhooks/${webhook.id}`)).json;
		assert.deepEqual(
			[after.status, after.stats.lastCallbackAttemptRetryCount],
			['DISABLED_CALLBACK_FAILED', 14],
		);
		assert.match(after.disabledDetails, /after 14 retries/);
	});

	test('events while disabled are never delivered; re-enabling verifies again', async () => {
		const sheet = await tracker(suite.emu);
		const webhook = await enabled(sheet.id);
		const disabled = (
			await call(suite.emu, 'PUT', `/2.0/webhooks/${webhook.id}`, { body: { enabled: false } })
		).json.result;
		assert.deepEqual([disabled.enabled, disabled.status], [false, 'DISABLED_BY_OWNER']);
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }],
		});
		const again = (
			await call(suite.emu, 'PUT', `/2.0/webhooks/${webhook.id}`, { body: { enabled: true } })
		).json.result;
		assert.equal(again.status, 'ENABLED');
		await idle();
		assert.equal(receiver.events().length, 0);
		assert.equal(receiver.challenges().length, 2);
	});

	test('forced statuses: app revoked (1153) and administrative (1154) cannot be re-enabled; scope inaccessible announces itself and re-enables once the sheet is back (1151 while it is not)', async () => {
		const sheet = await tracker(suite.emu);
		const webhook = await enabled(sheet.id);
		for (const [status, code] of [
			['DISABLED_APP_REVOKED', 1153],
			['DISABLED_ADMINISTRATIVE', 1154],
		] as const) {
			const forced = await admin(suite.emu, 'POST', '/webhooks/status', {
				webhookId: webhook.id,
				status,
			});
			assert.deepEqual([forced.enabled, forced.status], [false, status]);
			assertError(
				await call(suite.emu, 'PUT', `/2.0/webhooks/${webhook.id}`, { body: { enabled: true } }),
				403,
				code,
			);
		}
		await admin(suite.emu, 'POST', '/webhooks/status', {
			webhookId: webhook.id,
			status: 'DISABLED_SCOPE_INACCESSIBLE',
			notify: true,
			disabledDetails: 'The sheet is no longer shared.',
		});
		await idle();
		const [notice] = receiver.events();
		assert.equal(notice.json.newWebhookStatus, 'DISABLED_SCOPE_INACCESSIBLE');
		assert.equal(notice.json.events, undefined);
		assert.equal(
			notice.headers['smartsheet-hmac-sha256'],
			signed(notice.raw, webhook.sharedSecret),
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		assertError(
			await call(suite.emu, 'PUT', `/2.0/webhooks/${webhook.id}`, { body: { enabled: true } }),
			400,
			1151,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'OWNER' });
		assert.equal(
			(await call(suite.emu, 'PUT', `/2.0/webhooks/${webhook.id}`, { body: { enabled: true } }))
				.json.result.status,
			'ENABLED',
		);
	});

	test('deleting the sheet takes its webhooks to DISABLED_SCOPE_INACCESSIBLE with a status-change callback', async () => {
		const created = await call(suite.emu, 'POST', '/2.0/sheets', {
			body: { name: 'Doomed', columns: [{ title: 'Name', type: 'TEXT_NUMBER', primary: true }] },
		});
		const sheetId = String(created.json.result.id);
		const webhook = await enabled(sheetId);
		assert.equal((await call(suite.emu, 'DELETE', `/2.0/sheets/${sheetId}`)).status, 200);
		await idle();
		assert.deepEqual(
			receiver.events().map((callback) => callback.json.newWebhookStatus),
			['DISABLED_SCOPE_INACCESSIBLE'],
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/webhooks/${webhook.id}`)).json.status,
			'DISABLED_SCOPE_INACCESSIBLE',
		);
	});

	test('a reset shared secret signs the next callbacks', async () => {
		const sheet = await tracker(suite.emu);
		const webhook = await enabled(sheet.id);
		const { sharedSecret } = (
			await call(suite.emu, 'POST', `/2.0/webhooks/${webhook.id}/resetsharedsecret`)
		).json;
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }],
		});
		await idle();
		const [callback] = receiver.events();
		assert.equal(callback.headers['smartsheet-hmac-sha256'], signed(callback.raw, sharedSecret));
		assert.notEqual(
			callback.headers['smartsheet-hmac-sha256'],
			signed(callback.raw, webhook.sharedSecret),
		);
	});

	test('admin events (comments and others without routes) with a change agent; bad admin input answers 400', async () => {
		const sheet = await tracker(suite.emu);
		await enabled(sheet.id);
		await admin(suite.emu, 'POST', '/webhooks/events', {
			sheetId: sheet.id,
			events: [{ objectType: 'comment', eventType: 'created', id: '123' }],
			changeAgent: 'agent-x',
		});
		await idle();
		const [callback] = receiver.events();
		assert.deepEqual(
			callback.json.events.map((event: any) => [
				event.objectType,
				event.eventType,
				String(event.id),
				event.changeAgent,
			]),
			[['comment', 'created', '123', 'agent-x']],
		);
		const bad = await call(suite.emu, 'POST', '/__admin/webhooks/events', {
			token: null,
			body: { sheetId: sheet.id, events: [{ objectType: 'planet', eventType: 'created' }] },
		});
		assert.equal(bad.status, 400);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/webhooks/status', {
					token: null,
					body: { webhookId: '1', status: 'ENABLED' },
				})
			).status,
			400,
		);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/webhooks/config', {
					token: null,
					body: { retryTimeScale: 'fast' },
				})
			).status,
			400,
		);
	});

	test('a reset stops deliveries in flight: nothing of the old state arrives later', async () => {
		const sheet = await tracker(suite.emu);
		await enabled(sheet.id);
		receiver.behaviour = (request) =>
			isChallenge(request) ? echoChallenge(request) : { status: 500 };
		await admin(suite.emu, 'POST', '/webhooks/config', { retryTimeScale: 1e-4 });
		await call(suite.emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ id: sheet.rowIds[0], cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }],
		});
		await new Promise((resolve) => setTimeout(resolve, 50));
		await admin(suite.emu, 'POST', '/reset');
		const seen = receiver.events().length;
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal(receiver.events().length, seen);
		assert.deepEqual(await admin(suite.emu, 'GET', '/webhooks'), []);
	});
});

describe('webhooks: the emulator option', () => {
	test('--allow-insecure-callbacks relaxes the callback URL rules; by default they hold', async () => {
		assert.deepEqual((parseArgs(['--allow-insecure-callbacks']) as any).webhooks, {
			allowInsecureCallbacks: true,
		});
		const strict = await start();
		try {
			const sheet = await tracker(strict);
			assertError(
				await call(strict, 'POST', '/2.0/webhooks', {
					body: newWebhook('http://127.0.0.1:9/x', sheet.id),
				}),
				400,
				1152,
			);
			assert.equal((await admin(strict, 'GET', '/webhooks/config')).allowInsecureCallbacks, false);
		} finally {
			await strict.close();
		}
	});
});
