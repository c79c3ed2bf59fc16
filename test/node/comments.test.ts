// Comment: Add (reply to a discussion), Get, Update, Delete, through n8n's engine against the
// emulator; a colleague's comment (1081) and other failure routing; IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('comments', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };

	const run = (
		sheetId: string,
		operation: string,
		params: object = {},
		items: IDataObject[] = [{}],
	) =>
		suite.fx.run(
			{ ...pat, resource: 'comment', operation, sheetId: byId(sheetId), ...params },
			items,
		);

	/** The Project Tracker and its seeded discussion (a colleague's question on a row). */
	async function seededThread() {
		const sheet = await suite.fx.sheet('Project Tracker');
		const [thread] = (await suite.fx.api('GET', `/sheets/${sheet.id}/discussions?include=comments`))
			.data;
		return {
			sheetId: sheet.id,
			discussionId: String(thread.id),
			colleagueCommentId: String(thread.comments[0].id),
		};
	}

	test('add replies from incoming items, get, update and delete them; pairedItem per item', async () => {
		const { sheetId, discussionId } = await seededThread();
		const added = await run(sheetId, 'add', { discussionId, text: '={{ $json.reply }}' }, [
			{ reply: 'Friday works for me' },
			{ reply: 'Same here' },
		]);
		const replies = jsonOf(added, OUTPUT.success);
		assert.deepEqual(
			replies.map((reply) => [reply.text, reply.discussionId]),
			[
				['Friday works for me', discussionId],
				['Same here', discussionId],
			],
		);
		assert.deepEqual(
			added.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		const [got] = jsonOf(
			await run(sheetId, 'get', { commentId: '={{ $json.id }}' }, [replies[0]]),
			OUTPUT.success,
		);
		assert.deepEqual(
			[got.text, (got.createdBy as any).email],
			['Friday works for me', 'demo.user@example.com'],
		);
		const [updated] = jsonOf(
			await run(sheetId, 'update', { commentId: '={{ $json.id }}', text: 'Friday at 10 works' }, [
				replies[0],
			]),
			OUTPUT.success,
		);
		assert.equal(updated.text, 'Friday at 10 works');
		const deleted = await run(sheetId, 'delete', { commentId: '={{ $json.id }}' }, replies);
		assert.deepEqual(
			jsonOf(deleted, OUTPUT.success),
			replies.map((reply) => ({ id: reply.id, deleted: true })),
		);
		const thread = await suite.fx.api('GET', `/sheets/${sheetId}/discussions/${discussionId}`);
		assert.equal(thread.commentCount, 1, "the colleague's question is left");
	});

	test("a colleague's comment cannot be updated or deleted: 403/1081 → Permission, and the comment stays", async () => {
		const { sheetId, colleagueCommentId } = await seededThread();
		const update = jsonOf(
			await run(sheetId, 'update', { commentId: colleagueCommentId, text: 'rewritten' }),
			OUTPUT.permission,
		)[0].smartsheetFailure as any;
		const remove = jsonOf(
			await run(sheetId, 'delete', { commentId: colleagueCommentId }),
			OUTPUT.permission,
		)[0].smartsheetFailure as any;
		for (const failure of [update, remove]) {
			assert.deepEqual([failure.httpStatus, failure.errorCode, failure.attempts], [403, 1081, 1]);
			assert.match(failure.action, /ask its author/);
		}
		assert.equal(
			(await suite.fx.api('GET', `/sheets/${sheetId}/comments/${colleagueCommentId}`)).text,
			'Can we move the design review to Friday?',
		);
	});

	test('wrong discussion or comment ID → Payload (1006) for that item only; empty text or a non-numeric ID → Payload without a request', async () => {
		const { sheetId, discussionId } = await seededThread();
		const added = await run(
			sheetId,
			'add',
			{ discussionId: '={{ $json.discussion }}', text: 'hello' },
			[{ discussion: '123' }, { discussion: discussionId }, { discussion: 'abc' }],
		);
		assert.equal(jsonOf(added, OUTPUT.success).length, 1);
		const failures = jsonOf(added, OUTPUT.payload).map((item) => item.smartsheetFailure as any);
		assert.deepEqual(
			failures.map((failure) => failure.errorCode),
			[1006, null],
		);
		assert.deepEqual(
			added.outputs[OUTPUT.payload].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 2 }],
		);
		for (const operation of ['get', 'update', 'delete']) {
			const result = await run(sheetId, operation, { commentId: '123', text: 'x' });
			assert.equal(
				(jsonOf(result, OUTPUT.payload)[0].smartsheetFailure as any).errorCode,
				1006,
				operation,
			);
		}
		const requestsBefore = (await suite.fx.stats()).requests;
		assert.match(
			(
				jsonOf(await run(sheetId, 'add', { discussionId, text: '  ' }), OUTPUT.payload)[0]
					.smartsheetFailure as any
			).message,
			/comment is empty/,
		);
		assert.equal((await suite.fx.stats()).requests, requestsBefore);
	});

	test('access taken away → Permission; an OAuth token without WRITE_SHEETS may read but not add', async () => {
		const { sheetId, discussionId, colleagueCommentId } = await seededThread();
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'NONE' });
		assert.equal(
			(
				jsonOf(await run(sheetId, 'get', { commentId: colleagueCommentId }), OUTPUT.permission)[0]
					.smartsheetFailure as any
			).errorCode,
			1004,
		);
		await suite.fx.admin('POST', '/access', { sheetId, accessLevel: 'OWNER' });
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const read = await suite.fx.run({
			resource: 'comment',
			operation: 'get',
			sheetId: byId(sheetId),
			commentId: colleagueCommentId,
		});
		assert.equal(jsonOf(read, OUTPUT.success).length, 1);
		const refused = await suite.fx.run({
			resource: 'comment',
			operation: 'add',
			sheetId: byId(sheetId),
			discussionId,
			text: 'x',
		});
		assert.deepEqual(
			[(jsonOf(refused, OUTPUT.permission)[0].smartsheetFailure as any).errorCode],
			[1004],
		);
	});

	test('IDs above 2^53: replies in a "Big IDs" discussion keep exact IDs through add, get, update and delete', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const created = await suite.fx.api('POST', `/sheets/${big.id}/discussions`, {
			comment: { text: 'start' },
		});
		const discussionId = String(created.result.id);
		assert.ok(BigInt(discussionId) > 2n ** 53n);
		const [reply] = jsonOf(
			await run(big.id, 'add', { discussionId, text: 'reply' }),
			OUTPUT.success,
		);
		assert.ok(BigInt(reply.id as string) > 2n ** 53n);
		assert.equal(reply.discussionId, discussionId);
		assert.equal(
			jsonOf(await run(big.id, 'get', { commentId: reply.id as string }), OUTPUT.success)[0].id,
			reply.id,
		);
		assert.equal(
			jsonOf(
				await run(big.id, 'update', { commentId: reply.id as string, text: 'edited' }),
				OUTPUT.success,
			)[0].text,
			'edited',
		);
		assert.deepEqual(
			jsonOf(await run(big.id, 'delete', { commentId: reply.id as string }), OUTPUT.success),
			[{ id: reply.id, deleted: true }],
		);
	});
});
