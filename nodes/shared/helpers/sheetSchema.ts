// Column titles ↔ IDs of a sheet, fetched once per sheet per execution, so builders can address
// cells by title and get rows back as flat {title: value} objects.
import type { IDataObject } from 'n8n-workflow';

import type { SmartsheetClient } from '../transport';
import { InvalidInput } from './perItem';

export interface Column {
	id: string;
	title: string;
	type?: string;
	primary?: boolean;
}

/**
 * Every column, with multi-select and multi-contact columns under their own types: without level=2
 * Smartsheet reports them as TEXT_NUMBER.
 * https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/complex-column-types-and-compatibility
 */
export const COLUMN_QUERY = { includeAll: true, level: 2 };

export class SheetSchemas {
	private readonly columnsBySheet = new Map<string, Promise<Column[]>>();

	constructor(private readonly client: SmartsheetClient) {}

	async columns(sheetId: string, operation: string): Promise<Column[]> {
		let pending = this.columnsBySheet.get(sheetId);
		if (!pending) {
			pending = this.client
				.request<{
					data: Column[];
				}>({ method: 'GET', path: `/sheets/${sheetId}/columns`, qs: COLUMN_QUERY, operation })
				.then((page) => page.data ?? []);
			pending.catch(() => this.columnsBySheet.delete(sheetId));
			this.columnsBySheet.set(sheetId, pending);
		}
		return await pending;
	}
}

export interface CellOptions {
	strict: boolean;
	formulas: boolean;
}

/**
 * Fields a flat row (or an item built from one) carries for the row itself, never for a cell. A
 * column of such a title appears as `<title> (column)`, so `{{ $json.id }}` is always the row's ID.
 */
const ROW_FIELDS = new Set(['id', 'rowNumber', 'sheetId', 'reconciled', 'smartsheetFailure']);
// n8n copies items without these keys (deepCopy in n8n-workflow skips them): renamed the same way.
const UNCOPIED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The flat row's field for a column: its title, or `<title> (column)` when the title is taken. */
export function fieldNameOf(title: string): string {
	return ROW_FIELDS.has(title) || UNCOPIED_KEYS.has(title) ? `${title} (column)` : title;
}

/** Cells from an item's fields whose names are column titles (or column IDs). */
export function cellsFromFields(
	fields: IDataObject,
	columns: Column[],
	options: CellOptions,
): IDataObject[] {
	const byKey = new Map<string, Column>();
	for (const column of columns) {
		byKey.set(column.title, column);
		byKey.set(fieldNameOf(column.title), column);
		byKey.set(column.id, column);
	}
	const cells: IDataObject[] = [];
	for (const [key, value] of Object.entries(fields)) {
		if (ROW_FIELDS.has(key)) continue;
		const column = byKey.get(key);
		if (column) cells.push(cell(column.id, value, options));
	}
	if (cells.length === 0) {
		throw new InvalidInput(
			`None of the item's fields matches a column of the sheet (columns: ${columns.map((c) => c.title).join(', ')})`,
		);
	}
	return cells;
}

/** Cells from the node's "Cells" list: each names a column by title or ID. */
export function cellsFromList(
	entries: IDataObject[],
	columns: Column[],
	options: CellOptions,
): IDataObject[] {
	return entries.map((entry) => {
		const key = String(entry.column ?? '');
		const column = columns.find((candidate) => candidate.id === key || candidate.title === key);
		if (!column) throw new InvalidInput(`The sheet has no column "${key}"`);
		const formula = String(entry.formula ?? '').trim();
		if (formula)
			return { columnId: column.id, formula: formula.startsWith('=') ? formula : `=${formula}` };
		const url = String(entry.hyperlink ?? '').trim();
		// A link's text is the value; without one Smartsheet shows the URL itself.
		if (url)
			return {
				...cell(
					column.id,
					entry.value === '' || entry.value === undefined ? url : entry.value,
					options,
				),
				hyperlink: { url },
			};
		return cell(column.id, entry.value, options);
	});
}

/** One cell of a value: a formula when it starts with "=" (and formulas are on), else the value. */
export function cell(columnId: string, value: unknown, options: CellOptions): IDataObject {
	if (options.formulas && typeof value === 'string' && value.startsWith('=')) {
		return { columnId, formula: value };
	}
	if (value !== null && typeof value === 'object') {
		throw new InvalidInput(`Cell values must be text, numbers or booleans (column ${columnId})`);
	}
	return { columnId, value: value ?? '', ...(options.strict ? {} : { strict: false }) };
}

/**
 * A Smartsheet row as a flat object: id, rowNumber and one field per column title (renamed where
 * a title is taken, see fieldNameOf). Report rows name their cells' columns by `virtualColumnId`
 * (and the columns are the report's virtual ones).
 */
export function flattenRow(
	row: IDataObject,
	columns: Column[],
	cellColumnKey: 'columnId' | 'virtualColumnId' = 'columnId',
): IDataObject {
	const titles = new Map(columns.map((column) => [column.id, column.title]));
	const flat: IDataObject = { id: row.id, rowNumber: row.rowNumber };
	for (const cellData of (row.cells as IDataObject[] | undefined) ?? []) {
		const title = titles.get(String(cellData[cellColumnKey])) ?? String(cellData[cellColumnKey]);
		// defineProperty: an own, ordinary field whatever the title (plain assignment treats some specially).
		Object.defineProperty(flat, fieldNameOf(title), {
			value: cellData.value ?? null,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return flat;
}
