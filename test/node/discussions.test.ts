// Discussion: Create (on the sheet or a row), Get, List (all pages, Limit), Delete, through n8n's
// engine against the emulator; failure routing; IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('discussions', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };
	const tracker = async () => {
		const { id, rowIds } = await suite.fx.sheetWithRows('Project Tracker');
		return { sheetId: id, rowIds };
	};

	const run = (
		sheetId: string,
		operation: string,
		params: object = {},
		items: IDataObject[] = [{}],
	) =>
		suite.fx.run(
			{ ...pat, resource: 'discussion', operation, sheetId: byId(sheetId), ...params },
			items,
		);

	test('create on the sheet and on each incoming row; pairedItem per item; get one back with its comments', async () => {
		const { sheetId, rowIds } = await tracker();
		const [onSheet] = jsonOf(
			await run(sheetId, 'create', { discussionOn: 'sheet', text: 'Is the budget approved?' }),
			OUTPUT.success,
		);
		assert.deepEqual(
			[onSheet.title, onSheet.parentType, onSheet.parentId, (onSheet.comments as any[])[0].text],
			['Is the budget approved?', 'SHEET', sheetId, 'Is the budget approved?'],
		);
		assert.equal(typeof onSheet.id, 'string');
		const onRows = await run(
			sheetId,
			'create',
			{ discussionOn: 'row', rowId: '={{ $json.id }}', text: '=Status of {{ $json.task }}?' },
			[
				{ id: rowIds[0], task: 'kickoff' },
				{ id: rowIds[1], task: 'requirements' },
			],
		);
		assert.deepEqual(
			jsonOf(onRows, OUTPUT.success).map((entry) => [entry.parentId, entry.title]),
			[
				[rowIds[0], 'Status of kickoff?'],
				[rowIds[1], 'Status of requirements?'],
			],
		);
		assert.deepEqual(
			onRows.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		const [got] = jsonOf(
			await run(sheetId, 'get', { discussionId: '={{ $json.id }}' }, [onSheet]),
			OUTPUT.success,
		);
		assert.deepEqual([got.id, got.commentCount], [onSheet.id, 1]);
	});

	test("list: the sheet's (with the rows' threads, every page) or a row's; comments included or not; Limit", async () => {
		const { sheetId, rowIds } = await tracker();
		await suite.fx.run(
			{
				...pat,
				resource: 'discussion',
				operation: 'create',
				sheetId: byId(sheetId),
				discussionOn: 'sheet',
				text: '=Thread {{ $json.n }}',
			},
			Array.from({ length: 104 }, (_, n) => ({ n })),
		);
		const all = jsonOf(
			await run(sheetId, 'list', { discussionOn: 'sheet', returnAll: true, includeComments: true }),
			OUTPUT.success,
		);
		assert.equal(all.length, 105, 'the seeded row thread and 104 new ones, two pages');
		assert.equal((all[0].comments as any[])[0].createdBy.email, 'casey.colleague@example.com');
		assert.equal((await suite.fx.stats()).byRoute['GET /2.0/sheets/{sheetId}/discussions'], 2);
		const bare = jsonOf(
			await run(sheetId, 'list', {
				discussionOn: 'sheet',
				returnAll: false,
				limit: 3,
				includeComments: false,
			}),
			OUTPUT.success,
		);
		assert.equal(bare.length, 3);
		assert.equal(bare[0].comments, undefined);
		const row = jsonOf(
			await run(sheetId, 'list', {
				discussionOn: 'row',
				rowId: rowIds[2],
				returnAll: true,
				includeComments: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			row.map((entry) => entry.title),
			['Can we move the design review to Friday?'],
		);
	});

	test('delete; a wrong discussion or row ID → Payload (1006); an empty comment → Payload without a request', async () => {
		const { sheetId } = await tracker();
		const [created] = jsonOf(
			await run(sheetId, 'create', { discussionOn: 'sheet', text: 'temporary' }),
			OUTPUT.success,
		);
		const deleted = await run(sheetId, 'delete', { discussionId: '={{ $json.id }}' }, [
			{ id: created.id },
			{ id: '123' },
		]);
		assert.deepEqual(jsonOf(deleted, OUTPUT.success), [{ id: created.id, deleted: true }]);
		assert.deepEqual(
			[
				(jsonOf(deleted, OUTPUT.payload)[0].smartsheetFailure as any).errorCode,
				deleted.outputs[OUTPUT.payload][0].pairedItem,
			],
			[1006, { item: 1 }],
		);
		assert.equal(
			(
				jsonOf(await run(sheetId, 'get', { discussionId: created.id as string }), OUTPUT.payload)[0]
					.smartsheetFailure as any
			).errorCode,
			1006,
		);
		const wrongRow = await run(sheetId, 'create', { discussionOn: 'row', rowId: '123', text: 'x' });
		assert.equal((jsonOf(wrongRow, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1006);
		const requestsBefore = (await suite.fx.stats()).requests;
		const empty = await run(sheetId, 'create', { discussionOn: 'sheet', text: '   ' });
		assert.match(
			(jsonOf(empty, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/comment is empty/,
		);
		assert.equal((await suite.fx.stats()).requests, requestsBefore);
	});

	test("access taken away → Permission; a thread with a colleague's comment needs sheet admin to delete (1081 → Permission); OAuth without WRITE_SHEETS → Permission", async () => {
		const { sheetId } = await tracker();
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'VIEWER' });
		assert.equal(
			(
				jsonOf(
					await run(sheetId, 'create', { discussionOn: 'sheet', text: 'x' }),
					OUTPUT.permission,
				)[0].smartsheetFailure as any
			).errorCode,
			1004,
		);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'EDITOR' });
		const [seeded] = jsonOf(
			await run(sheetId, 'list', { discussionOn: 'sheet', returnAll: true, includeComments: true }),
			OUTPUT.success,
		);
		const refused = jsonOf(
			await run(sheetId, 'delete', { discussionId: seeded.id as string }),
			OUTPUT.permission,
		)[0].smartsheetFailure as any;
		assert.deepEqual(
			[refused.httpStatus, refused.errorCode, refused.class],
			[403, 1081, 'permission'],
		);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'OWNER' });
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const listed = await suite.fx.run({
			resource: 'discussion',
			operation: 'list',
			sheetId: byId(sheetId),
			discussionOn: 'sheet',
			returnAll: true,
			includeComments: false,
		});
		assert.equal(jsonOf(listed, OUTPUT.success).length, 1);
		const noScope = await suite.fx.run({
			resource: 'discussion',
			operation: 'create',
			sheetId: byId(sheetId),
			discussionOn: 'sheet',
			text: 'x',
		});
		assert.equal((jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
	});

	test('IDs above 2^53: a discussion on a row of "Big IDs" keeps exact IDs through create, list, get and delete', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const [rowId] = (await suite.fx.sheetWithRows('Big IDs')).rowIds;
		const [created] = jsonOf(
			await run(big.id, 'create', { discussionOn: 'row', rowId, text: 'big' }),
			OUTPUT.success,
		);
		assert.ok(BigInt(created.id as string) > 2n ** 53n);
		assert.ok(BigInt((created.comments as any[])[0].id) > 2n ** 53n);
		assert.equal(created.parentId, rowId);
		const [listed] = jsonOf(
			await run(big.id, 'list', {
				discussionOn: 'row',
				rowId,
				returnAll: true,
				includeComments: true,
			}),
			OUTPUT.success,
		);
		assert.equal(listed.id, created.id);
		assert.equal(
			(
				jsonOf(
					await run(big.id, 'get', { discussionId: created.id as string }),
					OUTPUT.success,
				)[0] as any
			).id,
			created.id,
		);
		assert.deepEqual(
			jsonOf(await run(big.id, 'delete', { discussionId: created.id as string }), OUTPUT.success),
			[{ id: created.id, deleted: true }],
		);
	});
});
