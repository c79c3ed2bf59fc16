// Discussions and comments: a discussion is a thread on the sheet or on a row, started with
// its first comment ({comment: {text}}); comments are added ({text}), read, edited and deleted.
// Only a comment's author may edit or delete it (1081); each write is one function per route.
import type { Answer, RequestContext, Route } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import { ACCESS_RANK, type Comment, type Discussion, type Sheet } from '../state';
import { paged } from './paging';
import { flag, words } from './query';
import { caller, idsFor, rowOf } from './sheetParts';
import { stamp, type ShapeOptions } from './shapes';
import { objectBody, sheetOf } from './sheets';

/** Smartsheet makes a discussion's title from the start of its first comment. */
const TITLE_CHARS = 100;

function commentOut(discussion: Discussion, comment: Comment, options: ShapeOptions) {
	return {
		id: comment.id,
		discussionId: discussion.id,
		text: comment.text,
		createdBy: comment.createdBy,
		createdAt: stamp(comment.createdAt, options),
		modifiedAt: stamp(comment.modifiedAt, options),
	};
}

function discussionOut(
	emulator: Emulator,
	sheet: Sheet,
	discussion: Discussion,
	withComments: boolean,
	options: ShapeOptions,
) {
	const [first] = discussion.comments;
	const last = discussion.comments[discussion.comments.length - 1];
	return {
		id: discussion.id,
		title: first ? first.text.slice(0, TITLE_CHARS) : '',
		parentType: discussion.parentType,
		parentId: discussion.parentId,
		accessLevel: emulator.state.accessLevel(sheet.id),
		readOnly: false,
		commentCount: discussion.comments.length,
		...(first ? { createdBy: first.createdBy } : {}),
		...(last
			? { lastCommentedAt: stamp(last.createdAt, options), lastCommentedUser: last.createdBy }
			: {}),
		...(withComments
			? { comments: discussion.comments.map((comment) => commentOut(discussion, comment, options)) }
			: {}),
	};
}

function shapeOptions(ctx: RequestContext): ShapeOptions {
	return { numericDates: flag(ctx.query, 'numericDates') };
}

/** A comment's text: a non-empty string (1012 when missing, 1008 when not text). */
function textOf(value: unknown, attribute: string): string {
	if (value === undefined || value === null || value === '') throw new ApiError(1012, [attribute]);
	if (typeof value !== 'string') throw new ApiError(1008, [`${attribute} must be a string`]);
	return value;
}

function newComment(ctx: RequestContext, sheet: Sheet, text: string): Comment {
	const now = ctx.emulator.state.now();
	return {
		id: idsFor(ctx.emulator, sheet).id(),
		text,
		createdBy: caller(ctx.emulator),
		createdAt: now,
		modifiedAt: now,
	};
}

function discussionIn(sheet: Sheet, discussionId: string): Discussion {
	const discussion = sheet.discussions?.find((candidate) => candidate.id === discussionId);
	if (!discussion) throw new ApiError(1006);
	return discussion;
}

function commentIn(sheet: Sheet, commentId: string): { discussion: Discussion; comment: Comment } {
	for (const discussion of sheet.discussions ?? []) {
		const comment = discussion.comments.find((candidate) => candidate.id === commentId);
		if (comment) return { discussion, comment };
	}
	throw new ApiError(1006);
}

function isCallers(ctx: RequestContext, comment: Comment): boolean {
	return comment.createdBy.email.toLowerCase() === caller(ctx.emulator).email.toLowerCase();
}

function listDiscussions(ctx: RequestContext, rowId?: string): Answer {
	const sheet = sheetOf(ctx);
	if (rowId !== undefined) rowOf(sheet, rowId);
	const withComments = words(ctx.query, 'include').has('comments');
	const options = shapeOptions(ctx);
	const discussions = (sheet.discussions ?? []).filter(
		(discussion) =>
			rowId === undefined || (discussion.parentType === 'ROW' && discussion.parentId === rowId),
	);
	return {
		body: paged(
			discussions.map((discussion) =>
				discussionOut(ctx.emulator, sheet, discussion, withComments, options),
			),
			ctx.query,
		),
	};
}

