// Attachments beyond upload: URL attachments, a row's list, the temporary URL that serves
// the file, delete; scopes, access levels and IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	assertError,
	call,
	CLIENT,
	PAT,
	sheetByName,
	TWO_TO_53,
	tracker,
	useEmulator,
} from './client';

describe('attachments: URLs, lists, download, delete', () => {
	const suite = useEmulator();

	async function uploadFile(path: string, name: string, content: string) {
		const form = new FormData();
		form.append('file', new Blob([content], { type: 'text/plain' }), name);
		const response = await fetch(`${suite.emu.apiBase}${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${PAT}` },
			body: form,
		});
		return (await response.json()) as any;
	}

	test('attach a URL (JSON {name, url, attachmentType}) to a sheet or a row; the URL comes back on list and get', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const link = await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, {
			body: { name: 'Spec', url: 'https://example.com/spec', attachmentType: 'LINK' },
		});
		assert.equal(link.status, 200, link.text);
		assert.deepEqual(
			[
				link.json.message,
				link.json.result.name,
				link.json.result.attachmentType,
				link.json.result.url,
				link.json.result.parentType,
			],
			['SUCCESS', 'Spec', 'LINK', 'https://example.com/spec', 'SHEET'],
		);
		assert.equal(link.json.result.createdBy.email, 'demo.user@example.com');
		const drive = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/${rowIds[1]}/attachments`, {
			body: {
				url: 'https://docs.google.com/d/1',
				attachmentType: 'GOOGLE_DRIVE',
				attachmentSubType: 'SPREADSHEET',
			},
		});
		assert.deepEqual(
			[
				drive.json.result.parentType,
				drive.json.result.parentId,
				drive.json.result.name,
				drive.json.result.attachmentSubType,
			],
			['ROW', rowIds[1], 'https://docs.google.com/d/1', 'SPREADSHEET'],
		);
		const got = await call(
			suite.emu,
			'GET',
			`/2.0/sheets/${id}/attachments/${link.json.result.id}`,
		);
		assert.deepEqual(
			[got.json.url, got.json.urlExpiresInMillis],
			['https://example.com/spec', undefined],
			'a link is its own URL; nothing expires',
		);
		const stats = await admin(suite.emu, 'GET', '/stats');
		assert.deepEqual(
			[
				stats.rateUnitsByRoute['POST /2.0/sheets/{sheetId}/attachments'],
				stats.rateUnitsByRoute['POST /2.0/sheets/{sheetId}/rows/{rowId}/attachments'],
			],
			[10, 10],
			'a URL attachment weighs 10 too',
		);
	});

	test('URL attachment errors: FILE by JSON 1051, missing type or url 1012, unknown type 1008, bad url or subtype 1031', async () => {
		const { id } = await tracker(suite.emu);
		const path = `/2.0/sheets/${id}/attachments`;
		assertError(
			await call(suite.emu, 'POST', path, {
				body: { url: 'https://x.io', attachmentType: 'FILE' },
			}),
			400,
			1051,
		);
		assertError(await call(suite.emu, 'POST', path, { body: { url: 'https://x.io' } }), 400, 1012);
		assertError(
			await call(suite.emu, 'POST', path, { body: { attachmentType: 'LINK' } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', path, {
				body: { url: 'https://x.io', attachmentType: 'FLOPPY' },
			}),
			400,
			1008,
		);
		assertError(
			await call(suite.emu, 'POST', path, { body: { url: 'not a url', attachmentType: 'LINK' } }),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', path, {
				body: { url: 'https://x.io', attachmentType: 'LINK', attachmentSubType: 'PDF' },
			}),
			400,
			1031,
		);
		assertError(await call(suite.emu, 'POST', path, { body: [] }), 400, 1008);
		assertError(
			await call(suite.emu, 'POST', path, {
				raw: 'hello',
				headers: { 'content-type': 'text/plain' },
			}),
			415,
			1124,
		);
	});

	test('multipart boundaries are case-sensitive: one with capitals is read as sent', async () => {
		const { id } = await tracker(suite.emu);
		const boundary = '----BoundaryWithCAPITALS42';
		const raw = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="caps.txt"\r\nContent-Type: text/plain\r\n\r\nupper\r\n--${boundary}--\r\n`;
		const reply = await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, {
			raw,
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
		});
		assert.deepEqual(
			[reply.status, reply.json.result.name, reply.json.result.sizeInKb],
			[200, 'caps.txt', 1],
			reply.text,
		);
	});

	test("a row's list has its attachments only; the sheet's list has all of them; both paged; unknown row 1006", async () => {
		const { id, rowIds } = await tracker(suite.emu);
		await uploadFile(`/sheets/${id}/attachments`, 'sheet.txt', 'on the sheet');
		await uploadFile(`/sheets/${id}/rows/${rowIds[0]}/attachments`, 'row.txt', 'on the row');
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/${rowIds[0]}/attachments`, {
			body: { url: 'https://example.com', attachmentType: 'LINK' },
		});
		const row = await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowIds[0]}/attachments`);
		assert.deepEqual(
			row.json.data.map((entry: any) => entry.name),
			['row.txt', 'https://example.com'],
		);
		assert.equal(row.json.data[0].url, undefined, 'file URLs only on get');
		const sheet = await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments?pageSize=2&page=2`);
		assert.deepEqual(
			[sheet.json.totalCount, sheet.json.totalPages, sheet.json.data.length],
			[3, 2, 1],
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/123/attachments`), 404, 1006);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowIds[1]}/attachments`)).json
				.totalCount,
			0,
		);
	});

	test("get: the temporary URL serves the file's bytes from 127.0.0.1 without a token; a tampered or unknown URL is refused", async () => {
		const { id } = await tracker(suite.emu);
		const uploaded = await uploadFile(`/sheets/${id}/attachments`, 'notes.txt', 'the file body');
		const got = await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments/${uploaded.result.id}`);
		const url = new URL(got.json.url);
		assert.equal(url.origin, suite.emu.url);
		assert.equal(got.json.urlExpiresInMillis, 120_000);
		const file = await fetch(url);
		assert.deepEqual(
			[file.status, await file.text(), file.headers.get('content-type')],
			[200, 'the file body', 'text/plain'],
		);
		url.searchParams.set('expires', String(Date.now() + 10 * 60_000));
		assert.equal((await fetch(url)).status, 403, 'a changed expiry breaks the signature');
		assert.equal(
			(await fetch(`${suite.emu.url}/attachment-files/123?expires=1&signature=x`)).status,
			403,
		);
	});

	test('delete: gone from lists and get (1006); its URL stops serving; a deleted row takes its attachments', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const sheetFile = await uploadFile(`/sheets/${id}/attachments`, 'a.txt', 'a');
		const rowFile = await uploadFile(`/sheets/${id}/rows/${rowIds[4]}/attachments`, 'b.txt', 'b');
		const url = (
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments/${sheetFile.result.id}`)
		).json.url;
		const version = (await call(suite.emu, 'GET', `/2.0/sheets/${id}/version`)).json.version;
		const deleted = await call(
			suite.emu,
			'DELETE',
			`/2.0/sheets/${id}/attachments/${sheetFile.result.id}`,
		);
		assert.deepEqual(
			[deleted.status, deleted.json.message, deleted.json.resultCode],
			[200, 'SUCCESS', 0],
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/version`)).json.version,
			version + 1,
		);
		assertError(
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments/${sheetFile.result.id}`),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/attachments/${sheetFile.result.id}`),
			404,
			1006,
		);
		assert.equal((await fetch(url)).status, 404);
		await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/rows?ids=${rowIds[4]}`);
		assertError(
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments/${rowFile.result.id}`),
			404,
			1006,
		);
	});

	test('scopes and access: reads need READ_SHEETS and VIEWER, attach and delete WRITE_SHEETS and EDITOR', async () => {
		const { id } = await tracker(suite.emu);
		const link = { url: 'https://example.com', attachmentType: 'LINK' };
		const readOnly = await admin(suite.emu, 'POST', '/tokens', {
			clientId: CLIENT.clientId,
			scopes: ['READ_SHEETS'],
		});
		assert.equal(
			(
				await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments`, {
					token: readOnly.access_token,
				})
			).status,
			200,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, {
				token: readOnly.access_token,
				body: link,
			}),
			403,
			1004,
		);
		const created = await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, { body: link });
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/attachments/${created.json.result.id}`, {
				token: readOnly.access_token,
			}),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments/${created.json.result.id}`))
				.status,
			200,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/attachments`, { body: link }),
			403,
			1004,
		);
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/attachments/${created.json.result.id}`),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'NONE' });
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/attachments`), 403, 1004);
	});

	test('on a sheet whose IDs exceed 2^53, attachment IDs do too, exact on the wire', async () => {
		const big = await sheetByName(suite.emu, 'Big IDs');
		const made = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${big.id}/rows/${big.rowIds[0]}/attachments`,
			{ body: { url: 'https://example.com', attachmentType: 'LINK' } },
		);
		const attachmentId = /"result":\{"id":(\d+)/.exec(made.text)![1];
		assert.ok(BigInt(attachmentId) > TWO_TO_53);
		assert.ok(made.text.includes(`"parentId":${big.rowIds[0]}`), made.text);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${big.id}/attachments/${attachmentId}`)).json.id,
			attachmentId,
		);
	});
});
