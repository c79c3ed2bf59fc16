// Rate limits, write collisions (4004), and scheduled faults.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { parseArgs } from '../emulator/cli';
import { latencyDraw, type EmulatorOptions } from '../emulator/config';
import {
	admin,
	advanceClock,
	assertError,
	call,
	clockWaits,
	CLIENT,
	PAT,
	start,
	stopClock,
	tracker,
	untilClock,
	useEmulator,
} from './client';

const WINDOW_MS = 600;

describe('rate limit', () => {
	const suite = useEmulator({ rateWindowMs: WINDOW_MS, rateLimitPerMinute: 3 });

	test('over the per-token limit → 429 {errorCode:4003, message:"Rate limit exceeded."} without Retry-After', async () => {
		const statuses = [];
		for (let i = 0; i < 5; i++)
			statuses.push((await call(suite.emu, 'GET', '/2.0/users/me')).status);
		assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
		const limited = await call(suite.emu, 'GET', '/2.0/sheets');
		assertError(limited, 429, 4003);
		assert.equal(limited.json.message, 'Rate limit exceeded.');
		assert.equal(limited.headers.get('retry-after'), null, 'Smartsheet documents no Retry-After');
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.equal(stats.rateLimited, 3);
		assert.deepEqual(stats.byToken[PAT.slice(-6)], {
			requests: 6,
			rateLimited: 3,
			expiredTokenRequests: 0,
		});
	});

	test('rejected requests use no budget: after the window the full limit is available again', async () => {
		await stopClock(suite.emu);
		for (let i = 0; i < 3; i++) await call(suite.emu, 'GET', '/2.0/users/me');
		for (let i = 0; i < 10; i++)
			assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 429);
		await advanceClock(suite.emu, WINDOW_MS + 50);
		const statuses = [];
		for (let i = 0; i < 4; i++)
			statuses.push((await call(suite.emu, 'GET', '/2.0/users/me')).status);
		assert.deepEqual(statuses, [200, 200, 200, 429]);
	});

	test('the window slides: budget comes back as old requests age out, not all at once', async () => {
		await stopClock(suite.emu);
		await call(suite.emu, 'GET', '/2.0/users/me');
		await advanceClock(suite.emu, WINDOW_MS / 2);
		await call(suite.emu, 'GET', '/2.0/users/me');
		await call(suite.emu, 'GET', '/2.0/users/me');
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 429);
		await advanceClock(suite.emu, WINDOW_MS / 2 + 60); // the first request has left the window, the other two not yet
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 429);
	});

	test('Retry-After only when configured (start option or runtime config)', async () => {
		await admin(suite.emu, 'POST', '/config', { rateLimitPerMinute: 1, retryAfterSeconds: 7 });
		await call(suite.emu, 'GET', '/2.0/users/me');
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).headers.get('retry-after'), '7');
		await admin(suite.emu, 'POST', '/config', { retryAfterSeconds: null });
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).headers.get('retry-after'), null);
		const withOption = await start({ rateLimitPerMinute: 1, retryAfterSeconds: 2 });
		try {
			await call(withOption, 'GET', '/2.0/users/me');
			assert.equal(
				(await call(withOption, 'GET', '/2.0/users/me')).headers.get('retry-after'),
				'2',
			);
		} finally {
			await withOption.close();
		}
	});

	test('limits are per token; the token endpoint is not limited', async () => {
		await admin(suite.emu, 'POST', '/config', { rateLimitPerMinute: 1 });
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status,
			200,
		);
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 429);
		assert.equal(
			(await call(suite.emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status,
			429,
		);
		const refresh = await fetch(`${suite.emu.apiBase}/token`, {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: pair.refresh_token,
				client_id: CLIENT.clientId,
				client_secret: CLIENT.clientSecret,
			}),
		});
		assert.equal(refresh.status, 200);
	});

	test('attachment uploads weigh 10', async () => {
		await admin(suite.emu, 'POST', '/config', { rateLimitPerMinute: 12 });
		const sheetId = suite.emu.state.sheets.keys().next().value!; // no API call: the budget stays whole
		const upload = async () => {
			const form = new FormData();
			form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
			return await fetch(`${suite.emu.apiBase}/sheets/${sheetId}/attachments`, {
				method: 'POST',
				headers: { authorization: `Bearer ${PAT}` },
				body: form,
			});
		};
		assert.equal((await upload()).status, 200); // 10 of 12
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200); // 11
		assert.equal((await upload()).status, 429); // 21 > 12
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200); // 12
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 429);
	});
});

