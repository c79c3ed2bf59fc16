// Error shapes and statuses, authentication (1001/1002/1003), scopes (1004), sheet access levels,
// and bad input that must get Smartsheet's own errors, never a crash.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	advanceClock,
	assertError,
	call,
	CLIENT,
	PAT,
	stopClock,
	tracker,
	useEmulator,
} from './client';

describe('error shapes', () => {
	const suite = useEmulator();

	test('an error is {errorCode, message, refId} with the status Smartsheet pairs with the code', async () => {
		const notFound = await call(suite.emu, 'GET', '/2.0/sheets/123');
		assertError(notFound, 404, 1006);
		assert.deepEqual(Object.keys(notFound.json).sort(), ['errorCode', 'message', 'refId']);
		assert.equal(notFound.json.message, 'Not Found.');
		const again = await call(suite.emu, 'GET', '/2.0/sheets/123');
		assert.notEqual(again.json.refId, notFound.json.refId, 'refId names one occurrence');
	});

	test('each code answers with its documented HTTP status', async () => {
		const { id, columns } = await tracker(suite.emu);
		const rows = `/2.0/sheets/${id}/rows`;
		const cases: Array<[string, Promise<any>, number, number]> = [
			['no token', call(suite.emu, 'GET', '/2.0/sheets', { token: null }), 401, 1001],
			[
				'unknown token',
				call(suite.emu, 'GET', '/2.0/sheets', { token: 'not-a-token-at-all-0000' }),
				401,
				1002,
			],
			['unknown sheet', call(suite.emu, 'GET', '/2.0/sheets/42'), 404, 1006],
			[
				'malformed JSON',
				call(suite.emu, 'POST', rows, {
					raw: '{"cells": [',
					headers: { 'content-type': 'application/json' },
				}),
				400,
				1008,
			],
			['missing ids', call(suite.emu, 'DELETE', rows), 400, 1009],
			['wrong method', call(suite.emu, 'PATCH', '/2.0/sheets'), 405, 1010],
			[
				'missing attribute',
				call(suite.emu, 'POST', '/2.0/sheets', { body: { columns: [] } }),
				400,
				1012,
			],
			['bad parameter', call(suite.emu, 'GET', '/2.0/sheets?pageSize=abc'), 400, 1018],
			[
				'empty body',
				call(suite.emu, 'POST', rows, { raw: '', headers: { 'content-type': 'application/json' } }),
				400,
				1024,
			],
			[
				'read-only attribute',
				call(suite.emu, 'POST', rows, { body: { rowNumber: 1, cells: [] } }),
				400,
				1032,
			],
			[
				'unknown column',
				call(suite.emu, 'POST', rows, { body: { cells: [{ columnId: 1, value: 'x' }] } }),
				400,
				1036,
			],
			[
				'too long',
				call(suite.emu, 'POST', rows, {
					body: { cells: [{ columnId: columns.Task, value: 'x'.repeat(4001) }] },
				}),
				400,
				1041,
			],
			[
				'not a date',
				call(suite.emu, 'POST', rows, {
					body: { cells: [{ columnId: columns.Due, value: 'next week' }] },
				}),
				400,
				1042,
			],
			[
				'mixed locations',
				call(suite.emu, 'POST', rows, { body: [{ toTop: true }, { toBottom: true }] }),
				400,
				1123,
			],
			[
				'content type',
				call(suite.emu, 'POST', rows, {
					raw: 'a=1',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				}),
				415,
				1124,
			],
			[
				'value and objectValue',
				call(suite.emu, 'POST', rows, {
					body: { cells: [{ columnId: columns.Task, value: 1, objectValue: 1 }] },
				}),
				400,
				1130,
			],
			[
				'formula without =',
				call(suite.emu, 'POST', rows, {
					body: { cells: [{ columnId: columns.Task, formula: 'SUM(1)' }] },
				}),
				400,
				1162,
			],
			[
				'formula and value',
				call(suite.emu, 'POST', rows, {
					body: { cells: [{ columnId: columns.Task, formula: '=1', value: 1 }] },
				}),
				400,
				1163,
			],
		];
		for (const [name, pending, status, errorCode] of cases) {
			const reply = await pending;
			assert.deepEqual(
				[name, reply.status, reply.json?.errorCode],
				[name, status, errorCode],
				reply.text,
			);
			assertError(reply, status, errorCode);
		}
	});
});

