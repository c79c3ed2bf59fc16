// Rows: bulk add and update (at most 500 per request; all or nothing, or
// allowPartialSuccess), delete by IDs, get one.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { RawNumber } from '../json';
import { ACCESS_RANK, type Cell, type Row, type Sheet } from '../state';
import { validCells } from './cellInput';
import { recordNewRow, setCell } from './cellHistory';
import { flag, idList, words } from './query';
import { hasPlacement, insertRows, moveRows, requestLocation, type Location } from './rowPlacement';
import { placeAt, placesOf, rowOut, type ShapeOptions } from './shapes';
import { writerOf } from './sheetParts';
import { sheetOf } from './sheets';

/** Smartsheet: "When adding or updating rows, limit your request to 500 rows at a time." */
export const MAX_ROWS_PER_REQUEST = 500;
/** Attributes Smartsheet computes; a request may not set them (1032). */
const READ_ONLY_KEYS = [
	'createdAt',
	'modifiedAt',
	'rowNumber',
	'version',
	'sheetId',
	'permalink',
	'createdBy',
	'modifiedBy',
	'accessLevel',
];

type RowInput = Record<string, unknown>;

/** The rows of the body: one object or a list of them. */
function rowsFromBody(ctx: RequestContext): RowInput[] {
	const body = ctx.json();
	const rows = Array.isArray(body) ? body : [body];
	if (rows.length === 0) throw new ApiError(1012, ['row']);
	if (rows.some((row) => row === null || typeof row !== 'object' || Array.isArray(row)))
		throw new ApiError(1008, ['a row must be a JSON object']);
	// Which code Smartsheet uses past the limit is not documented; 1160 is its "invalid bulk request".
	if (rows.length > MAX_ROWS_PER_REQUEST)
		throw new ApiError(1160, [], {
			detail: { maxRowCount: MAX_ROWS_PER_REQUEST, rowCount: rows.length },
		});
	return rows as RowInput[];
}

interface Planned<T> {
	index: number;
	rowId: string | null;
	change?: T;
	error?: ApiError;
}

/**
 * Checks every row first, then applies the good ones: without allowPartialSuccess one bad row fails
 * the request (its error with detail {index, rowId}) and nothing changes; with it, the good rows are
 * saved and the bad ones come back in failedItems.
 */
function bulk<T>(
	ctx: RequestContext,
	sheet: Sheet,
	rows: RowInput[],
	check: (row: RowInput) => T,
	apply: (changes: T[]) => Row[],
): Answer {
	const partial = flag(ctx.query, 'allowPartialSuccess');
	const planned: Array<Planned<T>> = rows.map((row, index) => {
		const rowId = row.id === undefined || row.id === null ? null : String(row.id);
		try {
			return { index, rowId, change: check(row) };
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			return { index, rowId, error };
		}
	});
	const failed = planned.filter((entry) => entry.error);
	if (failed.length && !partial)
		throw failed[0].error!.withDetail({ index: failed[0].index, rowId: failed[0].rowId });
	const saved = apply(planned.filter((entry) => !entry.error).map((entry) => entry.change!));
	if (saved.length) ctx.emulator.state.touch(sheet);
	const options = shapeOptions(ctx);
	const places = placesOf(sheet, saved);
	const result = saved.map((row, index) =>
		rowOut(sheet, row, places[index], options, ctx.emulator),
	);
	if (!failed.length)
		return { body: { message: 'SUCCESS', resultCode: 0, version: sheet.version, result } };
	return {
		body: {
			message: 'PARTIAL_SUCCESS',
			resultCode: 3,
			version: sheet.version,
			result,
			failedItems: failed.map((entry) => ({
				index: entry.index,
				rowId: entry.rowId,
				error: entry.error!.body(),
			})),
		},
	};
}

function shapeOptions(ctx: RequestContext): ShapeOptions {
	return {
		numericDates: flag(ctx.query, 'numericDates'),
		excludeNonexistentCells: words(ctx.query, 'exclude').has('nonexistentCells'),
		rowPermalink: words(ctx.query, 'include').has('rowPermalink'),
	};
}

