// Finds rows by the value in a key column (Create or Update, and Update matched on a column):
// the sheet is read once per execution and key column (not search: its index lags), and rows this
// execution creates are added, so a later item with the same key finds its row.
import type { IDataObject } from 'n8n-workflow';

import { InvalidInput, type Column, type SmartsheetClient } from '../../../shared';
import { allRows } from '../../helpers/sheetRows';

export class RowKeys {
	private readonly indexes = new Map<string, Promise<Map<string, string>>>();

	constructor(
		private readonly client: SmartsheetClient,
		private readonly operation: string,
	) {}

	/** The first row of each key value in the column, by value. */
	async index(sheetId: string, columnId: string): Promise<Map<string, string>> {
		const cacheKey = `${sheetId}:${columnId}`;
		let pending = this.indexes.get(cacheKey);
		if (!pending) {
			pending = allRows(this.client, sheetId, this.operation).then((rows) =>
				rowIdsByKey(rows, columnId),
			);
			this.indexes.set(cacheKey, pending);
		}
		return await pending;
	}

	/** The row whose value in the key column is the one the item writes there; none is bad input. */
	async rowWith(
		sheetId: string,
		columns: Column[],
		keyName: string,
		cells: IDataObject[],
	): Promise<string> {
		const keyColumn = keyColumnOf(columns, keyName);
		const keyValue = keyValueOf(cells, keyColumn);
		const rowId = (await this.index(sheetId, keyColumn.id)).get(keyValue);
		if (!rowId)
			throw new InvalidInput(`No row has "${keyValue}" in the column "${keyColumn.title}"`);
		return rowId;
	}
}

/** The key column named by title or ID, or bad input. */
export function keyColumnOf(columns: Column[], keyName: string): Column {
	const keyColumn = columns.find((column) => column.title === keyName || column.id === keyName);
	if (!keyColumn) throw new InvalidInput(`The sheet has no key column "${keyName}"`);
	return keyColumn;
}

/** The item's value for the key column, from the cells it writes. */
export function keyValueOf(cells: IDataObject[], keyColumn: Column): string {
	const keyCell = cells.find((cell) => cell.columnId === keyColumn.id);
	if (keyCell?.value === undefined || keyCell.value === null || keyCell.value === '')
		throw new InvalidInput(`The item has no value for the key column "${keyColumn.title}"`);
	return String(keyCell.value);
}

function rowIdsByKey(rows: IDataObject[], columnId: string): Map<string, string> {
	const index = new Map<string, string>();
	for (const row of rows) {
		const cell = ((row.cells as IDataObject[] | undefined) ?? []).find(
			(candidate) => String(candidate.columnId) === columnId,
		);
		if (cell?.value !== undefined && cell.value !== null && !index.has(String(cell.value)))
			index.set(String(cell.value), String(row.id));
	}
	return index;
}