function createDiscussion(ctx: RequestContext, parentType: 'SHEET' | 'ROW'): Answer {
	const sheet = sheetOf(ctx);
	const parentId = parentType === 'ROW' ? rowOf(sheet, ctx.params.rowId).id : sheet.id;
	const body = objectBody(ctx);
	if (body.comment === undefined || body.comment === null) throw new ApiError(1012, ['comment']);
	if (typeof body.comment !== 'object' || Array.isArray(body.comment))
		throw new ApiError(1008, ['comment must be a JSON object']);
	const text = textOf((body.comment as Record<string, unknown>).text, 'comment.text');
	const discussion: Discussion = {
		id: idsFor(ctx.emulator, sheet).id(),
		parentType,
		parentId,
		comments: [newComment(ctx, sheet, text)],
	};
	(sheet.discussions ??= []).push(discussion);
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: discussionOut(ctx.emulator, sheet, discussion, true, shapeOptions(ctx)),
		},
	};
}

function getDiscussion(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	return {
		body: discussionOut(
			ctx.emulator,
			sheet,
			discussionIn(sheet, ctx.params.discussionId),
			true,
			shapeOptions(ctx),
		),
	};
}

/** Deleting a thread deletes its comments: other people's need the sheet's admin (else 1081). */
function deleteDiscussion(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const discussion = discussionIn(sheet, ctx.params.discussionId);
	const admin = ACCESS_RANK[ctx.emulator.state.accessLevel(sheet.id)] >= ACCESS_RANK.ADMIN;
	if (!admin && discussion.comments.some((comment) => !isCallers(ctx, comment)))
		throw new ApiError(1081);
	sheet.discussions = sheet.discussions!.filter((candidate) => candidate !== discussion);
	ctx.emulator.state.touch(sheet);
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

function addComment(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const discussion = discussionIn(sheet, ctx.params.discussionId);
	const comment = newComment(ctx, sheet, textOf(objectBody(ctx).text, 'text'));
	discussion.comments.push(comment);
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: commentOut(discussion, comment, shapeOptions(ctx)),
		},
	};
}

function getComment(ctx: RequestContext): Answer {
	const { discussion, comment } = commentIn(sheetOf(ctx), ctx.params.commentId);
	return { body: commentOut(discussion, comment, shapeOptions(ctx)) };
}

function updateComment(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const { discussion, comment } = commentIn(sheet, ctx.params.commentId);
	const text = textOf(objectBody(ctx).text, 'text');
	if (!isCallers(ctx, comment)) throw new ApiError(1081);
	comment.text = text;
	comment.modifiedAt = ctx.emulator.state.now();
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: commentOut(discussion, comment, shapeOptions(ctx)),
		},
	};
}

/** Only the author may delete a comment (1081); the last comment takes its discussion with it. */
function deleteComment(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const { discussion, comment } = commentIn(sheet, ctx.params.commentId);
	if (!isCallers(ctx, comment)) throw new ApiError(1081);
	discussion.comments = discussion.comments.filter((candidate) => candidate !== comment);
	if (discussion.comments.length === 0)
		sheet.discussions = sheet.discussions!.filter((candidate) => candidate !== discussion);
	ctx.emulator.state.touch(sheet);
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

export const discussionRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/discussions',
		scope: 'READ_SHEETS',
		handler: (ctx) => listDiscussions(ctx),
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/discussions',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: (ctx) => createDiscussion(ctx, 'SHEET'),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/rows/{rowId}/discussions',
		scope: 'READ_SHEETS',
		handler: (ctx) => listDiscussions(ctx, ctx.params.rowId),
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/rows/{rowId}/discussions',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: (ctx) => createDiscussion(ctx, 'ROW'),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/discussions/{discussionId}',
		scope: 'READ_SHEETS',
		handler: getDiscussion,
	},
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}/discussions/{discussionId}',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: deleteDiscussion,
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/discussions/{discussionId}/comments',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: addComment,
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/comments/{commentId}',
		scope: 'READ_SHEETS',
		handler: getComment,
	},
	{
		method: 'PUT',
		path: '/2.0/sheets/{sheetId}/comments/{commentId}',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: updateComment,
	},
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}/comments/{commentId}',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: deleteComment,
	},
];
