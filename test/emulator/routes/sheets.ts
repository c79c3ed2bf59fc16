// Sheets: list (offset paging), get (row/column filters, row paging), version, create in
// Sheets / a folder / a workspace (with columns, or from a template: {name, fromId}), rename, delete.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import type { Sheet } from '../state';
import { validNewColumns } from './columnInput';
import { copyOf } from './sheetCopy';
import { importSheet } from './sheetImport';
import { pageWindow, paged } from './paging';
import { flag, idList, timestamp, words } from './query';
import { columnOut, placeAt, rowOut, sheetSummary, type ShapeOptions } from './shapes';

export function sheetOf(ctx: RequestContext): Sheet {
	const sheet = ctx.emulator.state.sheets.get(ctx.params.sheetId);
	if (!sheet) throw new ApiError(1006);
	return sheet;
}

/** A JSON body that must be an object (not an array or a scalar). */
export function objectBody(ctx: RequestContext): Record<string, unknown> {
	const body = ctx.json();
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		throw new ApiError(1008, ['the request body must be a JSON object']);
	return body as Record<string, unknown>;
}

function listSheets(ctx: RequestContext): Answer {
	const state = ctx.emulator.state;
	const since = timestamp(ctx.query, 'modifiedSince');
	const include = words(ctx.query, 'include');
	const options: ShapeOptions = { numericDates: flag(ctx.query, 'numericDates') };
	const sheets = [...state.sheets.values()]
		.filter((sheet) => state.accessLevel(sheet.id) !== 'NONE')
		.filter((sheet) => since === undefined || sheet.modifiedAt > since)
		.map((sheet) => ({
			...sheetSummary(ctx.emulator, sheet, options),
			...(include.has('sheetVersion') ? { version: sheet.version } : {}),
		}));
	return { body: paged(sheets, ctx.query) };
}

function getSheet(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const q = ctx.query;
	const ifVersionAfter = q.has('ifVersionAfter') ? Number(q.get('ifVersionAfter')) : undefined;
	if (ifVersionAfter !== undefined && !Number.isInteger(ifVersionAfter))
		throw new ApiError(1018, [String(q.get('ifVersionAfter')), 'ifVersionAfter']);
	if (ifVersionAfter !== undefined && sheet.version <= ifVersionAfter)
		return { body: { version: sheet.version } }; // unchanged: the short answer

	const include = words(q, 'include');
	const exclude = words(q, 'exclude');
	const columnIds = idList(q, 'columnIds');
	const rowIds = idList(q, 'rowIds');
	const rowNumbersParam = idList(q, 'rowNumbers');
	const rowNumbers = rowNumbersParam && new Set(rowNumbersParam.map(Number));
	const since = timestamp(q, 'rowsModifiedSince');
	const options: ShapeOptions = {
		numericDates: flag(q, 'numericDates'),
		columnIds: columnIds && new Set(columnIds),
		excludeNonexistentCells: exclude.has('nonexistentCells'),
		rowPermalink: include.has('rowPermalink'),
		writerInfo: include.has('writerInfo'),
	};

	const wanted = rowIds && new Set(rowIds);
	let picked: number[] = []; // indexes of the rows to send
	sheet.rows.forEach((row, index) => {
		if (
			(!wanted || wanted.has(row.id)) &&
			(!rowNumbers || rowNumbers.has(index + 1)) &&
			(since === undefined || row.modifiedAt > since)
		)
			picked.push(index);
	});
	if (q.has('page') || q.has('pageSize')) {
		const window = pageWindow(picked.length, q);
		picked = picked.slice(window.from, window.to);
	}
	const workspace = ctx.emulator.state.workspaces.find(
		(candidate) => candidate.id === sheet.workspaceId,
	);
	return {
		body: {
			...sheetSummary(ctx.emulator, sheet, options),
			version: sheet.version,
			totalRowCount: sheet.rows.length,
			ganttEnabled: false,
			dependenciesEnabled: false,
			resourceManagementEnabled: false,
			userPermissions: {
				summaryPermissions: summaryPermission(ctx.emulator.state.accessLevel(sheet.id)),
			},
			userSettings: { criticalPathEnabled: false, displaySummaryTasks: true },
			...(workspace ? { workspace: { id: workspace.id, name: workspace.name } } : {}),
			columns: sheet.columns
				.map(columnOut)
				.filter((column) => !options.columnIds || options.columnIds.has(column.id)),
			rows: picked.map((index) =>
				rowOut(sheet, sheet.rows[index], placeAt(sheet, index), options, ctx.emulator),
			),
		},
	};
}

function summaryPermission(level: string): string {
	return level === 'OWNER' || level === 'ADMIN'
		? 'ADMIN'
		: level === 'EDITOR'
			? 'READ_WRITE'
			: 'READ_ONLY';
}