/** overrideValidation is for sheet admins only (1212). */
function checkOverride(ctx: RequestContext, sheet: Sheet): void {
	if (
		flag(ctx.query, 'overrideValidation') &&
		ACCESS_RANK[ctx.emulator.state.accessLevel(sheet.id)] < ACCESS_RANK.ADMIN
	)
		throw new ApiError(1212);
}

function readOnlyIn(row: RowInput, extra: string[] = []): void {
	const present = [...extra, ...READ_ONLY_KEYS].filter((key) => row[key] !== undefined);
	if (present.length) throw new ApiError(1032, [present.map((key) => `row.${key}`).join(', ')]);
}

function cellsOf(cells: Map<string, Cell | null>): Map<string, Cell> {
	const kept = new Map<string, Cell>();
	for (const [columnId, cell] of cells) if (cell) kept.set(columnId, cell);
	return kept;
}

function addRows(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	checkOverride(ctx, sheet);
	const rows = rowsFromBody(ctx);
	const location = requestLocation(rows, sheet, 'add');
	return bulk(
		ctx,
		sheet,
		rows,
		(row) => {
			readOnlyIn(row, ['id']);
			return validCells(sheet, row.cells);
		},
		(changes) => {
			const writer = writerOf(ctx.emulator, ctx.token);
			const created = changes.map((cells) => ({
				...ctx.emulator.state.newRow(cellsOf(cells)),
				createdBy: writer,
				modifiedBy: writer,
			}));
			insertRows(sheet, created, location);
			for (const row of created) recordNewRow(ctx.emulator, sheet, row);
			return created;
		},
	);
}

function updateRows(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	checkOverride(ctx, sheet);
	const rows = rowsFromBody(ctx);
	const location: Location = requestLocation(rows, sheet, 'update');
	return bulk(
		ctx,
		sheet,
		rows,
		(row) => {
			if (row.id === undefined || row.id === null) throw new ApiError(1012, ['row.id']);
			if (typeof row.id !== 'string' && typeof row.id !== 'number')
				throw new ApiError(1008, ['row.id must be an ID']);
			readOnlyIn(row);
			// A row that is not in the sheet: Not Found, as for GET of that row.
			const existing = sheet.rowsById.get(String(row.id));
			if (!existing) throw new ApiError(1006);
			return { row: existing, cells: validCells(sheet, row.cells) };
		},
		(changes) => {
			const now = ctx.emulator.state.now();
			for (const { row, cells } of changes) {
				for (const [columnId, cell] of cells)
					setCell(ctx.emulator, sheet, row, columnId, cell, now);
				row.modifiedAt = now;
				row.modifiedBy = writerOf(ctx.emulator, ctx.token);
			}
			const moved = [...new Set(changes.map((change) => change.row))];
			if (hasPlacement(location) && moved.length) moveRows(sheet, moved, location);
			return changes.map((change) => change.row);
		},
	);
}

function deleteRows(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const ids = idList(ctx.query, 'ids');
	if (!ids || ids.length === 0) throw new ApiError(1009, ['ids']);
	const ignoreMissing = flag(ctx.query, 'ignoreRowsNotFound');
	const found = [...new Set(ids)].filter((id) => sheet.rowsById.has(id));
	if (found.length !== new Set(ids).size && !ignoreMissing) throw new ApiError(1006); // and nothing is deleted
	if (found.length) {
		ctx.emulator.state.removeRows(sheet, found);
		ctx.emulator.state.touch(sheet);
	}
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: found.map((id) => new RawNumber(id)),
		},
	};
}

function getRow(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const row = sheet.rowsById.get(ctx.params.rowId);
	if (!row) throw new ApiError(1006);
	const columnIds = idList(ctx.query, 'columnIds');
	const options = { ...shapeOptions(ctx), columnIds: columnIds && new Set(columnIds) };
	return {
		body: rowOut(sheet, row, placeAt(sheet, sheet.rows.indexOf(row)), options, ctx.emulator),
	};
}

export const rowRoutes: Route[] = [
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/rows',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: addRows,
	},
	{
		method: 'PUT',
		path: '/2.0/sheets/{sheetId}/rows',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: updateRows,
	},
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}/rows',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: deleteRows,
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/rows/{rowId}',
		scope: 'READ_SHEETS',
		handler: getRow,
	},
];
