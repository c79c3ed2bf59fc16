import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { RunningEmulator } from '../emulator';
import { admin, call, start } from './client';

describe('errors and authentication', () => {
	let emu: RunningEmulator;
	before(async () => (emu = await start()));
	after(async () => await emu.close());
	beforeEach(async () => await admin(emu, 'POST', '/reset'));

	test('error body: errorCode, message, refId', async () => {
		const reply = await call(emu, 'GET', '/2.0/sheets/123');
		assert.equal(reply.status, 404);
		assert.equal(reply.json.errorCode, 1006);
		assert.equal(typeof reply.json.message, 'string');
		assert.match(reply.json.refId, /^[a-z0-9_-]{6,}$/);
	});

	test('no token → 401/1001, unknown → 401/1002, expired → 401/1003', async () => {
		assert.deepEqual([(await call(emu, 'GET', '/2.0/users/me', { token: null })).status, (await call(emu, 'GET', '/2.0/users/me', { token: null })).json.errorCode], [401, 1001]);
		const unknown = await call(emu, 'GET', '/2.0/users/me', { token: 'nope-nope-nope-nope' });
		assert.deepEqual([unknown.status, unknown.json.errorCode], [401, 1002]);
		const pair = await admin(emu, 'POST', '/tokens', { clientId: 'contract-client' });
		await admin(emu, 'POST', '/tokens/expire', { token: pair.access_token });
		const expired = await call(emu, 'GET', '/2.0/users/me', { token: pair.access_token });
		assert.deepEqual([expired.status, expired.json.errorCode], [401, 1003]);
		assert.equal((await admin(emu, 'GET', '/stats')).expiredTokenRequests, 1);
	});

	test('access tokens expire after the configured TTL', async () => {
		await admin(emu, 'POST', '/config', { accessTokenTtlSeconds: 1 });
		const pair = await admin(emu, 'POST', '/tokens', { clientId: 'contract-client', ttlSeconds: 1 });
		assert.equal((await call(emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status, 200);
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		assert.equal((await call(emu, 'GET', '/2.0/users/me', { token: pair.access_token })).json.errorCode, 1003);
	});

	test('a token without the scope gets 403/1004; /users/me needs none', async () => {
		const pair = await admin(emu, 'POST', '/tokens', { clientId: 'contract-client', scopes: ['READ_USERS'] });
		const sheets = await call(emu, 'GET', '/2.0/sheets', { token: pair.access_token });
		assert.deepEqual([sheets.status, sheets.json.errorCode], [403, 1004]);
		assert.equal((await call(emu, 'GET', '/2.0/users/me', { token: pair.access_token })).status, 200);
	});

	test('bad input gets Smartsheet errors, never a crash', async () => {
		const sheet = (await call(emu, 'GET', '/2.0/sheets')).json.data[0];
		const path = `/2.0/sheets/${/"id":(\d+)/.exec((await call(emu, 'GET', '/2.0/sheets')).text)![1]}/rows`;
		assert.ok(sheet);
		const malformed = await call(emu, 'POST', path, { raw: '{"cells": [', headers: { 'content-type': 'application/json' } });
		assert.deepEqual([malformed.status, malformed.json.errorCode], [400, 1008]);
		const wrongType = await call(emu, 'POST', path, { raw: 'cells=1', headers: { 'content-type': 'text/plain' } });
		assert.deepEqual([wrongType.status, wrongType.json.errorCode], [415, 1124]);
		const wrongShape = await call(emu, 'POST', path, { body: [{ cells: 'x' }] });
		assert.equal(wrongShape.json.errorCode, 1008);
		const unknownRoute = await call(emu, 'GET', '/2.0/nothing/here');
		assert.deepEqual([unknownRoute.status, unknownRoute.json.errorCode], [404, 1006]);
		const wrongMethod = await call(emu, 'PATCH', '/2.0/users/me');
		assert.deepEqual([wrongMethod.status, wrongMethod.json.errorCode], [405, 1010]);
		const badPage = await call(emu, 'GET', '/2.0/sheets?pageSize=-3');
		assert.deepEqual([badPage.status, badPage.json.errorCode], [400, 1018]);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).status, 200, 'still serving');
	});

	test('sheet access: NONE hides the sheet (1004), VIEWER may read but not write', async () => {
		const id = /"id":(\d+)/.exec((await call(emu, 'GET', '/2.0/sheets')).text)![1];
		await admin(emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assert.equal((await call(emu, 'GET', `/2.0/sheets/${id}`)).status, 200);
		const write = await call(emu, 'POST', `/2.0/sheets/${id}/rows`, { body: [{ cells: [] }] });
		assert.deepEqual([write.status, write.json.errorCode], [403, 1004]);
		await admin(emu, 'POST', '/access', { sheetId: id, accessLevel: 'NONE' });
		assert.equal((await call(emu, 'GET', `/2.0/sheets/${id}`)).json.errorCode, 1004);
	});
});