function createSheet(
	ctx: RequestContext,
	location: { workspaceId?: string; folderId?: string },
): Answer {
	const body = objectBody(ctx);
	if (body.name === undefined || body.name === '') throw new ApiError(1012, ['name']);
	if (typeof body.name !== 'string') throw new ApiError(1008, ['name must be a string']);
	if (body.fromId !== undefined) return fromTemplate(ctx, body.name, body, location);
	if (body.columns === undefined) throw new ApiError(1012, ['columns']);
	const columns = validNewColumns(body.columns);
	const sheet = ctx.emulator.state.createSheet(body.name, columns, location);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: {
				...sheetSummary(ctx.emulator, sheet),
				accessLevel: 'OWNER',
				columns: sheet.columns.map(columnOut),
			},
		},
	};
}

/** A sheet from a template ({name, fromId}); include=data,attachments,… as for a copy; columns are not allowed too. */
function fromTemplate(
	ctx: RequestContext,
	name: string,
	body: Record<string, unknown>,
	location: { workspaceId?: string; folderId?: string },
): Answer {
	if (body.columns !== undefined) throw new ApiError(1032, ['columns']);
	const template = ctx.emulator.state.templates.get(String(body.fromId));
	if (!template) throw new ApiError(1006);
	const sheet = copyOf(ctx, template, name, location, words(ctx.query, 'include'));
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: {
				...sheetSummary(ctx.emulator, sheet),
				accessLevel: 'OWNER',
				columns: sheet.columns.map(columnOut),
			},
		},
	};
}

function container(ctx: RequestContext, kind: 'workspace' | 'folder'): string {
	const id = ctx.params.containerId;
	const list = kind === 'workspace' ? ctx.emulator.state.workspaces : ctx.emulator.state.folders;
	if (!list.some((entry) => entry.id === id)) throw new ApiError(1006);
	return id;
}

function renameSheet(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const body = objectBody(ctx);
	if (body.name === undefined) throw new ApiError(1012, ['name']);
	if (typeof body.name !== 'string' || !body.name.trim())
		throw new ApiError(1031, [JSON.stringify(body.name), 'name']);
	sheet.name = body.name;
	ctx.emulator.state.touch(sheet);
	return { body: { message: 'SUCCESS', resultCode: 0, result: sheetSummary(ctx.emulator, sheet) } };
}

function deleteSheet(ctx: RequestContext): Answer {
	ctx.emulator.state.sheets.delete(sheetOf(ctx).id);
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

export const sheetRoutes: Route[] = [
	{ method: 'GET', path: '/2.0/sheets', scope: 'READ_SHEETS', handler: listSheets },
	{
		method: 'POST',
		path: '/2.0/sheets',
		scope: 'CREATE_SHEETS',
		handler: (ctx) => createSheet(ctx, {}),
	},
	{
		method: 'POST',
		path: '/2.0/workspaces/{containerId}/sheets',
		scope: 'CREATE_SHEETS',
		handler: (ctx) => createSheet(ctx, { workspaceId: container(ctx, 'workspace') }),
	},
	{
		method: 'POST',
		path: '/2.0/folders/{containerId}/sheets',
		scope: 'CREATE_SHEETS',
		handler: (ctx) => createSheet(ctx, { folderId: container(ctx, 'folder') }),
	},
	{
		method: 'POST',
		path: '/2.0/sheets/import',
		scope: 'CREATE_SHEETS',
		handler: (ctx) => importSheet(ctx, {}),
	},
	{
		method: 'POST',
		path: '/2.0/workspaces/{containerId}/sheets/import',
		scope: 'CREATE_SHEETS',
		handler: (ctx) => importSheet(ctx, { workspaceId: container(ctx, 'workspace') }),
	},
	{
		method: 'POST',
		path: '/2.0/folders/{containerId}/sheets/import',
		scope: 'CREATE_SHEETS',
		handler: (ctx) => importSheet(ctx, { folderId: container(ctx, 'folder') }),
	},
	{ method: 'GET', path: '/2.0/sheets/{sheetId}', scope: 'READ_SHEETS', handler: getSheet },
	{
		method: 'PUT',
		path: '/2.0/sheets/{sheetId}',
		scope: 'ADMIN_SHEETS',
		write: true,
		access: 'ADMIN',
		handler: renameSheet,
	},
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}',
		scope: 'DELETE_SHEETS',
		write: true,
		access: 'OWNER',
		handler: deleteSheet,
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/version',
		scope: 'READ_SHEETS',
		handler: (ctx) => ({ body: { version: sheetOf(ctx).version } }),
	},
];
