// Columns: list (IndexResult), get, add (bulk, at an index), update, delete.
// Changing columns needs ADMIN_SHEETS and admin access to the sheet.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { COLUMN_TYPES, optionsOf, validColumn } from './columnInput';
import { paged } from './paging';
import { level, TYPE_LEVEL } from './reports';
import { columnOut } from './shapes';
import { objectBody, sheetOf } from './sheets';

function columnOf(ctx: RequestContext) {
	const sheet = sheetOf(ctx);
	const column = sheet.columns.find((candidate) => candidate.id === ctx.params.columnId);
	if (!column) throw new ApiError(1006);
	return { sheet, column };
}

function addColumns(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const body = ctx.json();
	const inputs = (Array.isArray(body) ? body : [body]) as unknown[];
	if (inputs.length === 0) throw new ApiError(1012, ['column']);
	const titles = new Set(sheet.columns.map((column) => column.title.toLowerCase()));
	// Check every column before adding any: the request succeeds or changes nothing.
	const planned = inputs.map((input) => {
		const column = validColumn(input, { type: true });
		const index = (input as Record<string, unknown>).index;
		if (index === undefined) throw new ApiError(1012, ['column.index']);
		if (!Number.isInteger(index) || (index as number) < 0)
			throw new ApiError(1031, [JSON.stringify(index), 'index']);
		if (column.primary) throw new ApiError(1055);
		if (titles.has(column.title.toLowerCase())) throw new ApiError(1056);
		titles.add(column.title.toLowerCase());
		return { column, index: index as number };
	});
	const added = planned.map(({ column, index }) => {
		const created = { ...column, id: ctx.emulator.state.ids.id() };
		sheet.columns.splice(Math.min(index, sheet.columns.length), 0, created);
		return created;
	});
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: added.map((column) => columnOut(column, sheet.columns.indexOf(column))),
		},
	};
}

function updateColumn(ctx: RequestContext): Answer {
	const { sheet, column } = columnOf(ctx);
	const body = objectBody(ctx);
	const readOnly = ['id', 'version', 'primary', 'systemColumnType'].filter(
		(key) => body[key] !== undefined && !(key === 'id' && String(body.id) === column.id),
	);
	if (readOnly.length) throw new ApiError(1032, [readOnly.join(', ')]);
	if (body.title !== undefined) {
		if (typeof body.title !== 'string' || !body.title)
			throw new ApiError(1031, [JSON.stringify(body.title), 'title']);
		const title = body.title;
		if (
			sheet.columns.some(
				(other) => other !== column && other.title.toLowerCase() === title.toLowerCase(),
			)
		)
			throw new ApiError(1056);
	}
	if (body.type !== undefined) {
		if (typeof body.type !== 'string' || !COLUMN_TYPES.has(body.type))
			throw new ApiError(1008, [`${JSON.stringify(body.type)} is not a column type`]);
		if (column.primary && body.type !== 'TEXT_NUMBER') throw new ApiError(1057);
	}
	if (body.index !== undefined && (!Number.isInteger(body.index) || (body.index as number) < 0))
		throw new ApiError(1031, [JSON.stringify(body.index), 'index']);
	const options = optionsOf(body);
	if (typeof body.title === 'string') column.title = body.title;
	if (typeof body.type === 'string') column.type = body.type;
	if (options.options) column.options = options.options;
	if (typeof body.index === 'number') {
		sheet.columns.splice(sheet.columns.indexOf(column), 1);
		sheet.columns.splice(Math.min(body.index, sheet.columns.length), 0, column);
	}
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: columnOut(column, sheet.columns.indexOf(column)),
		},
	};
}

function deleteColumn(ctx: RequestContext): Answer {
	const { sheet, column } = columnOf(ctx);
	if (column.primary)
		throw new ApiError(1004, [], { message: 'The primary column cannot be deleted.' });
	sheet.columns = sheet.columns.filter((candidate) => candidate !== column);
	for (const row of sheet.rows) row.cells.delete(column.id);
	ctx.emulator.state.touch(sheet);
	return { body: { message: 'SUCCESS', resultCode: 0, version: sheet.version } };
}

/** The list, with multi-contact and multi-picklist columns as TEXT_NUMBER below the level that knows them. */
function listColumns(ctx: RequestContext): Answer {
	const atLevel = level(ctx.query);
	const columns = sheetOf(ctx)
		.columns.map(columnOut)
		.map((column) =>
			(TYPE_LEVEL[column.type] ?? 0) > atLevel ? { ...column, type: 'TEXT_NUMBER' } : column,
		);
	return { body: paged(columns, ctx.query) };
}

export const columnRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/columns',
		scope: 'READ_SHEETS',
		handler: listColumns,
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/columns',
		scope: 'ADMIN_SHEETS',
		write: true,
		access: 'ADMIN',
		handler: addColumns,
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/columns/{columnId}',
		scope: 'READ_SHEETS',
		handler: (ctx) => {
			const { sheet, column } = columnOf(ctx);
			return { body: columnOut(column, sheet.columns.indexOf(column)) };
		},
	},
	{
		method: 'PUT',
		path: '/2.0/sheets/{sheetId}/columns/{columnId}',
		scope: 'ADMIN_SHEETS',
		write: true,
		access: 'ADMIN',
		handler: updateColumn,
	},
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}/columns/{columnId}',
		scope: 'ADMIN_SHEETS',
		write: true,
		access: 'ADMIN',
		handler: deleteColumn,
	},
];