describe('authentication', () => {
	const suite = useEmulator();

	test('missing token → 401/1001 (also an empty Bearer); unknown → 401/1002', async () => {
		assertError(await call(suite.emu, 'GET', '/2.0/users/me', { token: null }), 401, 1001);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', {
				token: null,
				headers: { authorization: 'Bearer ' },
			}),
			401,
			1001,
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: 'nope-nope-nope-nope' }),
			401,
			1002,
		);
		const reply = await call(suite.emu, 'GET', '/2.0/users/me', {
			token: null,
			headers: { authorization: PAT },
		});
		assertError(reply, 401, 1002); // not a Bearer header
	});

	test('a personal access token works everywhere and outlives every OAuth expiry', async () => {
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		assert.equal((await call(suite.emu, 'GET', '/2.0/users')).status, 200);
		assert.equal((await admin(suite.emu, 'POST', '/tokens/expire', { all: true })).expired, 0);
		assert.equal((await call(suite.emu, 'GET', '/2.0/sheets')).status, 200);
	});

	test('an expired OAuth token → 401/1003 "Your Access Token has expired.", counted per token', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status,
			200,
		);
		await admin(suite.emu, 'POST', '/tokens/expire', { token: pair.access_token });
		const expired = await call(suite.emu, 'GET', '/2.0/sheets', { token: pair.access_token });
		assertError(expired, 401, 1003);
		assert.equal(expired.json.message, 'Your Access Token has expired.');
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.equal(stats.expiredTokenRequests, 1);
		assert.deepEqual(stats.byToken[pair.access_token.slice(-6)], {
			requests: 2,
			rateLimited: 0,
			expiredTokenRequests: 1,
		});
	});

	test('access tokens expire after the configured TTL (1 s)', async () => {
		await admin(suite.emu, 'POST', '/config', { accessTokenTtlSeconds: 1 });
		await stopClock(suite.emu);
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		assert.equal(pair.expires_in, 1);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status,
			200,
		);
		await advanceClock(suite.emu, 999);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status,
			200,
			'1 ms before the end of its life',
		);
		await advanceClock(suite.emu, 1);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token }),
			401,
			1003,
		);
	});

	test('a revoked access token → 401/1002', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		await admin(suite.emu, 'POST', '/tokens/revoke', { token: pair.access_token });
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token }),
			401,
			1002,
		);
	});
});

describe('scopes', () => {
	const suite = useEmulator();

	test('each endpoint needs its scope (403/1004 without it); /users/me needs none', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const cases: Array<[string, string, string, unknown?]> = [
			['READ_SHEETS', 'GET', '/2.0/sheets'],
			['READ_SHEETS', 'GET', `/2.0/sheets/${id}`],
			['READ_SHEETS', 'GET', `/2.0/sheets/${id}/version`],
			['READ_SHEETS', 'GET', `/2.0/sheets/${id}/columns`],
			['READ_SHEETS', 'GET', `/2.0/sheets/${id}/rows/${rowIds[0]}`],
			[
				'WRITE_SHEETS',
				'POST',
				`/2.0/sheets/${id}/rows`,
				{ cells: [{ columnId: columns.Task, value: 'x' }] },
			],
			[
				'WRITE_SHEETS',
				'PUT',
				`/2.0/sheets/${id}/rows`,
				{ id: rowIds[0], cells: [{ columnId: columns.Task, value: 'x' }] },
			],
			['WRITE_SHEETS', 'DELETE', `/2.0/sheets/${id}/rows?ids=${rowIds[0]}`],
			[
				'CREATE_SHEETS',
				'POST',
				'/2.0/sheets',
				{ name: 'S', columns: [{ title: 'A', type: 'TEXT_NUMBER', primary: true }] },
			],
			[
				'ADMIN_SHEETS',
				'POST',
				`/2.0/sheets/${id}/columns`,
				{ title: 'New', type: 'TEXT_NUMBER', index: 1 },
			],
			['DELETE_SHEETS', 'DELETE', `/2.0/sheets/${id}`],
			['READ_USERS', 'GET', '/2.0/users'],
		];
		for (const [scope, method, path, body] of cases) {
			const others = await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['READ_CONTACTS'],
			});
			const denied = await call(suite.emu, method, path, { token: others.access_token, body });
			assert.deepEqual(
				[scope, path, denied.status, denied.json?.errorCode],
				[scope, path, 403, 1004],
				denied.text,
			);
			const granted = await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: [scope],
			});
			const allowed = await call(suite.emu, method, path, { token: granted.access_token, body });
			assert.equal(allowed.status, 200, `${method} ${path} with ${scope}: ${allowed.text}`);
		}
		const none = await admin(suite.emu, 'POST', '/tokens', {
			clientId: CLIENT.clientId,
			scopes: ['READ_CONTACTS'],
		});
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: none.access_token })).status,
			200,
		);
	});
});

