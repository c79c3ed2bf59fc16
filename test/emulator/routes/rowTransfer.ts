// Copy or move rows to another sheet: POST /sheets/{id}/rows/copy|move with
// {rowIds, to: {sheetId}}, answered {destinationSheetId, rowMappings: [{from, to}]}. Rows land at
// the bottom of the destination with new IDs; cells follow their column's title (a column the
// destination lacks is added to it); with include=attachments / discussions their row parts go too.
import type { Answer, RequestContext, Route } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import { RawNumber } from '../json';
import {
	ACCESS_RANK,
	type Cell,
	type CellChange,
	type Column,
	type Row,
	type Sheet,
} from '../state';
import { observeSheetChanges } from '../webhooks/events';
import { recordNewRow } from './cellHistory';
import { flag, words } from './query';
import { subtree } from './rowPlacement';
import { MAX_ROWS_PER_REQUEST } from './rows';
import { idsFor } from './sheetParts';
import { objectBody, sheetOf } from './sheets';

type Mode = 'copy' | 'move';

interface Request {
	rowIds: string[];
	destination: Sheet;
}

function readRequest(ctx: RequestContext, source: Sheet, mode: Mode): Request {
	const body = objectBody(ctx);
	if (body.rowIds === undefined || body.rowIds === null) throw new ApiError(1012, ['rowIds']);
	if (
		!Array.isArray(body.rowIds) ||
		body.rowIds.some((id) => typeof id !== 'string' || !/^\d+$/.test(id))
	)
		throw new ApiError(1008, ['rowIds must be a list of row IDs']);
	if (body.rowIds.length === 0) throw new ApiError(1012, ['rowIds']);
	// The limit for these calls is not documented; the emulator applies the add/update rows limit.
	if (body.rowIds.length > MAX_ROWS_PER_REQUEST)
		throw new ApiError(1160, [], {
			detail: { maxRowCount: MAX_ROWS_PER_REQUEST, rowCount: body.rowIds.length },
		});
	const to = body.to as Record<string, unknown> | undefined | null;
	if (to === undefined || to === null) throw new ApiError(1012, ['to']);
	if (typeof to !== 'object' || Array.isArray(to))
		throw new ApiError(1008, ['to must be a JSON object']);
	if (to.sheetId === undefined || to.sheetId === null) throw new ApiError(1012, ['to.sheetId']);
	const destinationId = String(to.sheetId);
	const destination = ctx.emulator.state.sheets.get(destinationId);
	if (!destination) throw new ApiError(1006);
	if (ACCESS_RANK[ctx.emulator.state.accessLevel(destinationId)] < ACCESS_RANK.EDITOR)
		throw new ApiError(1004);
	if (mode === 'move' && destination === source)
		throw new ApiError(1031, [destinationId, 'to.sheetId']);
	return { rowIds: [...new Set(body.rowIds as string[])], destination };
}

/** The destination column for each source column: same title (any case), else a new one. */
function columnMap(emulator: Emulator, source: Sheet, destination: Sheet): Map<string, Column> {
	const map = new Map<string, Column>();
	for (const column of source.columns) {
		let target = destination.columns.find(
			(candidate) => candidate.title.toLowerCase() === column.title.toLowerCase(),
		);
		if (!target) {
			target = {
				id: idsFor(emulator, destination).id(),
				title: column.title,
				type: column.type,
				...(column.options ? { options: [...column.options] } : {}),
			};
			destination.columns.push(target);
		}
		map.set(column.id, target);
	}
	return map;
}

function remapped<T>(
	entries: Map<string, T> | undefined,
	columns: Map<string, Column>,
): Map<string, T> {
	const result = new Map<string, T>();
	for (const [columnId, value] of entries ?? []) {
		const target = columns.get(columnId);
		if (target) result.set(target.id, value);
	}
	return result;
}

/** The requested rows with everything under them (children only with `withChildren`), in sheet order. */
function rowsToTransfer(source: Sheet, rowIds: string[], withChildren: boolean): Row[] {
	const picked = new Set<string>();
	for (const id of rowIds)
		for (const row of withChildren
			? subtree(source, source.rowsById.get(id)!)
			: [source.rowsById.get(id)!])
			picked.add(row.id);
	return source.rows.filter((row) => picked.has(row.id));
}

