// Node version 2's column mapper, read into what the row writer takes: the cells of a row, the row
// ID Update writes to and the column Create or Update matches on. Version 1's parameters (Cells,
// Row ID, Key Column) are read as before, so saved workflows keep working.
import { ExpressionError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	cell,
	type CellOptions,
	cellsFromFields,
	cellsFromList,
	type Column,
	idOf,
	InvalidInput,
	ROW_ID_FIELD,
} from '../../../shared';

/** Whether the node is version 2 or later (the column mapper). */
export function usesColumnMapper(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().typeVersion >= 2;
}

function mapsAutomatically(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('columns.mappingMode', itemIndex) === 'autoMapInputData';
}

/**
 * The mapper's values of one item ({column title: value}), typed by n8n against the columns. A value
 * n8n cannot read as its column's type fails this item alone (Payload), not the whole run.
 */
function mappedValues(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	try {
		return (ctx.getNodeParameter('columns.value', itemIndex, {}) as IDataObject | null) ?? {};
	} catch (error) {
		throw asItemFailure(error);
	}
}

/** n8n's "Invalid input" for a mapped value, as this item's input failure; any other error as it is. */
function asItemFailure(error: unknown): unknown {
	if (!(error instanceof ExpressionError)) return error;
	const detail =
		typeof error.description === 'string' ? ` (${error.description.replace(/<[^>]+>/g, '')})` : '';
	return new InvalidInput(`${error.message}${detail}`);
}

/** The row's cells: mapped columns, then "Formula and Link Cells" (which win for the same column). */
export function mappedCells(
	ctx: IExecuteFunctions,
	itemIndex: number,
	columns: Column[],
	options: CellOptions,
): IDataObject[] {
	const linkedOrComputed = cellsFromList(
		ctx.getNodeParameter('cells.cell', itemIndex, []) as IDataObject[],
		columns,
		options,
	);
	const given = new Set(linkedOrComputed.map((entry) => entry.columnId));
	const mapped = mapsAutomatically(ctx, itemIndex)
		? fieldCells(ctx.getInputData()[itemIndex].json, columns, options, linkedOrComputed.length > 0)
		: valueCells(mappedValues(ctx, itemIndex), columns, options);
	const cells = [...mapped.filter((entry) => !given.has(entry.columnId)), ...linkedOrComputed];
	if (cells.length === 0)
		throw new InvalidInput(
			'No column is mapped: map at least one column, or add a formula or link cell',
		);
	return cells;
}

/**
 * "Map Automatically": the item's fields named like columns; a list goes to a multi-value column as
 * its objectValue. No such field is fine when other cells are given.
 */
function fieldCells(
	fields: IDataObject,
	columns: Column[],
	options: CellOptions,
	othersGiven: boolean,
): IDataObject[] {
	const byKey = new Map(
		columns.flatMap((column) => [[column.title, column] as const, [column.id, column] as const]),
	);
	const isList = ([key, value]: [string, unknown]) => Array.isArray(value) && byKey.has(key);
	const listCells = Object.entries(fields)
		.filter(isList)
		.map(([key, value]) => typedCell(byKey.get(key)!, value, options));
	const others = Object.fromEntries(Object.entries(fields).filter((entry) => !isList(entry)));
	if ((othersGiven || listCells.length > 0) && !Object.keys(others).some((key) => byKey.has(key)))
		return listCells;
	return [...cellsFromFields(others, columns, options), ...listCells];
}

/** "Map Each Column Manually": one cell per mapped column, in the form its type needs. */
function valueCells(values: IDataObject, columns: Column[], options: CellOptions): IDataObject[] {
	const byTitle = new Map(columns.map((column) => [column.title, column]));
	const cells: IDataObject[] = [];
	for (const [title, value] of Object.entries(values)) {
		if (title === ROW_ID_FIELD || value === null || value === undefined) continue;
		const column = byTitle.get(title);
		if (!column)
			throw new InvalidInput(
				`The sheet has no column "${title}" (any more): refresh the mapper's columns`,
			);
		cells.push(typedCell(column, value, options));
	}
	return cells;
}

/** Dates as Smartsheet's ISO text, multi-value columns as their objectValue, the rest as given. */
function typedCell(column: Column, value: unknown, options: CellOptions): IDataObject {
	if (Array.isArray(value)) return { columnId: column.id, objectValue: multiValue(column, value) };
	if (isDateTime(value))
		return cell(column.id, column.type === 'DATE' ? value.toISODate() : value.toISO(), options);
	return cell(column.id, value, options);
}

// https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/complex-column-types-and-compatibility
function multiValue(column: Column, values: unknown[]): IDataObject {
	const texts = values.map((entry) => String(entry));
	if (column.type === 'MULTI_CONTACT_LIST') {
		return {
			objectType: 'MULTI_CONTACT',
			values: texts.map((email) => ({ objectType: 'CONTACT', email })),
		};
	}
	if (column.type === 'MULTI_PICKLIST') return { objectType: 'MULTI_PICKLIST', values: texts };
	throw new InvalidInput(`Column "${column.title}" takes one value, not a list`);
}

interface DateTimeLike {
	toISO(): string | null;
	toISODate(): string | null;
}

/** n8n hands dateTime fields over as Luxon DateTimes (not a dependency of this package: duck-typed). */
function isDateTime(value: unknown): value is DateTimeLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as Partial<DateTimeLike>).toISODate === 'function'
	);
}

/**
 * Update: how the item finds its row. Version 1, and version 2 matched on the Row ID: the row ID
 * (the mapper's, or the item's `id` when mapping automatically). Version 2 matched on a column:
 * that column's title, whose value in the item names the row.
 */
export function updateTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { rowId: string } | { keyColumn: string } {
	if (!usesColumnMapper(ctx))
		return { rowId: idOf(ctx.getNodeParameter('rowId', itemIndex), 'Row ID') };
	const [matchOn = ROW_ID_FIELD] = ctx.getNodeParameter(
		'columns.matchingColumns',
		itemIndex,
		[],
	) as string[];
	if (matchOn !== ROW_ID_FIELD) return { keyColumn: matchOn };
	const source = mapsAutomatically(ctx, itemIndex)
		? ctx.getInputData()[itemIndex].json
		: mappedValues(ctx, itemIndex);
	return { rowId: idOf(source[ROW_ID_FIELD], 'Row') };
}

/** Create or Update: the title (or ID) of the column that identifies a row. */
export function keyColumnName(ctx: IExecuteFunctions, itemIndex: number): string {
	if (!usesColumnMapper(ctx)) return String(ctx.getNodeParameter('keyColumn', itemIndex)).trim();
	const [matchOn] = ctx.getNodeParameter('columns.matchingColumns', itemIndex, []) as string[];
	if (!matchOn) throw new InvalidInput('Choose the Column to Match On');
	return matchOn;
}