describe('sheet access levels', () => {
	const suite = useEmulator();

	test('NONE: every call on the sheet 403/1004 and it leaves the list; VIEWER reads only; EDITOR edits rows, not columns; ADMIN edits columns, cannot delete', async () => {
		const { id, columns, rowIds } = await tracker(suite.emu);
		const addRow = () =>
			call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
				body: { cells: [{ columnId: columns.Task, value: 'x' }] },
			});
		const addColumn = (title: string) =>
			call(suite.emu, 'POST', `/2.0/sheets/${id}/columns`, {
				body: { title, type: 'TEXT_NUMBER', index: 1 },
			});

		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'NONE' });
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}`), 403, 1004);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowIds[0]}`), 403, 1004);
		assertError(await addRow(), 403, 1004);
		assert.ok(
			!(await call(suite.emu, 'GET', '/2.0/sheets?includeAll=true')).json.data.some(
				(sheet: any) => sheet.id === id,
			),
		);

		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.accessLevel, 'VIEWER');
		assertError(await addRow(), 403, 1004);
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/rows?ids=${rowIds[0]}`),
			403,
			1004,
		);

		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'EDITOR' });
		assert.equal((await addRow()).status, 200);
		assertError(await addColumn('E'), 403, 1004);

		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'ADMIN' });
		assert.equal((await addColumn('A')).status, 200);
		assertError(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}`), 403, 1004);

		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'OWNER' });
		assert.equal((await call(suite.emu, 'DELETE', `/2.0/sheets/${id}`)).status, 200);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}`), 404, 1006);
	});
});

describe('bad input never crashes', () => {
	const suite = useEmulator();

	test('malformed or mistyped bodies, odd paths and parameters get Smartsheet errors, never 500 or a stack trace', async () => {
		const { id, columns } = await tracker(suite.emu);
		const rows = `/2.0/sheets/${id}/rows`;
		const json = { 'content-type': 'application/json' };
		const attempts: Array<
			[string, string, { raw?: string; body?: unknown; headers?: Record<string, string> }?]
		> = [
			['POST', rows, { raw: '{"cells": [', headers: json }],
			['POST', rows, { raw: '[1, 2, 3]', headers: json }],
			['POST', rows, { raw: 'null', headers: json }],
			['POST', rows, { raw: '"text"', headers: json }],
			['POST', rows, { raw: '{"cells": "x"}', headers: json }],
			['POST', rows, { raw: '{"cells": [null]}', headers: json }],
			['POST', rows, { raw: '{"cells": [{"columnId": {"a": 1}, "value": 1}]}', headers: json }],
			[
				'POST',
				rows,
				{
					raw: `{"cells": [{"columnId": ${columns.Task}, "value": {"nested": true}}]}`,
					headers: json,
				},
			],
			[
				'POST',
				rows,
				{ raw: `{"cells": [{"columnId": ${columns.Task}, "value": 1e400}]}`, headers: json },
			],
			[
				'POST',
				rows,
				{ raw: '{"__proto__": {"polluted": true}, "cells": [{"columnId": 1}]}', headers: json },
			],
			['POST', rows, { raw: '['.repeat(100_000), headers: json }],
			['POST', rows, { raw: '{"toTop": "yes", "cells": []}', headers: json }],
			['POST', rows, { raw: '{"parentId": true, "cells": []}', headers: json }],
			['POST', rows, { raw: '\u0000\u0001garbage', headers: json }],
			['PUT', rows, { raw: '[{"id": [1], "cells": []}]', headers: json }],
			['PUT', rows, { raw: '[{"id": 1.5, "cells": []}]', headers: json }],
			['POST', '/2.0/sheets', { raw: '{"name": 7, "columns": "none"}', headers: json }],
			[
				'POST',
				'/2.0/sheets',
				{
					raw: '{"name": "x", "columns": [{"title": "A", "type": "NOPE", "primary": true}]}',
					headers: json,
				},
			],
			['POST', '/2.0/sheets', { raw: '{"name": "x", "columns": [null]}', headers: json }],
			[
				'POST',
				`/2.0/sheets/${id}/columns`,
				{ raw: '[{"title": 5, "index": "first"}]', headers: json },
			],
			['PUT', `/2.0/sheets/${id}`, { raw: '{"name": ["x"]}', headers: json }],
			['GET', `/2.0/sheets/${id}?rowIds=abc&pageSize=-1`],
			['GET', `/2.0/sheets/${id}?rowsModifiedSince=yesterday`],
			['GET', `/2.0/sheets/${id}?page=0`],
			['GET', `/2.0/sheets/${id}?ifVersionAfter=x`],
			['GET', '/2.0/sheets?includeAll=maybe'],
			['DELETE', `${rows}?ids=1,abc`],
			['GET', '/2.0/sheets/%E0%A4%A'],
			['GET', '/2.0/sheets/../../etc/passwd'],
			['GET', '/2.0/nothing/here'],
			['GET', '/not-the-api'],
			['GET', '/2.0'],
			['PATCH', '/2.0/users/me'],
			[
				'POST',
				`/2.0/sheets/${id}/attachments`,
				{ raw: '--x\r\nbroken', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
			],
		];
		for (const [method, path, options] of attempts) {
			const reply = await call(suite.emu, method, path, options ?? {});
			const label = `${method} ${path.slice(0, 60)} ${options?.raw?.slice(0, 40) ?? ''}`;
			assert.ok(
				reply.status >= 400 && reply.status < 500,
				`${label}: ${reply.status} ${reply.text.slice(0, 200)}`,
			);
			assert.equal(typeof reply.json?.errorCode, 'number', `${label}: ${reply.text.slice(0, 200)}`);
			assert.doesNotMatch(reply.text, /at .*\.ts:\d+|Error:|stack/i, label);
		}
		assert.equal(({} as any).polluted, undefined, 'no prototype pollution');
		const log = await admin(suite.emu, 'GET', '/requests?limit=100');
		assert.ok(
			!log.some((entry: any) => entry.internalError),
			JSON.stringify(log.filter((entry: any) => entry.internalError)),
		);
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200, 'still serving');
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}`)).json.rows.length,
			5,
			'nothing changed',
		);
	});

	test('unknown routes 404/1006, known paths with the wrong method 405/1010, other content types 415/1124', async () => {
		assertError(await call(suite.emu, 'GET', '/2.0/nothing/here'), 404, 1006);
		assertError(await call(suite.emu, 'DELETE', '/2.0/users/me'), 405, 1010);
		assertError(
			await call(suite.emu, 'POST', '/2.0/sheets', {
				raw: '{"name":"x"}',
				headers: { 'content-type': 'text/plain' },
			}),
			415,
			1124,
		);
		const withCharset = await call(suite.emu, 'POST', '/2.0/sheets', {
			raw: '{"name":"x","columns":[{"title":"A","type":"TEXT_NUMBER","primary":true}]}',
			headers: { 'content-type': 'application/json; charset=utf-8' },
		});
		assert.equal(withCharset.status, 200, withCharset.text);
	});
});
