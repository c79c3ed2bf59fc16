// Sheets and columns: list (offset paging), get (with row and column filters), version, create.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import type { Column, Emulator } from '../emulator-types';
import type { Sheet } from '../state';
import { paged } from './paging';
import { rowOut } from './rowsOut';

export function sheetSummary(emulator: Emulator, sheet: Sheet) {
	return {
		id: sheet.id,
		name: sheet.name,
		accessLevel: emulator.state.accessLevel(sheet.id),
		permalink: `https://app.smartsheet.com/sheets/${sheet.id}`,
		createdAt: sheet.createdAt,
		modifiedAt: sheet.modifiedAt,
	};
}

export function columnOut(column: Column, index: number) {
	return { id: column.id, index, title: column.title, type: column.type, ...(column.primary ? { primary: true } : {}), ...(column.options ? { options: column.options } : {}), validation: false, width: 150, version: 0 };
}

export function sheetOf(ctx: RequestContext): Sheet {
	const sheet = ctx.emulator.state.sheets.get(ctx.params.sheetId);
	if (!sheet) throw new ApiError(1006);
	return sheet;
}

function getSheet(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const q = ctx.query;
	const columnIds = list(q.get('columnIds'));
	const rowIds = list(q.get('rowIds'));
	const rowNumbers = list(q.get('rowNumbers')).map(Number);
	const since = q.get('rowsModifiedSince');
	if (since !== null && Number.isNaN(Date.parse(since))) throw new ApiError(1018, [since, 'rowsModifiedSince']);
	let rows = sheet.rows.map((row, index) => ({ row, number: index + 1 }));
	if (rowIds.length) rows = rows.filter(({ row }) => rowIds.includes(row.id));
	if (rowNumbers.length) rows = rows.filter(({ number }) => rowNumbers.includes(number));
	if (since !== null) rows = rows.filter(({ row }) => Date.parse(row.modifiedAt) > Date.parse(since));
	const pageSize = q.has('pageSize') ? Number(q.get('pageSize')) : undefined;
	if (pageSize !== undefined) {
		const page = Math.max(1, Number(q.get('page') ?? 1));
		rows = rows.slice((page - 1) * pageSize, page * pageSize);
	}
	const columns = sheet.columns.map(columnOut).filter((column) => !columnIds.length || columnIds.includes(column.id));
	return {
		body: {
			...sheetSummary(ctx.emulator, sheet),
			version: sheet.version,
			totalRowCount: sheet.rows.length,
			columns,
			rows: rows.map(({ row, number }) => rowOut(sheet, row, number, columnIds)),
		},
	};
}

function createSheet(ctx: RequestContext, location: { workspaceId?: string; folderId?: string }): Answer {
	const body = ctx.json() as { name?: unknown; columns?: Array<Record<string, unknown>> };
	if (typeof body?.name !== 'string' || !body.name) throw new ApiError(1012, ['name']);
	if (!Array.isArray(body.columns) || body.columns.length === 0) throw new ApiError(1012, ['columns']);
	const primaries = body.columns.filter((column) => column.primary === true);
	if (primaries.length !== 1) throw new ApiError(1055);
	if (primaries[0].type !== 'TEXT_NUMBER') throw new ApiError(1057);
	const titles = body.columns.map((column) => String(column.title ?? ''));
	if (titles.some((title) => !title)) throw new ApiError(1012, ['column.title']);
	if (new Set(titles).size !== titles.length) throw new ApiError(1056);
	const sheet = ctx.emulator.state.createSheet(
		body.name,
		body.columns.map((column) => ({ title: String(column.title), type: String(column.type ?? 'TEXT_NUMBER'), primary: column.primary === true, options: Array.isArray(column.options) ? column.options.map(String) : undefined })),
		location,
	);
	return { body: { message: 'SUCCESS', resultCode: 0, result: { ...sheetSummary(ctx.emulator, sheet), columns: sheet.columns.map(columnOut) } } };
}

function requireContainer(ctx: RequestContext, kind: 'workspace' | 'folder'): string {
	const id = ctx.params.containerId;
	const list = kind === 'workspace' ? ctx.emulator.state.workspaces : ctx.emulator.state.folders;
	if (!list.some((entry) => entry.id === id)) throw new ApiError(1006);
	return id;
}

function list(value: string | null): string[] {
	return value ? value.split(',').map((entry) => entry.trim()).filter(Boolean) : [];
}

function renameSheet(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const body = ctx.json() as { name?: unknown };
	if (typeof body?.name !== 'string' || !body.name.trim()) throw new ApiError(1012, ['name']);
	sheet.name = body.name;
	sheet.version++;
	sheet.modifiedAt = new Date().toISOString();
	return { body: { message: 'SUCCESS', resultCode: 0, result: sheetSummary(ctx.emulator, sheet) } };
}

