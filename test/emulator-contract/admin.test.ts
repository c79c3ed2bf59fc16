// The admin API tests and benchmarks steer the emulator with (/__admin, no auth), and the
// in-process handle startEmulator returns.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admin, assertError, call, CLIENT, PAT, start, tracker, useEmulator } from './client';

describe('admin: counters and the request log', () => {
	const suite = useEmulator();

	test('stats: requests (not /2.0/token), tokenCalls, byToken (last 6 characters), byRoute (templates)', async () => {
		const { id, columns } = await tracker(suite.emu); // 2 requests
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { cells: [{ columnId: columns.Task, value: 'x' }] },
		});
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			body: { cells: [{ columnId: columns.Task, value: 'y' }] },
		});
		await call(suite.emu, 'GET', '/2.0/nowhere');
		await fetch(`${suite.emu.apiBase}/token`, {
			method: 'POST',
			body: new URLSearchParams({ grant_type: 'refresh_token' }),
		});
		const stats = await admin(suite.emu, 'GET', '/stats');
		for (const key of [
			'requests',
			'tokenCalls',
			'tokenExchanges',
			'tokenRefreshes',
			'invalidGrants',
			'rateLimited',
			'expiredTokenRequests',
			'faultsInjected',
		]) {
			assert.equal(typeof stats[key], 'number', key);
		}
		assert.deepEqual([stats.requests, stats.tokenCalls], [5, 1]);
		assert.deepEqual(Object.keys(stats.byToken), [PAT.slice(-6)]);
		assert.equal(stats.byToken[PAT.slice(-6)].requests, 5);
		assert.equal(stats.byRoute['POST /2.0/sheets/{sheetId}/rows'], 2);
		assert.equal(stats.byRoute['GET /2.0/sheets'], 1);
		assert.equal(stats.byRoute['GET /2.0/sheets/{sheetId}'], 1);
		assert.equal(stats.byRoute['GET (no route)'], 1);
		assert.ok(
			!Object.keys(stats.byRoute).some((route) => /\d{6,}/.test(route)),
			'no concrete IDs in route keys',
		);
	});

	test('requests?limit=N: the last N requests with method, path, route, status, errorCode, tokenSuffix, at; never a full token', async () => {
		await call(suite.emu, 'GET', '/2.0/users/me');
		await call(suite.emu, 'GET', '/2.0/sheets/42');
		const log = await admin(suite.emu, 'GET', '/requests?limit=1');
		assert.equal(log.length, 1);
		const [entry] = log;
		assert.deepEqual(
			{ ...entry, at: typeof entry.at },
			{
				method: 'GET',
				path: '/2.0/sheets/42',
				route: 'GET /2.0/sheets/{sheetId}',
				status: 404,
				errorCode: 1006,
				tokenSuffix: PAT.slice(-6),
				at: 'string',
			},
		);
		const all = await admin(suite.emu, 'GET', '/requests?limit=50');
		assert.equal(all.length, 2);
		assert.ok(!JSON.stringify(all).includes(PAT));
		assert.ok(!JSON.stringify(await admin(suite.emu, 'GET', '/stats')).includes(PAT));
	});
});

