// Copy a sheet: POST /sheets/{id}/copy with {destinationType: home|workspace|folder,
// destinationId, newName} and include=data,attachments,discussions,… (all = everything). Without
// data the copy has the columns only. Answered {message, resultCode, result: {id, name,
// accessLevel, permalink}}. Move a sheet: POST /sheets/{id}/move with {destinationType, destinationId}.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import type { Row, Sheet } from '../state';
import { recordNewRow } from './cellHistory';
import { words } from './query';
import { idsFor } from './sheetParts';
import { objectBody, sheetOf } from './sheets';

const DESTINATION_TYPES = ['home', 'workspace', 'folder'];

export function destinationOf(
	ctx: RequestContext,
	body: Record<string, unknown>,
): { workspaceId?: string; folderId?: string } {
	const type = body.destinationType;
	if (type === undefined || type === null) throw new ApiError(1012, ['destinationType']);
	if (typeof type !== 'string' || !DESTINATION_TYPES.includes(type))
		throw new ApiError(1031, [JSON.stringify(type), 'destinationType']);
	const id = body.destinationId;
	if (type === 'home') {
		if (id !== undefined && id !== null) throw new ApiError(1031, [String(id), 'destinationId']); // must be null for home
		return {};
	}
	if (id === undefined || id === null) throw new ApiError(1012, ['destinationId']);
	const state = ctx.emulator.state;
	const list = type === 'workspace' ? state.workspaces : state.folders;
	if (!list.some((container) => container.id === String(id))) throw new ApiError(1006);
	return type === 'workspace' ? { workspaceId: String(id) } : { folderId: String(id) };
}

function copySheet(ctx: RequestContext): Answer {
	const source = sheetOf(ctx);
	const body = objectBody(ctx);
	if (body.newName === undefined || body.newName === null || body.newName === '')
		throw new ApiError(1012, ['newName']);
	if (typeof body.newName !== 'string') throw new ApiError(1008, ['newName must be a string']);
	const copy = copyOf(
		ctx,
		source,
		body.newName,
		destinationOf(ctx, body),
		words(ctx.query, 'include'),
	);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: {
				id: copy.id,
				name: copy.name,
				accessLevel: 'OWNER',
				permalink: `https://app.smartsheet.com/sheets/${copy.id}`,
			},
		},
	};
}

/** A new sheet with the source's columns and, as `include` asks, its rows, attachments and discussions. */
export function copyOf(
	ctx: RequestContext,
	source: Sheet,
	name: string,
	location: { workspaceId?: string; folderId?: string },
	include: Set<string>,
): Sheet {
	const wants = (part: string) => include.has('all') || include.has(part);
	const state = ctx.emulator.state;
	const copy = state.createSheet(
		name,
		source.columns.map(({ id: _id, ...column }) => ({
			...column,
			options: column.options && [...column.options],
		})),
		{
			...location,
			bigIds: idsFor(ctx.emulator, source) === state.bigIds,
		},
	);
	const columnIds = new Map(
		source.columns.map((column, index) => [column.id, copy.columns[index].id]),
	);
	const rowIds = new Map<string, string>();
	if (wants('data')) copyRows(ctx, source, copy, columnIds, rowIds);
	const parentOf = (part: { parentType: string; parentId: string }) =>
		part.parentType === 'SHEET' ? copy.id : rowIds.get(part.parentId);
	const ids = idsFor(ctx.emulator, copy);
	if (wants('attachments')) {
		for (const attachment of source.attachments ?? []) {
			const parentId = parentOf(attachment);
			if (parentId) (copy.attachments ??= []).push({ ...attachment, id: ids.id(), parentId });
		}
	}
	if (wants('discussions')) {
		for (const discussion of source.discussions ?? []) {
			const parentId = parentOf(discussion);
			if (parentId)
				(copy.discussions ??= []).push({
					...discussion,
					id: ids.id(),
					parentId,
					comments: discussion.comments.map((comment) => ({ ...comment, id: ids.id() })),
				});
		}
	}
	return copy;
}

function copyRows(
	ctx: RequestContext,
	source: Sheet,
	copy: Sheet,
	columnIds: Map<string, string>,
	rowIds: Map<string, string>,
): void {
	const ids = idsFor(ctx.emulator, copy);
	for (const row of source.rows) rowIds.set(row.id, ids.id());
	const now = ctx.emulator.state.now();
	for (const row of source.rows) {
		const cells = new Map(
			[...row.cells].map(([columnId, cell]) => [columnIds.get(columnId)!, { ...cell }]),
		);
		const made: Row = {
			id: rowIds.get(row.id)!,
			...(row.parentId ? { parentId: rowIds.get(row.parentId) } : {}),
			createdAt: now,
			modifiedAt: now,
			cells,
		};
		copy.rows.push(made);
		copy.rowsById.set(made.id, made);
		recordNewRow(ctx.emulator, copy, made);
	}
}

/** Move a sheet ({destinationType, destinationId}; destinationType required since 2025-12): it keeps its ID, rows and shares. */
function moveSheet(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const location = destinationOf(ctx, objectBody(ctx));
	sheet.workspaceId = location.workspaceId;
	sheet.folderId = location.folderId;
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: {
				id: sheet.id,
				name: sheet.name,
				accessLevel: ctx.emulator.state.accessLevel(sheet.id),
				permalink: `https://app.smartsheet.com/sheets/${sheet.id}`,
			},
		},
	};
}

export const sheetCopyRoutes: Route[] = [
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/move',
		scope: 'CREATE_SHEETS',
		access: 'ADMIN',
		handler: moveSheet,
	},
	// The source is only read (VIEWER is enough); the copy is the caller's own new sheet.
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/copy',
		scope: 'CREATE_SHEETS',
		handler: copySheet,
	},
];
