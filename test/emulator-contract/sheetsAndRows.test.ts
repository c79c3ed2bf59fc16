import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { RunningEmulator } from '../emulator';
import { admin, call, start, tracker } from './client';

describe('sheets, rows, columns, users', () => {
	let emu: RunningEmulator;
	before(async () => (emu = await start()));
	after(async () => await emu.close());
	beforeEach(async () => await admin(emu, 'POST', '/reset'));

	test('IDs above 2^53 are sent as exact bare numbers and accepted back', async () => {
		const list = await call(emu, 'GET', '/2.0/sheets');
		const bigId = /"id":(\d+),"name":"Big IDs"/.exec(list.text)![1];
		assert.ok(BigInt(bigId) > 2n ** 53n);
		const sheet = await call(emu, 'GET', `/2.0/sheets/${bigId}`);
		const rowId = /"rows":\[\{"id":(\d+)/.exec(sheet.text)![1];
		const columnId = /"columns":\[\{"id":(\d+)/.exec(sheet.text)![1];
		assert.ok(BigInt(rowId) > 2n ** 53n && BigInt(columnId) > 2n ** 53n);
		// Send the IDs back as bare JSON numbers: no precision may be lost on the way in.
		const raw = `[{"id":${rowId},"cells":[{"columnId":${columnId},"value":"updated"}]}]`;
		const update = await call(emu, 'PUT', `/2.0/sheets/${bigId}/rows`, { raw, headers: { 'content-type': 'application/json' } });
		assert.equal(update.status, 200, update.text);
		assert.ok(update.text.includes(`"id":${rowId}`));
		const row = await call(emu, 'GET', `/2.0/sheets/${bigId}/rows/${rowId}`);
		assert.ok(row.text.includes('"value":"updated"'));
	});

	test('list sheets with offset paging; a page past the end returns the last page', async () => {
		for (let i = 0; i < 3; i++) await admin(emu, 'POST', '/sheets', { name: `extra ${i}`, rows: 0 });
		const first = await call(emu, 'GET', '/2.0/sheets?pageSize=2&page=1');
		assert.deepEqual([first.json.pageNumber, first.json.pageSize, first.json.totalPages, first.json.totalCount, first.json.data.length], [1, 2, 3, 5, 2]);
		const beyond = await call(emu, 'GET', '/2.0/sheets?pageSize=2&page=9');
		assert.equal(beyond.json.pageNumber, 3);
		assert.equal(beyond.json.data.length, 1);
		assert.equal((await call(emu, 'GET', '/2.0/sheets?includeAll=true')).json.data.length, 5);
	});

	test('get a sheet with filters, its version, its columns; the user and users', async () => {
		const sheet = await tracker(emu);
		const full = await call(emu, 'GET', `/2.0/sheets/${sheet.id}`);
		assert.equal(full.json.rows.length, 5);
		assert.equal(full.json.columns.length, 5);
		const filtered = await call(emu, 'GET', `/2.0/sheets/${sheet.id}?rowNumbers=2,3&columnIds=${sheet.columns.Task}`);
		assert.equal(filtered.json.rows.length, 2);
		assert.equal(filtered.json.rows[0].cells.length, 1);
		const future = await call(emu, 'GET', `/2.0/sheets/${sheet.id}?rowsModifiedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
		assert.equal(future.json.rows.length, 0);
		const version = (await call(emu, 'GET', `/2.0/sheets/${sheet.id}/version`)).json.version;
		await call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, { body: { cells: [{ columnId: sheet.columns.Task, value: 'new' }] } });
		assert.equal((await call(emu, 'GET', `/2.0/sheets/${sheet.id}/version`)).json.version, version + 1);
		assert.equal((await call(emu, 'GET', '/2.0/users/me')).json.email, 'demo.user@example.com');
		assert.equal((await call(emu, 'GET', '/2.0/users')).json.totalCount, 1);
	});

	test('create a sheet: exactly one TEXT_NUMBER primary column, unique titles', async () => {
		const ok = await call(emu, 'POST', '/2.0/sheets', { body: { name: 'New', columns: [{ title: 'A', type: 'TEXT_NUMBER', primary: true }, { title: 'B', type: 'DATE' }] } });
		assert.deepEqual([ok.status, ok.json.message, ok.json.result.columns.length], [200, 'SUCCESS', 2]);
		const noPrimary = await call(emu, 'POST', '/2.0/sheets', { body: { name: 'x', columns: [{ title: 'A', type: 'TEXT_NUMBER' }] } });
		assert.equal(noPrimary.json.errorCode, 1055);
		const wrongType = await call(emu, 'POST', '/2.0/sheets', { body: { name: 'x', columns: [{ title: 'A', type: 'DATE', primary: true }] } });
		assert.equal(wrongType.json.errorCode, 1057);
		const duplicate = await call(emu, 'POST', '/2.0/sheets', { body: { name: 'x', columns: [{ title: 'A', type: 'TEXT_NUMBER', primary: true }, { title: 'A', type: 'DATE' }] } });
		assert.equal(duplicate.json.errorCode, 1056);
		assert.equal((await call(emu, 'POST', '/2.0/sheets', { body: { columns: [] } })).json.errorCode, 1012);
	});

	test('add rows: all or nothing without allowPartialSuccess, with detail of the first failure', async () => {
		const sheet = await tracker(emu);
		const rows = [{ cells: [{ columnId: sheet.columns.Task, value: 'fine' }] }, { cells: [{ columnId: '1', value: 'bad column' }] }];
		const reply = await call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, { body: rows });
		assert.deepEqual([reply.status, reply.json.errorCode, reply.json.detail.index], [400, 1036, 1]);
		assert.equal((await call(emu, 'GET', `/2.0/sheets/${sheet.id}`)).json.rows.length, 5, 'nothing was added');
	});

	test('add rows with allowPartialSuccess: PARTIAL_SUCCESS with failedItems', async () => {
		const sheet = await tracker(emu);
		const task = sheet.columns.Task;
		const rows = [
			{ cells: [{ columnId: task, value: 'ok' }] },
			{ cells: [{ columnId: task, value: 'x'.repeat(4001) }] },
			{ cells: [{ columnId: task, formula: 'SUM(1)' }] },
			{ cells: [{ columnId: task, formula: '=1', value: 2 }] },
			{ cells: [{ columnId: task, value: 1, objectValue: 2 }] },
			{ cells: [{ columnId: task, value: 1 }, { columnId: task, value: 2 }] },
		];
		const reply = await call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows?allowPartialSuccess=true`, { body: rows });
		assert.deepEqual([reply.status, reply.json.message, reply.json.resultCode, reply.json.result.length], [200, 'PARTIAL_SUCCESS', 3, 1]);
		assert.deepEqual(reply.json.failedItems.map((item: any) => [item.index, item.error.errorCode]), [[1, 1041], [2, 1162], [3, 1163], [4, 1130], [5, 1037]]);
	});

	test('row locations must agree (1123); more than 500 rows is refused (1160)', async () => {
		const sheet = await tracker(emu);
		const mixed = await call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, { body: [{ toTop: true, cells: [] }, { toBottom: true, cells: [] }] });
		assert.equal(mixed.json.errorCode, 1123);
		const many = Array.from({ length: 501 }, () => ({ cells: [{ columnId: sheet.columns.Task, value: 'x' }] }));
		assert.equal((await call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, { body: many })).json.errorCode, 1160);
		const fiveHundred = many.slice(0, 500);
		assert.equal((await call(emu, 'POST', `/2.0/sheets/${sheet.id}/rows`, { body: fiveHundred })).json.result.length, 500);
	});

	test('update rows: needs ids, refuses read-only attributes and unknown rows', async () => {
		const sheet = await tracker(emu);
		const rowId = /"rows":\[\{"id":(\d+)/.exec((await call(emu, 'GET', `/2.0/sheets/${sheet.id}`)).text)![1];
		const ok = await call(emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, { body: [{ id: rowId, cells: [{ columnId: sheet.columns.Status, value: 'Done' }] }] });
		assert.equal(ok.json.message, 'SUCCESS');
		assert.equal((await call(emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, { body: [{ cells: [] }] })).json.errorCode, 1012);
		assert.equal((await call(emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, { body: [{ id: rowId, rowNumber: 1, cells: [] }] })).json.errorCode, 1032);
		assert.equal((await call(emu, 'PUT', `/2.0/sheets/${sheet.id}/rows`, { body: [{ id: '123', cells: [] }] })).json.errorCode, 1006);
	});

	test('delete rows by ids; ignoreRowsNotFound decides about missing ones', async () => {
		const sheet = await tracker(emu);
		const ids = [...(await call(emu, 'GET', `/2.0/sheets/${sheet.id}`)).text.matchAll(/\{"id":(\d+),"sheetId"/g)].map((match) => match[1]);
		const strict = await call(emu, 'DELETE', `/2.0/sheets/${sheet.id}/rows?ids=${ids[0]},123`);
		assert.equal(strict.json.errorCode, 1006);
		assert.equal((await call(emu, 'GET', `/2.0/sheets/${sheet.id}`)).json.rows.length, 5, 'nothing deleted');
		const lenient = await call(emu, 'DELETE', `/2.0/sheets/${sheet.id}/rows?ids=${ids[0]},123&ignoreRowsNotFound=true`);
		assert.ok(lenient.text.includes(`"result":[${ids[0]}]`));
		assert.equal((await call(emu, 'GET', `/2.0/sheets/${sheet.id}/rows/${ids[0]}`)).json.errorCode, 1006);
	});

	test('admin: generated sheets and directly issued tokens', async () => {
		const generated = await admin(emu, 'POST', '/sheets', { name: 'Generated', rows: 2000 });
		const sheet = await call(emu, 'GET', `/2.0/sheets/${generated.id}`);
		assert.equal(sheet.json.rows.length, 2000);
		const pair = await admin(emu, 'POST', '/tokens', { clientId: 'contract-client', ttlSeconds: 30 });
		assert.equal(pair.expires_in, 30);
	});
});

describe('command line', () => {
	test('npm run emulator prints one line with its URL, and answers there', async () => {
		const port = 20_000 + Math.floor(Math.random() * 20_000);
		const child = spawn('node_modules/.bin/tsx', ['test/emulator/cli.ts', '--port', String(port), '--rate-limit', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
		try {
			const line = await new Promise<string>((resolve, reject) => {
				child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString()));
				child.on('exit', (code) => reject(new Error(`exited ${code}`)));
			});
			assert.match(line, new RegExp(`^Smartsheet emulator listening on http://127\\.0\\.0\\.1:${port} \\(API http://127\\.0\\.0\\.1:${port}/2\\.0\\)\\n$`));
			const reply = await fetch(`http://127.0.0.1:${port}/2.0/users/me`, { headers: { authorization: 'Bearer demo-personal-access-token-000001' } });
			assert.equal(reply.status, 200);
		} finally {
			child.kill('SIGTERM');
		}
	});

	test('a bad flag exits 2 with a message', async () => {
		const child = spawn('node_modules/.bin/tsx', ['test/emulator/cli.ts', '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		assert.equal(code, 2);
		assert.match(stderr, /unknown flag --bogus/);
	});
});

describe('attachments', () => {
	let emu: RunningEmulator;
	before(async () => (emu = await start()));
	after(async () => await emu.close());

	test('multipart upload to a sheet, list, get with a temporary URL; uploads weigh 10', async () => {
		const sheet = await tracker(emu);
		await admin(emu, 'POST', '/config', { rateLimitPerMinute: 15 });
		const form = new FormData();
		form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
		const upload = await fetch(`${emu.apiBase}/sheets/${sheet.id}/attachments`, { method: 'POST', headers: { authorization: 'Bearer contract-pat-0123456789abcdefghij' }, body: form });
		const uploaded = (await upload.json()) as any;
		assert.deepEqual([upload.status, uploaded.result.name, uploaded.result.attachmentType, uploaded.result.sizeInKb], [200, 'hello.txt', 'FILE', 1]);
		const list = await call(emu, 'GET', `/2.0/sheets/${sheet.id}/attachments`);
		assert.equal(list.json.totalCount, 1);
		const id = /"data":\[\{"id":(\d+)/.exec(list.text)![1];
		const one = await call(emu, 'GET', `/2.0/sheets/${sheet.id}/attachments/${id}`);
		assert.equal(typeof one.json.url, 'string');
		assert.equal(one.json.urlExpiresInMillis, 120_000);
		// 10 (upload) + 1 + 1 + the tracker lookups (2) = 14 of 15: one more upload does not fit.
		const second = await fetch(`${emu.apiBase}/sheets/${sheet.id}/attachments`, { method: 'POST', headers: { authorization: 'Bearer contract-pat-0123456789abcdefghij' }, body: form });
		assert.equal(second.status, 429);
		const notMultipart = await call(emu, 'POST', `/2.0/sheets/${sheet.id}/attachments`, { body: { name: 'x' } });
		assert.ok([415, 429].includes(notMultipart.status));
	});
});