describe('admin: reset and config', () => {
	const suite = useEmulator({ rateLimitPerMinute: 50 });

	test('reset: seed data, counters, faults, issued tokens and settings back to the start', async () => {
		const { id } = await tracker(suite.emu);
		await call(suite.emu, 'DELETE', `/2.0/sheets/${id}`);
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		await admin(suite.emu, 'POST', '/config', { rateLimitPerMinute: 1, writeCollisions: true });
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/**' },
			count: 9,
			response: { kind: 'drop' },
		});
		await admin(suite.emu, 'POST', '/reset');
		assert.deepEqual(await admin(suite.emu, 'GET', '/faults'), []);
		assert.equal((await admin(suite.emu, 'GET', '/stats')).requests, 0);
		assert.deepEqual(await admin(suite.emu, 'GET', '/config'), {
			accessTokenTtlSeconds: 604799,
			rateLimitPerMinute: 50,
			rateWindowMs: 60000,
			retryAfterSeconds: null,
			writeCollisions: false,
			writeLatencyMs: 0,
			latencyMs: 0,
			searchLagMs: 1000,
		});
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token }),
			401,
			1002,
		);
		assert.equal((await tracker(suite.emu)).rowIds.length, 5);
		assert.equal(
			(await admin(suite.emu, 'GET', '/requests')).length,
			3,
			'the log starts again too (the 3 calls since the reset)',
		);
	});

	test('config changes settings at run time and refuses unknown or mistyped ones', async () => {
		const changed = await admin(suite.emu, 'POST', '/config', {
			rateLimitPerMinute: 2,
			retryAfterSeconds: 5,
			writeLatencyMs: 1,
			accessTokenTtlSeconds: 60,
			writeCollisions: true,
		});
		assert.deepEqual(
			[changed.rateLimitPerMinute, changed.retryAfterSeconds, changed.accessTokenTtlSeconds],
			[2, 5, 60],
		);
		assert.equal(
			(await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId })).expires_in,
			60,
		);
		for (const bad of [
			{ rateLimitPerMinute: 'many' },
			{ rateLimitPerMinute: 0 },
			{ writeCollisions: 'yes' },
			{ pats: ['x'] },
			{ retryAfterSeconds: -1 },
		]) {
			const reply = await call(suite.emu, 'POST', '/__admin/config', { token: null, body: bad });
			assert.equal(reply.status, 400, JSON.stringify(bad));
			assert.equal(typeof reply.json.error, 'string');
		}
		assert.equal(
			(await admin(suite.emu, 'GET', '/config')).rateLimitPerMinute,
			2,
			'a refused change changes nothing',
		);
	});
});

describe('admin: tokens and access', () => {
	const suite = useEmulator();

	test('tokens: a pair as if Connect had run, with scopes and a TTL; unknown client or scope refused', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', {
			clientId: CLIENT.clientId,
			scopes: ['READ_SHEETS'],
			ttlSeconds: 30,
		});
		assert.deepEqual(
			[pair.token_type, pair.expires_in, typeof pair.access_token, typeof pair.refresh_token],
			['bearer', 30, 'string', 'string'],
		);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/sheets', { token: pair.access_token })).status,
			200,
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users', { token: pair.access_token }),
			403,
			1004,
		);
		const all = await admin(suite.emu, 'POST', '/tokens', {});
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users', { token: all.access_token })).status,
			200,
			'default: every scope',
		);
		for (const bad of [{ clientId: 'nobody' }, { scopes: ['EVERYTHING'] }, { ttlSeconds: -1 }]) {
			assert.equal(
				(await call(suite.emu, 'POST', '/__admin/tokens', { token: null, body: bad })).status,
				400,
				JSON.stringify(bad),
			);
		}
	});

	test('tokens/expire: one token or all OAuth tokens; a personal access token only by name (an admin-set expiry)', async () => {
		const one = await admin(suite.emu, 'POST', '/tokens', {});
		const two = await admin(suite.emu, 'POST', '/tokens', {});
		assert.deepEqual(
			await admin(suite.emu, 'POST', '/tokens/expire', { token: one.access_token }),
			{ ok: true, expired: 1 },
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: one.access_token }),
			401,
			1003,
		);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: two.access_token })).status,
			200,
		);
		await admin(suite.emu, 'POST', '/tokens/expire', { all: true });
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: two.access_token }),
			401,
			1003,
		);
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		assert.deepEqual(await admin(suite.emu, 'POST', '/tokens/expire', { token: PAT }), {
			ok: true,
			expired: 1,
		});
		assertError(await call(suite.emu, 'GET', '/2.0/users/me'), 401, 1003);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/tokens/expire', {
					token: null,
					body: { token: 'unknown' },
				})
			).status,
			400,
		);
	});

	test('tokens/revoke: access → 1002, refresh → 1132, all → every OAuth token', async () => {
		const pair = await admin(suite.emu, 'POST', '/tokens', {});
		assert.equal(
			(await admin(suite.emu, 'POST', '/tokens/revoke', { token: pair.access_token })).revoked,
			'access',
		);
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token }),
			401,
			1002,
		);
		const other = await admin(suite.emu, 'POST', '/tokens', {});
		await admin(suite.emu, 'POST', '/tokens/revoke', { all: true });
		assertError(
			await call(suite.emu, 'GET', '/2.0/users/me', { token: other.access_token }),
			401,
			1002,
		);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me')).status,
			200,
			'personal access tokens stay',
		);
	});

	test('access: sheet IDs above 2^53 are exact in admin bodies too; bad levels refused', async () => {
		const big = suite.emu.state.sheets.get('9007199254740993');
		assert.ok(big, 'the Big IDs sheet');
		const reply = await call(suite.emu, 'POST', '/__admin/access', {
			token: null,
			raw: '{"sheetId":9007199254740993,"accessLevel":"NONE"}',
			headers: { 'content-type': 'application/json' },
		});
		assert.equal(reply.status, 200, reply.text);
		assertError(await call(suite.emu, 'GET', '/2.0/sheets/9007199254740993'), 403, 1004);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/access', {
					token: null,
					body: { sheetId: '9007199254740993', accessLevel: 'GOD' },
				})
			).status,
			400,
		);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/access', {
					token: null,
					body: { sheetId: '1', accessLevel: 'VIEWER' },
				})
			).status,
			400,
		);
	});

	test('clock: runs until stopped; a stopped clock moves only when advanced, timestamps follow it; a reset runs it again', async () => {
		const running = await admin(suite.emu, 'GET', '/clock');
		assert.deepEqual([running.stopped, running.sleeping], [false, 0]);
		assert.equal(
			(await call(suite.emu, 'POST', '/__admin/clock/advance', { token: null, body: { ms: 5 } }))
				.status,
			400,
			'a running clock is not advanced',
		);
		const at = Date.UTC(2030, 0, 1, 12, 0, 0);
		assert.deepEqual(await admin(suite.emu, 'POST', '/clock/stop', { at }), {
			now: at,
			stopped: true,
			sleeping: 0,
		});
		const { id, columns, rowIds } = await tracker(suite.emu);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [{ id: rowIds[0], cells: [{ columnId: columns.Task, value: 'then' }] }],
		});
		await admin(suite.emu, 'POST', '/clock/advance', { ms: 61_000 });
		assert.equal((await admin(suite.emu, 'GET', '/clock')).now, at + 61_000);
		await call(suite.emu, 'PUT', `/2.0/sheets/${id}/rows`, {
			body: [{ id: rowIds[1], cells: [{ columnId: columns.Task, value: 'later' }] }],
		});
		const rows = (
			await call(suite.emu, 'GET', `/2.0/sheets/${id}?rowIds=${rowIds[0]},${rowIds[1]}`)
		).json.rows;
		assert.deepEqual(
			rows.map((row: any) => row.modifiedAt),
			['2030-01-01T12:00:00Z', '2030-01-01T12:01:01Z'],
		);
		for (const [path, body] of [
			['/clock/stop', { at: -1 }],
			['/clock/advance', { ms: 1.5 }],
		] as const) {
			assert.equal(
				(await call(suite.emu, 'POST', `/__admin${path}`, { token: null, body })).status,
				400,
				path,
			);
		}
		await admin(suite.emu, 'POST', '/reset');
		assert.equal((await admin(suite.emu, 'GET', '/clock')).stopped, false);
	});

	test('bad admin calls answer 400/404 with a reason', async () => {
		assert.equal((await call(suite.emu, 'GET', '/__admin/nothing', { token: null })).status, 404);
		const notJson = await call(suite.emu, 'POST', '/__admin/config', {
			token: null,
			raw: '{oops',
			headers: { 'content-type': 'application/json' },
		});
		assert.equal(notJson.status, 400);
		assert.match(notJson.json.error, /JSON/);
		assert.equal(
			(await call(suite.emu, 'POST', '/__admin/sheets', { token: null, body: { rows: -1 } }))
				.status,
			400,
		);
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/sheets', {
					token: null,
					body: { rows: 1, columns: [{ title: 'A', type: 'DATE', primary: true }] },
				})
			).status,
			400,
		);
		assert.equal(
			(await call(suite.emu, 'GET', '/__admin/requests?limit=x', { token: null })).status,
			400,
		);
	});
});

describe('in-process handle', () => {
	test('startEmulator answers url, port, apiBase, state and close(); port 0 picks a free port on 127.0.0.1', async () => {
		const running = await start({ seed: false });
		try {
			assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
			assert.equal(running.apiBase, `${running.url}/2.0`);
			assert.equal(running.url, `http://127.0.0.1:${running.port}`);
			assert.equal(running.state.sheets.size, 0, 'seed: false');
			assert.equal((await call(running, 'GET', '/2.0/sheets')).json.totalCount, 0);
			await call(running, 'POST', '/2.0/sheets', {
				body: { name: 'Mine', columns: [{ title: 'A', type: 'TEXT_NUMBER', primary: true }] },
			});
			assert.equal(running.state.sheets.size, 1);
			await admin(running, 'POST', '/reset');
			assert.equal(running.state.sheets.size, 0, 'state follows a reset');
		} finally {
			await running.close();
		}
		await assert.rejects(fetch(`${running.url}/2.0/users/me`), 'closed');
	});

	test('defaults: the demo PAT and OAuth app, seeded data', async () => {
		const { startEmulator, DEFAULT_CLIENT, DEFAULT_PAT } = await import('../emulator');
		const running = await startEmulator({ port: 0 });
		try {
			assert.equal(DEFAULT_PAT, 'demo-personal-access-token-000001');
			assert.equal(
				(await call(running, 'GET', '/2.0/users/me', { token: DEFAULT_PAT })).status,
				200,
			);
			const pair = await admin(running, 'POST', '/tokens', { clientId: DEFAULT_CLIENT.clientId });
			assert.equal(
				(await call(running, 'GET', '/2.0/sheets', { token: pair.access_token })).json.totalCount,
				2,
			);
			assert.equal(running.state.workspaces[0].name, 'Demo Workspace');
			assert.equal(running.state.folders.length, 1);
		} finally {
			await running.close();
		}
	});
});
