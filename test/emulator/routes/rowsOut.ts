import type { Row, Sheet } from '../state';

/** A row as Smartsheet returns it: cells in column order, with display values. */
export function rowOut(sheet: Sheet, row: Row, rowNumber: number, columnIds: string[] = []) {
	const cells = sheet.columns
		.filter((column) => !columnIds.length || columnIds.includes(column.id))
		.map((column) => {
			const cell = row.cells.get(column.id);
			const value = cell?.formula ? evaluateFormula(cell.formula) : cell?.value;
			return {
				columnId: column.id,
				...(value !== undefined ? { value, displayValue: String(value) } : {}),
				...(cell?.formula ? { formula: cell.formula } : {}),
			};
		});
	return { id: row.id, sheetId: sheet.id, rowNumber, expanded: true, createdAt: row.createdAt, modifiedAt: row.modifiedAt, cells };
}

/** The emulator does not compute formulas; it shows them as Smartsheet shows a result it cannot. */
function evaluateFormula(formula: string): string {
	return `#CALC ${formula}`;
}
