// Discussions and comments: threads on a sheet or a row, comments added, read, edited and
// deleted; only the author may edit or delete a comment (1081); scopes, access, IDs above 2^53.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	admin,
	assertError,
	call,
	CLIENT,
	sheetByName,
	TWO_TO_53,
	tracker,
	useEmulator,
} from './client';

describe('discussions and comments', () => {
	const suite = useEmulator();

	test('create on the sheet ({comment: {text}}) and on a row; shapes; the title is the start of the first comment', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const onSheet = await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
			body: { comment: { text: 'Budget approved?' } },
		});
		assert.equal(onSheet.status, 200, onSheet.text);
		const discussion = onSheet.json.result;
		assert.deepEqual(
			[
				onSheet.json.message,
				discussion.title,
				discussion.parentType,
				discussion.parentId,
				discussion.commentCount,
			],
			['SUCCESS', 'Budget approved?', 'SHEET', id, 1],
		);
		const [comment] = discussion.comments;
		assert.deepEqual(Object.keys(comment).sort(), [
			'createdAt',
			'createdBy',
			'discussionId',
			'id',
			'modifiedAt',
			'text',
		]);
		assert.deepEqual(
			[comment.discussionId, comment.text, comment.createdBy.email],
			[discussion.id, 'Budget approved?', 'demo.user@example.com'],
		);
		assert.match(comment.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const long = 'x'.repeat(150);
		const onRow = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/${rowIds[0]}/discussions`, {
			body: { comment: { text: long } },
		});
		assert.deepEqual(
			[onRow.json.result.parentType, onRow.json.result.parentId, onRow.json.result.title.length],
			['ROW', rowIds[0], 100],
		);
	});

	test("list: the sheet's list has every thread (sheet and rows), a row's list its own; comments only with include=comments; paged", async () => {
		const { id, rowIds } = await tracker(suite.emu);
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
			body: { comment: { text: 'sheet thread' } },
		});
		await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/${rowIds[0]}/discussions`, {
			body: { comment: { text: 'row thread' } },
		});
		const all = await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions`);
		assert.deepEqual(
			all.json.data.map((entry: any) => entry.title),
			['Can we move the design review to Friday?', 'sheet thread', 'row thread'],
			'the seeded colleague thread first',
		);
		assert.equal(all.json.data[0].comments, undefined);
		const withComments = await call(
			suite.emu,
			'GET',
			`/2.0/sheets/${id}/discussions?include=comments&pageSize=1&page=3`,
		);
		assert.deepEqual(
			[withComments.json.totalPages, withComments.json.data[0].comments[0].text],
			[3, 'row thread'],
		);
		const row = await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/${rowIds[0]}/discussions`);
		assert.deepEqual(
			row.json.data.map((entry: any) => entry.title),
			['row thread'],
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/rows/123/discussions`), 404, 1006);
	});

	test('get a discussion (with its comments), add a comment ({text}), get, edit and delete it; the last comment takes its thread', async () => {
		const { id } = await tracker(suite.emu);
		const version = async () =>
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/version`)).json.version as number;
		const before = await version();
		const created = (
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
				body: { comment: { text: 'first' } },
			})
		).json.result;
		assert.equal(await version(), before + 1, 'a new discussion moves the version');
		const reply = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${id}/discussions/${created.id}/comments`,
			{ body: { text: 'second' } },
		);
		assert.deepEqual(
			[reply.status, reply.json.result.text, reply.json.result.discussionId],
			[200, 'second', created.id],
		);
		const thread = await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions/${created.id}`);
		assert.deepEqual(
			[
				thread.json.commentCount,
				thread.json.comments.map((entry: any) => entry.text),
				thread.json.lastCommentedUser.email,
			],
			[2, ['first', 'second'], 'demo.user@example.com'],
		);
		const commentId = reply.json.result.id;
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/comments/${commentId}`)).json.text,
			'second',
		);
		const edited = await call(suite.emu, 'PUT', `/2.0/sheets/${id}/comments/${commentId}`, {
			body: { text: 'second, edited' },
		});
		assert.deepEqual([edited.status, edited.json.result.text], [200, 'second, edited']);
		assert.equal(await version(), before + 3, 'so do a reply and an edit');
		assert.deepEqual(
			(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/comments/${commentId}`)).json,
			{ message: 'SUCCESS', resultCode: 0 },
		);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/comments/${commentId}`), 404, 1006);
		await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/comments/${created.comments[0].id}`);
		assertError(
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions/${created.id}`),
			404,
			1006,
		);
	});

	test('delete a discussion; unknown discussion or comment 1006; missing text 1012; text not a string 1008', async () => {
		const { id, rowIds } = await tracker(suite.emu);
		const created = (
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows/${rowIds[1]}/discussions`, {
				body: { comment: { text: 'to delete' } },
			})
		).json.result;
		assert.deepEqual(
			(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/discussions/${created.id}`)).json,
			{ message: 'SUCCESS', resultCode: 0 },
		);
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/discussions/${created.id}`),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions/123/comments`, {
				body: { text: 'x' },
			}),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/comments/123`, { body: { text: 'x' } }),
			404,
			1006,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, { body: { comment: {} } }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
				body: { text: 'no comment object' },
			}),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
				body: { comment: { text: 7 } },
			}),
			400,
			1008,
		);
		const other = (await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions?include=comments`))
			.json.data[0];
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions/${other.id}/comments`, {
				body: {},
			}),
			400,
			1012,
		);
	});

	test("another user's comment: 403/1081 on delete and edit, also for the sheet's owner; its thread needs ADMIN to delete", async () => {
		const { id } = await tracker(suite.emu);
		const seeded = (await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions?include=comments`))
			.json.data[0];
		const theirs = seeded.comments[0];
		assert.equal(theirs.createdBy.email, 'casey.colleague@example.com');
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/comments/${theirs.id}`),
			403,
			1081,
		);
		assertError(
			await call(suite.emu, 'PUT', `/2.0/sheets/${id}/comments/${theirs.id}`, {
				body: { text: 'mine now' },
			}),
			403,
			1081,
		);
		const mine = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${id}/discussions/${seeded.id}/comments`,
			{ body: { text: 'Friday works' } },
		);
		assert.equal(
			(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/comments/${mine.json.result.id}`)).status,
			200,
			'my own comment in their thread',
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'EDITOR' });
		assertError(
			await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/discussions/${seeded.id}`),
			403,
			1081,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'ADMIN' });
		assert.equal(
			(await call(suite.emu, 'DELETE', `/2.0/sheets/${id}/discussions/${seeded.id}`)).status,
			200,
		);
	});

	test('scopes and access: reads need READ_SHEETS and VIEWER, writes WRITE_SHEETS and EDITOR', async () => {
		const { id } = await tracker(suite.emu);
		const readOnly = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['READ_SHEETS'],
			})
		).access_token;
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions`, { token: readOnly })).status,
			200,
		);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
				token: readOnly,
				body: { comment: { text: 'x' } },
			}),
			403,
			1004,
		);
		const writeOnly = (
			await admin(suite.emu, 'POST', '/tokens', {
				clientId: CLIENT.clientId,
				scopes: ['WRITE_SHEETS'],
			})
		).access_token;
		assertError(
			await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions`, { token: writeOnly }),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: id, accessLevel: 'VIEWER' });
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${id}/discussions`)).status, 200);
		assertError(
			await call(suite.emu, 'POST', `/2.0/sheets/${id}/discussions`, {
				body: { comment: { text: 'x' } },
			}),
			403,
			1004,
		);
	});

	test('on a sheet whose IDs exceed 2^53, discussion and comment IDs do too, exact on the wire', async () => {
		const big = await sheetByName(suite.emu, 'Big IDs');
		const made = await call(
			suite.emu,
			'POST',
			`/2.0/sheets/${big.id}/rows/${big.rowIds[0]}/discussions`,
			{ body: { comment: { text: 'big' } } },
		);
		const discussionId = /"result":\{"id":(\d+)/.exec(made.text)![1];
		const commentId = /"comments":\[\{"id":(\d+)/.exec(made.text)![1];
		assert.ok(BigInt(discussionId) > TWO_TO_53 && BigInt(commentId) > TWO_TO_53);
		assert.ok(
			made.text.includes(`"parentId":${big.rowIds[0]}`) &&
				made.text.includes(`"discussionId":${discussionId}`),
			made.text,
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${big.id}/comments/${commentId}`)).json.id,
			commentId,
		);
	});
});
