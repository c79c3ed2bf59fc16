// Cell history: every value a cell has had, newest first, offset-paged. Smartsheet calls it
// resource intensive and counts it 10 against the rate limit, so the route weighs 10.
// Row adds and updates record each change here (setCell / recordNewRow).
import type { Answer, RequestContext, Route } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import type { Cell, CellChange, Column, Row, Sheet } from '../state';
import { evaluateFormula } from './formulas';
import { paged } from './paging';
import { flag, words } from './query';
import { caller, rowOf } from './sheetParts';
import { displayValue, stamp } from './shapes';
import { sheetOf } from './sheets';

export const CELL_HISTORY_WEIGHT = 10;

function changeOf(
	emulator: Emulator,
	column: Column,
	cell: Cell | undefined,
	at: number,
): CellChange {
	const value = cell?.formula !== undefined ? evaluateFormula(cell.formula) : cell?.value;
	const display = value === undefined ? undefined : displayValue(column, value, emulator);
	return {
		...(value !== undefined ? { value } : {}),
		...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
		...(display !== undefined ? { displayValue: display } : {}),
		modifiedAt: at,
		modifiedBy: caller(emulator),
	};
}

/**
 * The cell's recorded history. A cell set before the emulator recorded anything (seeded or
 * generated rows) starts with one entry: its value when the row was created.
 */
function historyOf(emulator: Emulator, row: Row, column: Column): CellChange[] {
	const recorded = row.history?.get(column.id);
	if (recorded) return recorded;
	const cell = row.cells.get(column.id);
	return cell ? [changeOf(emulator, column, cell, row.createdAt)] : [];
}

/** Sets (or clears, with null) one cell of a row and records the change in its history. */
export function setCell(
	emulator: Emulator,
	sheet: Sheet,
	row: Row,
	columnId: string,
	cell: Cell | null,
	at: number,
): void {
	const column = sheet.columns.find((candidate) => candidate.id === columnId)!;
	const before = row.cells.get(columnId);
	if (before?.value === cell?.value && before?.formula === cell?.formula) return; // saved unchanged: no new entry
	const history = historyOf(emulator, row, column);
	if (cell) row.cells.set(columnId, cell);
	else row.cells.delete(columnId);
	(row.history ??= new Map()).set(columnId, [
		...history,
		changeOf(emulator, column, cell ?? undefined, at),
	]);
}

/** A new row's cells are its first history entries. */
export function recordNewRow(emulator: Emulator, sheet: Sheet, row: Row): void {
	for (const column of sheet.columns) {
		const cell = row.cells.get(column.id);
		if (cell)
			(row.history ??= new Map()).set(column.id, [changeOf(emulator, column, cell, row.createdAt)]);
	}
}

function getCellHistory(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const row = rowOf(sheet, ctx.params.rowId);
	const column = sheet.columns.find((candidate) => candidate.id === ctx.params.columnId);
	if (!column) throw new ApiError(1006);
	const options = { numericDates: flag(ctx.query, 'numericDates') };
	const withType = words(ctx.query, 'include').has('columnType');
	const newestFirst = [...historyOf(ctx.emulator, row, column)].reverse();
	const data = newestFirst.map((change) => ({
		columnId: column.id,
		...(withType ? { columnType: column.type } : {}),
		...(change.value !== undefined ? { value: change.value } : {}),
		...(change.displayValue !== undefined ? { displayValue: change.displayValue } : {}),
		...(change.formula !== undefined ? { formula: change.formula } : {}),
		modifiedAt: stamp(change.modifiedAt, options),
		modifiedBy: change.modifiedBy,
	}));
	return { body: paged(data, ctx.query) };
}

export const cellHistoryRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history',
		scope: 'READ_SHEETS',
		weight: CELL_HISTORY_WEIGHT,
		handler: getCellHistory,
	},
];