function addColumns(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const body = ctx.json();
	const columns = (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown>>;
	const added = columns.map((column) => {
		const title = String(column.title ?? '');
		if (!title) throw new ApiError(1012, ['column.title']);
		if (column.index === undefined) throw new ApiError(1012, ['column.index']);
		if (sheet.columns.some((existing) => existing.title === title)) throw new ApiError(1056);
		if (column.primary === true) throw new ApiError(1055);
		const created = { id: ctx.emulator.state.ids.id(), title, type: String(column.type ?? 'TEXT_NUMBER'), options: Array.isArray(column.options) ? column.options.map(String) : undefined };
		sheet.columns.splice(Math.min(Number(column.index), sheet.columns.length), 0, created);
		return created;
	});
	sheet.version++;
	return { body: { message: 'SUCCESS', resultCode: 0, result: added.map((column) => columnOut(column, sheet.columns.indexOf(column))) } };
}

function columnOf(ctx: RequestContext) {
	const sheet = sheetOf(ctx);
	const column = sheet.columns.find((candidate) => candidate.id === ctx.params.columnId);
	if (!column) throw new ApiError(1006);
	return { sheet, column };
}

function updateColumn(ctx: RequestContext): Answer {
	const { sheet, column } = columnOf(ctx);
	const body = ctx.json() as Record<string, unknown>;
	if (body.title !== undefined) {
		const title = String(body.title);
		if (sheet.columns.some((existing) => existing !== column && existing.title === title)) throw new ApiError(1056);
		column.title = title;
	}
	if (body.type !== undefined) {
		if (column.primary && body.type !== 'TEXT_NUMBER') throw new ApiError(1057);
		column.type = String(body.type);
	}
	if (Array.isArray(body.options)) column.options = body.options.map(String);
	sheet.version++;
	return { body: { message: 'SUCCESS', resultCode: 0, result: columnOut(column, sheet.columns.indexOf(column)) } };
}

function deleteColumn(ctx: RequestContext): Answer {
	const { sheet, column } = columnOf(ctx);
	if (column.primary) throw new ApiError(1004, [], { status: 403, message: 'The primary column cannot be deleted.' });
	sheet.columns = sheet.columns.filter((candidate) => candidate !== column);
	for (const row of sheet.rows) row.cells.delete(column.id);
	sheet.version++;
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

export const sheetRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/sheets',
		scope: 'READ_SHEETS',
		handler: (ctx) => {
			const sheets = [...ctx.emulator.state.sheets.values()].filter((sheet) => ctx.emulator.state.accessLevel(sheet.id) !== 'NONE');
			return { body: paged(sheets.map((sheet) => sheetSummary(ctx.emulator, sheet)), ctx.query) };
		},
	},
	{ method: 'POST', path: '/2.0/sheets', scope: 'CREATE_SHEETS', handler: (ctx) => createSheet(ctx, {}) },
	{ method: 'POST', path: '/2.0/workspaces/{containerId}/sheets', scope: 'CREATE_SHEETS', handler: (ctx) => createSheet(ctx, { workspaceId: requireContainer(ctx, 'workspace') }) },
	{ method: 'POST', path: '/2.0/folders/{containerId}/sheets', scope: 'CREATE_SHEETS', handler: (ctx) => createSheet(ctx, { folderId: requireContainer(ctx, 'folder') }) },
	{ method: 'GET', path: '/2.0/sheets/{sheetId}', scope: 'READ_SHEETS', handler: getSheet },
	{ method: 'GET', path: '/2.0/sheets/{sheetId}/version', scope: 'READ_SHEETS', handler: (ctx) => ({ body: { version: sheetOf(ctx).version } }) },
	{ method: 'PUT', path: '/2.0/sheets/{sheetId}', scope: 'ADMIN_SHEETS', write: true, handler: renameSheet },
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}',
		scope: 'DELETE_SHEETS',
		write: true,
		handler: (ctx) => {
			ctx.emulator.state.sheets.delete(sheetOf(ctx).id);
			return { body: { message: 'SUCCESS', resultCode: 0 } };
		},
	},
	{ method: 'POST', path: '/2.0/sheets/{sheetId}/columns', scope: 'ADMIN_SHEETS', write: true, handler: addColumns },
	{ method: 'GET', path: '/2.0/sheets/{sheetId}/columns/{columnId}', scope: 'READ_SHEETS', handler: (ctx) => { const { sheet, column } = columnOf(ctx); return { body: columnOut(column, sheet.columns.indexOf(column)) }; } },
	{ method: 'PUT', path: '/2.0/sheets/{sheetId}/columns/{columnId}', scope: 'ADMIN_SHEETS', write: true, handler: updateColumn },
	{ method: 'DELETE', path: '/2.0/sheets/{sheetId}/columns/{columnId}', scope: 'ADMIN_SHEETS', write: true, handler: deleteColumn },
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/columns',
		scope: 'READ_SHEETS',
		handler: (ctx) => ({ body: paged(sheetOf(ctx).columns.map(columnOut), ctx.query) }),
	},
];
