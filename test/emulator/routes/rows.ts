// Rows: bulk add and update (up to 500, all-or-nothing or allowPartialSuccess), delete by IDs, get.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { RawNumber } from '../json';
import type { Cell, Row, Sheet } from '../state';
import { sheetOf } from './sheets';
import { rowOut } from './rowsOut';

const MAX_ROWS = 500;
const MAX_CELL_CHARS = 4000;
const LOCATION_KEYS = ['toTop', 'toBottom', 'parentId', 'siblingId', 'above', 'indent', 'outdent'];
const READ_ONLY_KEYS = ['createdAt', 'modifiedAt', 'rowNumber', 'version', 'sheetId', 'permalink'];

type RowInput = Record<string, unknown>;

function rowsFromBody(ctx: RequestContext): RowInput[] {
	const body = ctx.json();
	const rows = Array.isArray(body) ? body : [body];
	if (rows.some((row) => row === null || typeof row !== 'object' || Array.isArray(row))) throw new ApiError(1008, ['a row must be an object']);
	if (rows.length > MAX_ROWS) throw new ApiError(1160, [], { detail: { maxRows: MAX_ROWS, received: rows.length } });
	return rows as RowInput[];
}

/** The cells a row would get, or the ApiError that rejects it. */
function validateCells(sheet: Sheet, row: RowInput): Map<string, Cell> {
	const cells = new Map<string, Cell>();
	const input = row.cells ?? [];
	if (!Array.isArray(input)) throw new ApiError(1008, ['cells must be an array']);
	for (const raw of input as Array<Record<string, unknown>>) {
		if (raw === null || typeof raw !== 'object') throw new ApiError(1008, ['a cell must be an object']);
		if (raw.columnId === undefined) throw new ApiError(1012, ['cell.columnId']);
		const columnId = String(raw.columnId);
		const column = sheet.columns.find((candidate) => candidate.id === columnId);
		if (!column) throw new ApiError(1036, [columnId]);
		if (cells.has(columnId)) throw new ApiError(1037, [columnId]);
		if (raw.value !== undefined && raw.objectValue !== undefined) throw new ApiError(1130);
		if (raw.formula !== undefined) {
			if (typeof raw.formula !== 'string' || !raw.formula.startsWith('=')) throw new ApiError(1162);
			if (raw.value !== undefined || raw.objectValue !== undefined || raw.hyperlink !== undefined) throw new ApiError(1163);
			cells.set(columnId, { formula: raw.formula });
			continue;
		}
		const value = raw.value ?? raw.objectValue;
		if (value !== undefined && value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
			throw new ApiError(1008, [`cell value for column ${columnId} must be a string, number or boolean`]);
		}
		if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new ApiError(1041, [column.title, String(value.length)]);
		cells.set(columnId, value === undefined || value === null ? {} : { value: value as string | number | boolean });
	}
	return cells;
}

function locationOf(row: RowInput): string {
	return JSON.stringify(LOCATION_KEYS.filter((key) => row[key] !== undefined).map((key) => [key, row[key]]));
}

/** Runs `apply` per row; all-or-nothing unless allowPartialSuccess (Smartsheet's Result shapes). */
function bulk(ctx: RequestContext, sheet: Sheet, rows: RowInput[], check: (row: RowInput) => () => Row): Answer {
	const partial = ctx.query.get('allowPartialSuccess') === 'true';
	const locations = new Set(rows.map(locationOf));
	if (locations.size > 1) throw new ApiError(1123);
	const planned: Array<{ index: number; apply?: () => Row; error?: ApiError; rowId?: string }> = rows.map((row, index) => {
		try {
			return { index, apply: check(row) };
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			return { index, error, rowId: row.id === undefined ? undefined : String(row.id) };
		}
	});
	const failed = planned.filter((entry) => entry.error);
	if (failed.length && !partial) {
		const first = failed[0];
		throw new ApiError(first.error!.errorCode, first.error!.args, { detail: { index: first.index, ...(first.rowId ? { rowId: first.rowId } : {}) } });
	}
	const saved = planned.filter((entry) => entry.apply).map((entry) => entry.apply!());
	if (saved.length) {
		sheet.version++;
		sheet.modifiedAt = new Date().toISOString();
	}
	const result = saved.map((row) => rowOut(sheet, row, sheet.rows.indexOf(row) + 1));
	if (!failed.length) return { body: { message: 'SUCCESS', resultCode: 0, version: sheet.version, result } };
	return {
		body: {
			message: 'PARTIAL_SUCCESS',
			resultCode: 3,
			version: sheet.version,
			result,
			failedItems: failed.map((entry) => ({ index: entry.index, rowId: entry.rowId ?? null, error: entry.error!.body() })),
		},
	};
}

function addRows(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const rows = rowsFromBody(ctx);
	return bulk(ctx, sheet, rows, (row) => {
		if (row.id !== undefined) throw new ApiError(1032, ['row.id']);
		const cells = validateCells(sheet, row);
		return () => {
			const created = ctx.emulator.state.addRow(sheet, Object.fromEntries(cells));
			if (row.toTop === true) {
				sheet.rows.pop();
				sheet.rows.unshift(created);
			}
			return created;
		};
	});
}

function updateRows(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const rows = rowsFromBody(ctx);
	return bulk(ctx, sheet, rows, (row) => {
		if (row.id === undefined) throw new ApiError(1012, ['row.id']);
		const readOnly = READ_ONLY_KEYS.filter((key) => row[key] !== undefined);
		if (readOnly.length) throw new ApiError(1032, [readOnly.join(', ')]);
		const existing = sheet.rows.find((candidate) => candidate.id === String(row.id));
		if (!existing) throw new ApiError(1006);
		const cells = validateCells(sheet, row);
		return () => {
			for (const [columnId, cell] of cells) existing.cells.set(columnId, cell);
			existing.modifiedAt = new Date().toISOString();
			return existing;
		};
	});
}

function deleteRows(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const idsParam = ctx.query.get('ids');
	if (!idsParam) throw new ApiError(1009, ['ids']);
	const ids = idsParam.split(',').map((id) => id.trim()).filter(Boolean);
	if (ids.some((id) => !/^\d+$/.test(id))) throw new ApiError(1018, [idsParam, 'ids']);
	const ignoreMissing = ctx.query.get('ignoreRowsNotFound') === 'true';
	const found = ids.filter((id) => sheet.rows.some((row) => row.id === id));
	if (found.length !== ids.length && !ignoreMissing) throw new ApiError(1006);
	sheet.rows = sheet.rows.filter((row) => !found.includes(row.id));
	if (found.length) sheet.version++;
	return { body: { message: 'SUCCESS', resultCode: 0, version: sheet.version, result: found.map((id) => new RawNumber(id)) } };
}

function getRow(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const index = sheet.rows.findIndex((row) => row.id === ctx.params.rowId);
	if (index === -1) throw new ApiError(1006);
	return { body: rowOut(sheet, sheet.rows[index], index + 1) };
}

export const rowRoutes: Route[] = [
	{ method: 'POST', path: '/2.0/sheets/{sheetId}/rows', scope: 'WRITE_SHEETS', write: true, handler: addRows },
	{ method: 'PUT', path: '/2.0/sheets/{sheetId}/rows', scope: 'WRITE_SHEETS', write: true, handler: updateRows },
	{ method: 'DELETE', path: '/2.0/sheets/{sheetId}/rows', scope: 'WRITE_SHEETS', write: true, handler: deleteRows },
	{ method: 'GET', path: '/2.0/sheets/{sheetId}/rows/{rowId}', scope: 'READ_SHEETS', handler: getRow },
];