describe('write collisions', () => {
	const suite = useEmulator();

	/** Two writes at once. The clock is stopped, so a write holds its sheet until the clock moves past the latency. */
	async function twoWrites(tokens: [string, string], sheets?: [string, string]) {
		const sheet = await tracker(suite.emu);
		const ids = sheets ?? [sheet.id, sheet.id];
		const body = (id: string) =>
			id === sheet.id
				? [{ cells: [{ columnId: sheet.columns.Task, value: 'x' }] }]
				: [{ cells: [] }];
		const { writeLatencyMs } = await admin(suite.emu, 'GET', '/config');
		await stopClock(suite.emu);
		let answered = 0;
		const replies = Promise.all(
			[0, 1].map(async (i) => {
				const reply = await call(suite.emu, 'POST', `/2.0/sheets/${ids[i]}/rows`, {
					token: tokens[i],
					body: body(ids[i]),
				});
				answered++;
				return reply;
			}),
		);
		// Both writes are in: each is held on the clock or already answered (a collision answers at once).
		await untilClock(suite.emu, (waits) => waits + answered === 2);
		await advanceClock(suite.emu, writeLatencyMs);
		return await replies;
	}

	test('a second write to a sheet while the same token is writing it → 500/4004 naming the sheet', async () => {
		await admin(suite.emu, 'POST', '/config', { writeCollisions: true, writeLatencyMs: 150 });
		const sheet = await tracker(suite.emu);
		const replies = await twoWrites([PAT, PAT]);
		assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 500]);
		const collided = replies.find((reply) => reply.status === 500)!;
		assertError(collided, 500, 4004);
		assert.equal(
			collided.json.message,
			`Request failed because sheetId ${sheet.id} is currently being updated by another request that uses the same access token. Please retry your request once the previous request has completed.`,
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`)).json.rows.length,
			6,
			'only one write happened',
		);
		// Once the first write is done, the sheet takes writes again.
		assert.equal(
			await twoWrites([PAT, PAT]).then((all) => all.filter((reply) => reply.status === 200).length),
			1,
		);
	});

	test('other tokens and other sheets do not collide; without the flag nothing collides', async () => {
		await admin(suite.emu, 'POST', '/config', { writeCollisions: true, writeLatencyMs: 100 });
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		assert.deepEqual(
			(await twoWrites([PAT, pair.access_token])).map((reply) => reply.status),
			[200, 200],
		);
		const other = await admin(suite.emu, 'POST', '/sheets', { name: 'Other', rows: 1 });
		const sheet = await tracker(suite.emu);
		assert.deepEqual(
			(await twoWrites([PAT, PAT], [sheet.id, String(other.id)])).map((reply) => reply.status),
			[200, 200],
		);
		await admin(suite.emu, 'POST', '/config', { writeCollisions: false });
		assert.deepEqual(
			(await twoWrites([PAT, PAT])).map((reply) => reply.status),
			[200, 200],
		);
	});

	test('writeLatencyMs holds each write that long', async () => {
		await admin(suite.emu, 'POST', '/config', { writeLatencyMs: 200 });
		const sheet = await tracker(suite.emu);
		await stopClock(suite.emu);
		const deleting = call(
			suite.emu,
			'DELETE',
			`/2.0/sheets/${sheet.id}/rows?ids=${sheet.rowIds[0]}`,
		);
		await untilClock(suite.emu, (waits) => waits === 1);
		await advanceClock(suite.emu, 199);
		assert.equal(
			await clockWaits(suite.emu),
			1,
			'the write is still held 1 ms before its latency is up',
		);
		const read = await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`);
		assert.equal(
			read.json.rows.length,
			5,
			'reads are not held (and see the sheet before the write)',
		);
		await advanceClock(suite.emu, 1);
		assert.equal((await deleting).status, 200);
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`)).json.rows.length, 4);
	});
});

describe('latency', () => {
	const suite = useEmulator();

	test('latencyMs delays every API answer, a 429 included; a range draws between its ends', async () => {
		await admin(suite.emu, 'POST', '/config', { latencyMs: 250, rateLimitPerMinute: 1 });
		await call(suite.emu, 'GET', '/2.0/users/me');
		const started = Date.now();
		assertError(await call(suite.emu, 'GET', '/2.0/users/me'), 429, 4003);
		assert.ok(Date.now() - started >= 245, 'never answered before its latency');
		assert.equal(
			latencyDraw([200, 500], () => 0),
			200,
		);
		assert.equal(
			latencyDraw([200, 500], () => 1),
			500,
		);
		assert.equal(
			latencyDraw(350, () => 1),
			350,
		);
	});

	test('a range is set at run time too; a reversed or malformed one is refused and changes nothing', async () => {
		assert.equal(
			(
				await call(suite.emu, 'POST', '/__admin/config', {
					token: null,
					body: { latencyMs: [0, 5] },
				})
			).status,
			200,
		);
		for (const bad of [[5, 1], [1], -3, '350'])
			assert.equal(
				(
					await call(suite.emu, 'POST', '/__admin/config', {
						token: null,
						body: { latencyMs: bad },
					})
				).status,
				400,
				JSON.stringify(bad),
			);
		assert.deepEqual((await admin(suite.emu, 'GET', '/config')).latencyMs, [0, 5]);
	});

	test('--latency-ms takes a fixed value or min-max', () => {
		assert.equal((parseArgs(['--latency-ms', '350']) as EmulatorOptions).latencyMs, 350);
		assert.deepEqual(
			(parseArgs(['--latency-ms=200-500']) as EmulatorOptions).latencyMs,
			[200, 500],
		);
		assert.throws(() => parseArgs(['--latency-ms', '500-200']), /min ≤ max/);
		assert.throws(() => parseArgs(['--latency-ms', 'fast']), /whole number/);
	});
});

describe('faults', () => {
	const suite = useEmulator();

	test('error: a Smartsheet error for the next N matching requests only, counted', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { method: 'GET', path: '/2.0/users/*' },
			count: 2,
			response: { kind: 'error', errorCode: 4001 },
		});
		const pending = await admin(suite.emu, 'GET', '/faults');
		assert.deepEqual(pending, [
			{
				match: { method: 'GET', path: '/2.0/users/*' },
				count: 2,
				response: { kind: 'error', errorCode: 4001 },
			},
		]);
		assertError(await call(suite.emu, 'GET', '/2.0/users/me'), 503, 4001); // status from Smartsheet's table
		assert.equal((await admin(suite.emu, 'GET', '/faults'))[0].count, 1);
		assertError(await call(suite.emu, 'GET', '/2.0/users/me?x=1'), 503, 4001); // the query is ignored
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		assert.deepEqual(await admin(suite.emu, 'GET', '/faults'), []);
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.deepEqual([stats.faultsInjected, stats.requests], [2, 3]);
	});

	test('error: explicit status, message and Retry-After; the method must match', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { method: 'POST', path: '/2.0/sheets/*/rows' },
			count: 1,
			response: { kind: 'error', status: 429, errorCode: 4003, retryAfterSeconds: 3 },
		});
		const sheet = await tracker(suite.emu);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`)).status,
			200,
			'GET is not matched',
		);
		const reply = await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, {
			body: { cells: [] },
		});
		assertError(reply, 429, 4003);
		assert.equal(reply.headers.get('retry-after'), '3');
		assert.equal((await admin(suite.emu, 'GET', '/stats')).rateLimited, 1);
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/users/me' },
			count: 1,
			response: { kind: 'error', status: 500, errorCode: 4000, message: 'Something odd.' },
		});
		const custom = await call(suite.emu, 'GET', '/2.0/users/me');
		assert.deepEqual(
			[custom.status, custom.json.errorCode, custom.json.message],
			[500, 4000, 'Something odd.'],
		);
	});

	test('raw: a non-JSON 502 page from a gateway', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/**' },
			count: 1,
			response: {
				kind: 'raw',
				status: 502,
				contentType: 'text/html',
				body: '<html>Bad Gateway</html>',
			},
		});
		const raw = await call(suite.emu, 'GET', '/2.0/sheets');
		assert.deepEqual(
			[raw.status, raw.text, raw.headers.get('content-type'), raw.json],
			[502, '<html>Bad Gateway</html>', 'text/html', undefined],
		);
		assert.equal((await admin(suite.emu, 'GET', '/stats')).faultsInjected, 1);
	});

	test('delay: answered normally, that much later', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/users/me' },
			count: 1,
			response: { kind: 'delay', ms: 300 },
		});
		await stopClock(suite.emu);
		const replying = call(suite.emu, 'GET', '/2.0/users/me');
		await untilClock(suite.emu, (waits) => waits === 1);
		await advanceClock(suite.emu, 299);
		assert.equal(await clockWaits(suite.emu), 1, 'not answered 1 ms before the delay is up');
		await advanceClock(suite.emu, 1);
		const reply = await replying;
		assert.equal(reply.status, 200);
		assert.equal(reply.json.email, 'demo.user@example.com');
		assert.equal((await admin(suite.emu, 'GET', '/stats')).faultsInjected, 1);
	});

	test('drop: the connection closes with no answer; counted; the next request is served', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/users/me' },
			count: 1,
			response: { kind: 'drop' },
		});
		await assert.rejects(call(suite.emu, 'GET', '/2.0/users/me'));
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.deepEqual([stats.faultsInjected, stats.requests], [1, 2]);
	});

	test('the token endpoint can be faulted too (counted as a token call)', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { method: 'POST', path: '/2.0/token' },
			count: 1,
			response: { kind: 'error', errorCode: 4004 },
		});
		const pair = await admin(suite.emu, 'POST', '/tokens', { clientId: CLIENT.clientId });
		const params = {
			grant_type: 'refresh_token',
			refresh_token: pair.refresh_token,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		};
		const faulted = await fetch(`${suite.emu.apiBase}/token`, {
			method: 'POST',
			body: new URLSearchParams(params),
		});
		assert.deepEqual([faulted.status, ((await faulted.json()) as any).errorCode], [500, 4004]);
		assert.equal(
			(
				await fetch(`${suite.emu.apiBase}/token`, {
					method: 'POST',
					body: new URLSearchParams(params),
				})
			).status,
			200,
			'the refresh token was not used up',
		);
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.deepEqual(
			[stats.faultsInjected, stats.tokenCalls, stats.requests, stats.tokenRefreshes],
			[1, 2, 0, 1],
		);
	});

	test('patterns: * is one segment, ** any number', async () => {
		const sheet = await tracker(suite.emu);
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/sheets/*' },
			count: 5,
			response: { kind: 'error', errorCode: 4002 },
		});
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/version`)).status,
			200,
			'* does not span segments',
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`), 500, 4002);
		await admin(suite.emu, 'DELETE', '/faults');
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/sheets/**' },
			count: 2,
			response: { kind: 'error', errorCode: 4004 },
		});
		assertError(
			await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/rows/${sheet.rowIds[0]}`),
			500,
			4004,
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`), 500, 4004);
	});

	const addRow = async (sheet: { id: string; columns: Record<string, string> }, task: string) =>
		await call(suite.emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, {
			body: [{ toBottom: true, cells: [{ columnId: sheet.columns.Task, value: task }] }],
		});
	const rowCount = async (sheetId: string) =>
		(await call(suite.emu, 'GET', `/2.0/sheets/${sheetId}`)).json.rows.length;

	for (const wrong of [
		{ kind: 'error', errorCode: 4002 },
		{ kind: 'error', errorCode: 4000 },
		{ kind: 'raw', status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' },
		{ kind: 'raw', status: 200, contentType: 'text/html', body: '<html>Signed out</html>' },
	] as const) {
		test(`afterActing ${wrong.kind} ${'errorCode' in wrong ? wrong.errorCode : wrong.status}: the write happens, the fault is the answer`, async () => {
			const sheet = await tracker(suite.emu);
			const before = await rowCount(sheet.id);
			await admin(suite.emu, 'POST', '/faults', {
				match: { method: 'POST', path: '/2.0/sheets/*/rows' },
				count: 1,
				afterActing: true,
				response: wrong,
			});
			assert.deepEqual((await admin(suite.emu, 'GET', '/faults'))[0].afterActing, true);
			const reply = await addRow(sheet, 'carried out');
			if (wrong.kind === 'error') assertError(reply, 500, wrong.errorCode);
			else assert.deepEqual([reply.status, reply.text], [wrong.status, wrong.body]);
			assert.equal(
				await rowCount(sheet.id),
				before + 1,
				'the row was added although the answer says otherwise',
			);
			assert.equal((await admin(suite.emu, 'GET', '/stats')).faultsInjected, 1);
		});
	}

	test('afterActing drop: the write happens, the connection closes without an answer', async () => {
		const sheet = await tracker(suite.emu);
		const before = await rowCount(sheet.id);
		await admin(suite.emu, 'POST', '/faults', {
			match: { method: 'POST', path: '/2.0/sheets/*/rows' },
			count: 1,
			afterActing: true,
			response: { kind: 'drop' },
		});
		await assert.rejects(addRow(sheet, 'dropped'));
		assert.equal(await rowCount(sheet.id), before + 1);
	});

	test('afterActing delay: the write is visible while its answer is still held back', async () => {
		const sheet = await tracker(suite.emu);
		const before = suite.emu.state.sheets.get(sheet.id)!.rows.length;
		await admin(suite.emu, 'POST', '/faults', {
			match: { method: 'POST', path: '/2.0/sheets/*/rows' },
			count: 1,
			afterActing: true,
			response: { kind: 'delay', ms: 600_000 },
		});
		// Watch the emulator's own state (no timing): the row lands, the answer is held for ten minutes.
		const aborter = new AbortController();
		const held = fetch(`${suite.emu.apiBase}/sheets/${sheet.id}/rows`, {
			method: 'POST',
			headers: { authorization: `Bearer ${PAT}`, 'content-type': 'application/json' },
			body: JSON.stringify([
				{ toBottom: true, cells: [{ columnId: sheet.columns.Task, value: 'late' }] },
			]),
			signal: aborter.signal,
		});
		while (suite.emu.state.sheets.get(sheet.id)!.rows.length === before) await sleep(5);
		aborter.abort();
		await assert.rejects(held, { name: 'AbortError' }, 'no answer came with the write');
		const rows = (await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}`)).json.rows;
		assert.equal(
			rows.at(-1).cells.find((cell: any) => String(cell.columnId) === sheet.columns.Task).value,
			'late',
		);
	});

	test('a fault without afterActing does nothing to the sheet', async () => {
		const sheet = await tracker(suite.emu);
		const before = await rowCount(sheet.id);
		await admin(suite.emu, 'POST', '/faults', {
			match: { method: 'POST', path: '/2.0/sheets/*/rows' },
			count: 1,
			response: { kind: 'error', errorCode: 4002 },
		});
		assertError(await addRow(sheet, 'refused'), 500, 4002);
		assert.equal(await rowCount(sheet.id), before);
	});

	test('DELETE /__admin/faults clears pending faults; a bad fault is refused with a reason', async () => {
		await admin(suite.emu, 'POST', '/faults', {
			match: { path: '/2.0/users/me' },
			count: 5,
			response: { kind: 'drop' },
		});
		await admin(suite.emu, 'DELETE', '/faults');
		assert.equal((await call(suite.emu, 'GET', '/2.0/users/me')).status, 200);
		for (const bad of [
			{ match: { path: '/2.0/users/me' }, count: 0, response: { kind: 'drop' } },
			{ match: {}, count: 1, response: { kind: 'drop' } },
			{ match: { path: '/2.0/users/me' }, count: 1, response: { kind: 'explode' } },
			{ match: { path: '/2.0/users/me' }, count: 1, response: { kind: 'error' } },
			{
				match: { path: '/2.0/users/me' },
				count: 1,
				response: { kind: 'raw', status: 999, body: 'x' },
			},
			{
				match: { path: '/2.0/users/me' },
				count: 1,
				afterActing: 'yes',
				response: { kind: 'drop' },
			},
		]) {
			const reply = await call(suite.emu, 'POST', '/__admin/faults', { token: null, body: bad });
			assert.equal(reply.status, 400, JSON.stringify(bad));
			assert.equal(typeof reply.json.error, 'string');
		}
		assert.deepEqual(await admin(suite.emu, 'GET', '/faults'), []);
	});
});
