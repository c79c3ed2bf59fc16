// Attachment: List, Get (with the file downloaded into binary data), Attach URL, Delete, and
// Upload still working, through n8n's engine against the emulator; failure routing; IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('attachments', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };
	const tracker = async () => {
		const { id, rowIds } = await suite.fx.sheetWithRows('Project Tracker');
		return { sheetId: id, rowIds };
	};

	const upload = (
		sheetId: string,
		attachTo: 'sheet' | 'row',
		rowId: string,
		content: string,
		fileName: string,
	) =>
		suite.fx.run(
			{
				...pat,
				resource: 'attachment',
				operation: 'upload',
				sheetId: byId(sheetId),
				attachTo,
				rowId,
				binaryPropertyName: 'data',
			},
			[{}],
			{
				binary: {
					data: { data: Buffer.from(content).toString('base64'), mimeType: 'text/plain', fileName },
				},
			},
		);

	const attachUrl = (sheetId: string, params: object, items: IDataObject[] = [{}]) =>
		suite.fx.run(
			{
				...pat,
				resource: 'attachment',
				operation: 'attachUrl',
				sheetId: byId(sheetId),
				attachTo: 'sheet',
				attachmentType: 'LINK',
				...params,
			},
			items,
		);

	test('attach URLs to the sheet and to rows, then list the sheet (all pages) and a row; Upload still works', async () => {
		const { sheetId, rowIds } = await tracker();
		const [link] = jsonOf(
			await attachUrl(sheetId, { url: 'https://example.com/spec', name: 'Spec' }),
			OUTPUT.success,
		);
		assert.deepEqual(
			[link.name, link.attachmentType, link.url, link.parentType],
			['Spec', 'LINK', 'https://example.com/spec', 'SHEET'],
		);
		assert.equal(typeof link.id, 'string');
		const drive = await attachUrl(
			sheetId,
			{
				attachTo: 'row',
				rowId: '={{ $json.id }}',
				url: '={{ $json.url }}',
				attachmentType: 'GOOGLE_DRIVE',
				attachmentSubType: 'SPREADSHEET',
			},
			rowIds.map((id, index) => ({ id, url: `https://docs.google.com/d/${index}` })),
		);
		assert.deepEqual(
			jsonOf(drive, OUTPUT.success).map((entry) => [entry.parentId, entry.attachmentSubType]),
			rowIds.map((id) => [id, 'SPREADSHEET']),
		);
		assert.deepEqual(
			drive.outputs[0].map((item) => item.pairedItem),
			rowIds.map((_, item) => ({ item })),
		);
		await suite.fx.admin('POST', '/config', { rateLimitPerMinute: 100_000 }); // each attach weighs 10
		for (let index = 0; index < 100; index++)
			await suite.fx.api('POST', `/sheets/${sheetId}/attachments`, {
				url: `https://example.com/${index}`,
				attachmentType: 'LINK',
			});
		const [uploaded] = jsonOf(
			await upload(sheetId, 'row', rowIds[0], 'hello file', 'hello.txt'),
			OUTPUT.success,
		);
		assert.equal(uploaded.name, 'hello.txt');
		const all = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'attachment',
				operation: 'list',
				sheetId: byId(sheetId),
				attachTo: 'sheet',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(all.length, 1 + 5 + 100 + 1, 'every page');
		assert.equal((await suite.fx.stats()).byRoute['GET /2.0/sheets/{sheetId}/attachments'], 2);
		const limited = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'attachment',
				operation: 'list',
				sheetId: byId(sheetId),
				attachTo: 'sheet',
				returnAll: false,
				limit: 2,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			limited.map((entry) => entry.name),
			['Spec', 'https://docs.google.com/d/0'],
		);
		const row = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'attachment',
				operation: 'list',
				sheetId: byId(sheetId),
				attachTo: 'row',
				rowId: rowIds[0],
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			row.map((entry) => entry.name),
			['https://docs.google.com/d/0', 'hello.txt'],
		);
	});

	test('get: the temporary URL and its lifetime; with Download File the bytes land in the binary field, fetched from the emulator', async () => {
		const { sheetId, rowIds } = await tracker();
		const [uploaded] = jsonOf(
			await upload(sheetId, 'row', rowIds[1], 'the contents of the file', 'report.txt'),
			OUTPUT.success,
		);
		const plain = await suite.fx.run(
			{
				...pat,
				resource: 'attachment',
				operation: 'get',
				sheetId: byId(sheetId),
				attachmentId: '={{ $json.id }}',
			},
			[uploaded],
		);
		const [attachment] = jsonOf(plain, OUTPUT.success);
		assert.ok(String(attachment.url).startsWith(`${suite.fx.emulator.url}/attachment-files/`));
		assert.equal(attachment.urlExpiresInMillis, 120_000);
		assert.equal(plain.outputs[0][0].binary, undefined);
		const downloaded = await suite.fx.run(
			{
				...pat,
				resource: 'attachment',
				operation: 'get',
				sheetId: byId(sheetId),
				attachmentId: '={{ $json.id }}',
				download: true,
				binaryPropertyName: 'file',
			},
			[uploaded],
		);
		const [item] = downloaded.outputs[0];
		assert.equal(item.json.name, 'report.txt');
		const binary = item.binary!.file;
		assert.deepEqual(
			[binary.fileName, binary.mimeType, Buffer.from(binary.data, 'base64').toString()],
			['report.txt', 'text/plain', 'the contents of the file'],
		);
		assert.deepEqual(item.pairedItem, { item: 0 });
		// The file gone from storage after Get handed out its URL: the item fails on its own (Payload, 404).
		const stored = suite.fx.emulator.state.sheets
			.get(sheetId)!
			.attachments!.find((entry) => entry.id === uploaded.id)!;
		stored.bytes = undefined;
		const lost = await suite.fx.run(
			{
				...pat,
				resource: 'attachment',
				operation: 'get',
				sheetId: byId(sheetId),
				attachmentId: '={{ $json.id }}',
				download: true,
				binaryPropertyName: 'file',
			},
			[uploaded],
		);
		const lostFailure = jsonOf(lost, OUTPUT.payload)[0].smartsheetFailure as any;
		assert.deepEqual([lostFailure.httpStatus, lostFailure.operation], [404, 'attachment:get']);
		assert.match(lostFailure.message, /does not exist/);
		const [link] = jsonOf(await attachUrl(sheetId, { url: 'https://example.com' }), OUTPUT.success);
		const notAFile = await suite.fx.run({
			...pat,
			resource: 'attachment',
			operation: 'get',
			sheetId: byId(sheetId),
			attachmentId: link.id as string,
			download: true,
			binaryPropertyName: 'data',
		});
		assert.match(
			(jsonOf(notAFile, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/only files can be downloaded/,
		);
	});

	test('delete; a wrong attachment ID → Payload (1006) for that item only; bad input → Payload without a request', async () => {
		const { sheetId } = await tracker();
		const [link] = jsonOf(await attachUrl(sheetId, { url: 'https://example.com' }), OUTPUT.success);
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'attachment',
				operation: 'delete',
				sheetId: byId(sheetId),
				attachmentId: '={{ $json.id }}',
			},
			[{ id: link.id }, { id: '123' }, { id: 'x' }],
		);
		assert.deepEqual(jsonOf(result, OUTPUT.success), [{ id: link.id, deleted: true }]);
		const failures = jsonOf(result, OUTPUT.payload).map((item) => item.smartsheetFailure as any);
		assert.deepEqual(
			failures.map((failure) => failure.errorCode),
			[1006, null],
		);
		assert.deepEqual(
			result.outputs[OUTPUT.payload].map((item) => item.pairedItem),
			[{ item: 1 }, { item: 2 }],
		);
		const gone = await suite.fx.run({
			...pat,
			resource: 'attachment',
			operation: 'get',
			sheetId: byId(sheetId),
			attachmentId: link.id as string,
		});
		assert.equal((jsonOf(gone, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1006);
		const badUrl = await attachUrl(sheetId, { url: 'not a url' });
		assert.equal((jsonOf(badUrl, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1031);
		const wrongRow = await suite.fx.run({
			...pat,
			resource: 'attachment',
			operation: 'list',
			sheetId: byId(sheetId),
			attachTo: 'row',
			rowId: '123',
			returnAll: true,
		});
		assert.equal((jsonOf(wrongRow, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1006);
	});

	test('a viewer cannot attach or delete → Permission; an OAuth token with READ_SHEETS only may list but not attach', async () => {
		const { sheetId } = await tracker();
		const [link] = jsonOf(await attachUrl(sheetId, { url: 'https://example.com' }), OUTPUT.success);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'VIEWER' });
		assert.equal(
			(
				jsonOf(await attachUrl(sheetId, { url: 'https://example.com/2' }), OUTPUT.permission)[0]
					.smartsheetFailure as any
			).errorCode,
			1004,
		);
		const del = await suite.fx.run({
			...pat,
			resource: 'attachment',
			operation: 'delete',
			sheetId: byId(sheetId),
			attachmentId: link.id as string,
		});
		assert.equal(jsonOf(del, OUTPUT.permission).length, 1);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'OWNER' });
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const listed = await suite.fx.run({
			resource: 'attachment',
			operation: 'list',
			sheetId: byId(sheetId),
			attachTo: 'sheet',
			returnAll: true,
		});
		assert.equal(jsonOf(listed, OUTPUT.success).length, 1);
		const refused = await suite.fx.run({
			resource: 'attachment',
			operation: 'attachUrl',
			sheetId: byId(sheetId),
			attachTo: 'sheet',
			attachmentType: 'LINK',
			url: 'https://example.com/3',
		});
		const failure = jsonOf(refused, OUTPUT.permission)[0].smartsheetFailure as any;
		assert.deepEqual([failure.httpStatus, failure.errorCode], [403, 1004]);
	});

	test('IDs above 2^53: attachments on a row of "Big IDs" keep exact IDs through attach, list, get and delete', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const [rowId] = (await suite.fx.sheetWithRows('Big IDs')).rowIds;
		const [made] = jsonOf(
			await attachUrl(big.id, { attachTo: 'row', rowId, url: 'https://example.com/big' }),
			OUTPUT.success,
		);
		assert.ok(BigInt(made.id as string) > 2n ** 53n);
		assert.equal(made.parentId, rowId);
		const [listed] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'attachment',
				operation: 'list',
				sheetId: byId(big.id),
				attachTo: 'row',
				rowId,
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(listed.id, made.id);
		const [got] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'attachment',
				operation: 'get',
				sheetId: byId(big.id),
				attachmentId: made.id as string,
			}),
			OUTPUT.success,
		);
		assert.equal(got.id, made.id);
		assert.deepEqual(
			jsonOf(
				await suite.fx.run({
					...pat,
					resource: 'attachment',
					operation: 'delete',
					sheetId: byId(big.id),
					attachmentId: made.id as string,
				}),
				OUTPUT.success,
			),
			[{ id: made.id, deleted: true }],
		);
	});
});
