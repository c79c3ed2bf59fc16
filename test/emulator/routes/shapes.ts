// Sheets, columns and rows as Smartsheet writes them in JSON: field names from the
// Sheet/Column/Row/Cell schemas, timestamps to the second, IDs as digit strings (bare on the wire).
import type { Emulator } from '../emulator';
import { isoSeconds, type Column, type Row, type Sheet } from '../state';
import { evaluateFormula } from './formulas';
import { caller } from './sheetParts';

export interface ShapeOptions {
	/** numericDates=true: timestamps as epoch milliseconds. */
	numericDates?: boolean;
	/** Only these columns' cells (columnIds=…). */
	columnIds?: Set<string>;
	/** exclude=nonexistentCells: leave out cells that were never set. */
	excludeNonexistentCells?: boolean;
	/** include=rowPermalink. */
	rowPermalink?: boolean;
	/** include=writerInfo: createdBy and modifiedBy on rows. */
	writerInfo?: boolean;
}

export function stamp(ms: number, options: ShapeOptions = {}): string | number {
	return options.numericDates ? ms : isoSeconds(ms);
}

export function sheetSummary(emulator: Emulator, sheet: Sheet, options: ShapeOptions = {}) {
	return {
		id: sheet.id,
		name: sheet.name,
		accessLevel: emulator.state.accessLevel(sheet.id),
		permalink: `https://app.smartsheet.com/sheets/${sheet.id}`,
		createdAt: stamp(sheet.createdAt, options),
		modifiedAt: stamp(sheet.modifiedAt, options),
	};
}

export function columnOut(column: Column, index: number) {
	return {
		id: column.id,
		version: 0,
		index,
		title: column.title,
		type: column.type,
		...(column.primary ? { primary: true } : {}),
		...(column.options ? { options: column.options } : {}),
		validation: false,
		width: 150,
	};
}

export interface Place {
	rowNumber: number;
	/** The row just above it under the same parent. */
	siblingId?: string;
}

/** Where the row at `index` stands: its number, and its previous sibling (found walking up). */
export function placeAt(sheet: Sheet, index: number): Place {
	const row = sheet.rows[index];
	for (let i = index - 1; i >= 0; i--) {
		const candidate = sheet.rows[i];
		if (candidate.id === row.parentId) break; // reached the parent: no sibling before it
		if (candidate.parentId === row.parentId)
			return { rowNumber: index + 1, siblingId: candidate.id };
	}
	return { rowNumber: index + 1 };
}

/** Places of some rows of the sheet (one pass, whatever their number). */
export function placesOf(sheet: Sheet, rows: Row[]): Place[] {
	const wanted = new Set(rows.map((row) => row.id));
	const indexes = new Map<string, number>();
	sheet.rows.forEach((row, index) => wanted.has(row.id) && indexes.set(row.id, index));
	return rows.map((row) => placeAt(sheet, indexes.get(row.id)!));
}

export function rowOut(
	sheet: Sheet,
	row: Row,
	place: Place,
	options: ShapeOptions = {},
	emulator?: Emulator,
) {
	const cells = [];
	for (const column of sheet.columns) {
		if (options.columnIds && !options.columnIds.has(column.id)) continue;
		const cell = row.cells.get(column.id);
		const value = cell?.formula !== undefined ? evaluateFormula(cell.formula) : cell?.value;
		if (value === undefined && cell?.formula === undefined) {
			if (!options.excludeNonexistentCells) cells.push({ columnId: column.id });
			continue;
		}
		const display = value === undefined ? undefined : displayValue(column, value, emulator);
		cells.push({
			columnId: column.id,
			...(value !== undefined ? { value } : {}),
			...(display !== undefined ? { displayValue: display } : {}),
			...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
			...(cell?.hyperlink ? { hyperlink: cell.hyperlink } : {}),
		});
	}
	return {
		id: row.id,
		sheetId: sheet.id,
		rowNumber: place.rowNumber,
		...(row.parentId ? { parentId: row.parentId } : {}),
		...(place.siblingId ? { siblingId: place.siblingId } : {}),
		expanded: true,
		...(options.rowPermalink
			? { permalink: `https://app.smartsheet.com/sheets/${sheet.id}?rowId=${row.id}` }
			: {}),
		createdAt: stamp(row.createdAt, options),
		modifiedAt: stamp(row.modifiedAt, options),
		...(options.writerInfo && emulator
			? {
					createdBy: row.createdBy ?? caller(emulator),
					modifiedBy: row.modifiedBy ?? caller(emulator),
				}
			: {}),
		cells,
	};
}

/** What the UI shows: the text for text, numbers and picklists, a contact's name; none for checkboxes and dates. */
export function displayValue(
	column: Column,
	value: string | number | boolean,
	emulator?: Emulator,
): string | undefined {
	if (
		column.type === 'CHECKBOX' ||
		column.type === 'DATE' ||
		column.type === 'DATETIME' ||
		column.type === 'ABSTRACT_DATETIME'
	)
		return undefined;
	if (column.type === 'CONTACT_LIST' && typeof value === 'string') {
		const user = emulator?.state.users.find(
			(candidate) => candidate.email.toLowerCase() === value.toLowerCase(),
		);
		if (user) return `${user.firstName} ${user.lastName}`;
	}
	return String(value);
}