/** Copies the row parts (attachments, discussions) of transferred rows to their new rows. */
function copyRowParts(
	emulator: Emulator,
	source: Sheet,
	destination: Sheet,
	newIds: Map<string, string>,
	include: { attachments: boolean; discussions: boolean },
): void {
	const ids = idsFor(emulator, destination);
	const ofMovedRow = (part: { parentType: string; parentId: string }) =>
		part.parentType === 'ROW' && newIds.has(part.parentId);
	if (include.attachments) {
		for (const attachment of (source.attachments ?? []).filter(ofMovedRow)) {
			(destination.attachments ??= []).push({
				...attachment,
				id: ids.id(),
				parentId: newIds.get(attachment.parentId)!,
			});
		}
	}
	if (include.discussions) {
		for (const discussion of (source.discussions ?? []).filter(ofMovedRow)) {
			const comments = discussion.comments.map((comment) => ({ ...comment, id: ids.id() }));
			(destination.discussions ??= []).push({
				...discussion,
				id: ids.id(),
				parentId: newIds.get(discussion.parentId)!,
				comments,
			});
		}
	}
}

/** One function per route (copy, move), so a webhook emitter can hook each write. */
async function transferRows(ctx: RequestContext, mode: Mode): Promise<Answer> {
	const source = sheetOf(ctx);
	const { rowIds, destination } = readRequest(ctx, source, mode);
	// The pipeline observes the source sheet; the rows arriving in another sheet are that sheet's events.
	if (destination.id === source.id) return transfer(ctx, mode, source, rowIds, destination);
	return await observeSheetChanges(ctx, destination.id, () =>
		transfer(ctx, mode, source, rowIds, destination),
	);
}

function transfer(
	ctx: RequestContext,
	mode: Mode,
	source: Sheet,
	rowIds: string[],
	destination: Sheet,
): Answer {
	const state = ctx.emulator.state;
	const include = words(ctx.query, 'include');
	const all = include.has('all');
	const found = rowIds.filter((id) => source.rowsById.has(id));
	if (found.length !== rowIds.length && !flag(ctx.query, 'ignoreRowsNotFound'))
		throw new ApiError(1006); // nothing is done
	// A moved row takes its children along, as in Smartsheet's app; a copy only with include=children.
	const rows = rowsToTransfer(source, found, mode === 'move' || all || include.has('children'));
	const columns = columnMap(ctx.emulator, source, destination);
	const ids = idsFor(ctx.emulator, destination);
	const newIds = new Map(rows.map((row) => [row.id, ids.id()]));
	const now = ctx.emulator.state.now();
	const created: Row[] = rows.map((row) => ({
		id: newIds.get(row.id)!,
		...(row.parentId && newIds.has(row.parentId) ? { parentId: newIds.get(row.parentId) } : {}),
		createdAt: mode === 'move' ? row.createdAt : now,
		modifiedAt: now,
		cells: remapped<Cell>(row.cells, columns),
		...(mode === 'move' && row.history
			? { history: remapped<CellChange[]>(row.history, columns) }
			: {}),
	}));
	destination.rows.push(...created);
	for (const row of created) {
		destination.rowsById.set(row.id, row);
		if (mode === 'copy') recordNewRow(ctx.emulator, destination, row);
	}
	copyRowParts(ctx.emulator, source, destination, newIds, {
		attachments: all || include.has('attachments'),
		discussions: all || include.has('discussions'),
	});
	if (mode === 'move') {
		state.removeRows(source, found);
		state.touch(source);
	}
	if (created.length) state.touch(destination);
	return {
		body: {
			destinationSheetId: destination.id,
			rowMappings: rows.map((row) => ({
				from: new RawNumber(row.id),
				to: new RawNumber(newIds.get(row.id)!),
			})),
		},
	};
}

export const rowTransferRoutes: Route[] = [
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/rows/copy',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: (ctx) => transferRows(ctx, 'copy'),
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/rows/move',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: (ctx) => transferRows(ctx, 'move'),
	},
];
