import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { RunningEmulator } from '../emulator';
import { admin, call, PAT, start, tracker } from './client';

describe('rate limits, collisions and faults', () => {
	let emu: RunningEmulator;
	before(async () => (emu = await start({ rateWindowMs: 1_000 })));
	after(async () => await emu.close());
	beforeEach(async () => await admin(emu, 'POST', '/reset'));

	test('over the per-token limit → 429/4003 without Retry-After; budget returns after the window', async () => {
		await admin(emu, 'POST', '/config', { rateLimitPerMinute: 3 });
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await call(emu, 'GET', '/2.0/users/me')).status);
		assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
		const limited = await call(emu, 'GET', '/2.0/users/me');
		assert.equal(limited.json.errorCode, 4003);
		assert.equal(limited.headers.get('retry-after'), null);
		const stats = await admin(emu, 'GET', '/stats');
		assert.equal(stats.rateLimited, 3);
		assert.equal(stats.byToken[PAT.slice(-6)].rateLimited, 3);
		await new Promise((resolve) => setTimeout(resolve, 1_050));
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
	});

	test('Retry-After only when configured', async () => {
		await admin(emu, 'POST', '/config', { rateLimitPerMinute: 1, retryAfterSeconds: 7 });
		await call(emu, 'GET', '/2.0/users/me');
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).headers.get('retry-after'), '7');
	});

	test('limits are per token', async () => {
		await admin(emu, 'POST', '/config', { rateLimitPerMinute: 1 });
		const pair = await admin(emu, 'POST', '/tokens', { clientId: 'contract-client' });
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
		assert.equal((await call(emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status, 200);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 429);
	});

	test('concurrent writes to one sheet with one token → 500/4004 (when enabled)', async () => {
		await admin(emu, 'POST', '/config', { writeCollisions: true, writeLatencyMs: 100 });
		const sheet = await tracker(emu);
		const body = [{ cells: [{ columnId: sheet.columns.Task, value: 'x' }] }];
		const replies = await Promise.all([1, 2].map(() => call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, { body })));
		const statuses = replies.map((reply) => reply.status).sort();
		assert.deepEqual(statuses, [200, 500]);
		assert.equal(replies.find((reply) => reply.status === 500)!.json.errorCode, 4004);
	});

	test('faults: a Smartsheet error for the next N matching requests only', async () => {
		await admin(emu, 'POST', '/faults', { match: { method: 'GET', path: '/2.0/users/*' }, count: 2, response: { kind: 'error', status: 503, errorCode: 4001 } });
		assert.equal((await admin(emu, 'GET', '/faults')).length, 1);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).json.errorCode, 4001);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 503);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
		const stats = await admin(emu, 'GET', '/stats');
		assert.deepEqual([stats.faultsInjected, stats.requests], [2, 3]);
	});

	test('faults: non-JSON 502, delay, dropped connection', async () => {
		await admin(emu, 'POST', '/faults', { match: { path: '/2.0/**' }, count: 1, response: { kind: 'raw', status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' } });
		const raw = await call(emu, 'GET', '/2.0/users/me');
		assert.deepEqual([raw.status, raw.text, raw.headers.get('content-type')], [502, '<html>Bad Gateway</html>', 'text/html']);
		await admin(emu, 'POST', '/faults', { match: { path: '/2.0/users/me' }, count: 1, response: { kind: 'delay', ms: 300 } });
		const started = Date.now();
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
		assert.ok(Date.now() - started >= 290);
		await admin(emu, 'POST', '/faults', { match: { path: '/2.0/users/me' }, count: 1, response: { kind: 'drop' } });
		await assert.rejects(call(emu, 'GET', '/2.0/users/me'));
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
		await admin(emu, 'POST', '/faults', { match: { path: '/2.0/users/me' }, count: 5, response: { kind: 'drop' } });
		await admin(emu, 'DELETE', '/faults');
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
	});

	test('reset restores seed data, counters and configuration', async () => {
		await admin(emu, 'POST', '/config', { rateLimitPerMinute: 1 });
		await call(emu, 'GET', '/2.0/users/me');
		await admin(emu, 'POST', '/reset');
		const stats = await admin(emu, 'GET', '/stats');
		assert.equal(stats.requests, 0);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200);
		const log = await admin(emu, 'GET', '/requests?limit=5');
		assert.equal(log.length, 2);
		assert.equal(log[0].tokenSuffix, PAT.slice(-6));
		assert.ok(!JSON.stringify(log).includes(PAT));
	});
});
