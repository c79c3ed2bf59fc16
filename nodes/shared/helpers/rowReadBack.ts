// Reads back rows after a write whose answer was lost, to tell whether it happened. Added rows:
// the sheet's rows modified since just before the request (Smartsheet's own clock, with a margin),
// only the columns sent, every page, each row once. Updated rows: their current cells.
// https://developers.smartsheet.com/api/smartsheet/openapi/sheets/getsheet (rowsModifiedSince, columnIds, rowIds)
import type { IDataObject } from 'n8n-workflow';

import { hasRowList, type SmartsheetClient } from '../transport';
import { atShortPageOrNothingNew, collect, pageNumbers, pages, uniqueById } from './pager';

const ROWS_PER_PAGE = 500;

/** Every row of the sheet modified after `sinceMs` (server time), with only `columnIds`. */
export async function rowsModifiedSince(
	client: SmartsheetClient,
	sheetId: string,
	sinceMs: number,
	columnIds: string[],
	operation: string,
): Promise<IDataObject[]> {
	return await readRows(
		client,
		sheetId,
		{ rowsModifiedSince: new Date(sinceMs).toISOString(), columnIds: columnIds.join(',') },
		operation,
	);
}

/** The rows with these IDs as they are now (those that still exist), with only `columnIds`. */
export async function currentRows(
	client: SmartsheetClient,
	sheetId: string,
	rowIds: string[],
	columnIds: string[],
	operation: string,
): Promise<IDataObject[]> {
	return await readRows(
		client,
		sheetId,
		{ rowIds: rowIds.join(','), columnIds: columnIds.join(',') },
		operation,
	);
}

async function readRows(
	client: SmartsheetClient,
	sheetId: string,
	filter: IDataObject,
	operation: string,
): Promise<IDataObject[]> {
	const fetchPage = async (paging: IDataObject) =>
		await client.request<{ rows: IDataObject[] }>({
			method: 'GET',
			path: `/sheets/${sheetId}`,
			qs: { ...filter, ...paging },
			operation,
			expect: hasRowList,
		});
	const style = pageNumbers(ROWS_PER_PAGE, atShortPageOrNothingNew(ROWS_PER_PAGE));
	return uniqueById(await collect(pages(fetchPage, style, (sheet) => sheet.rows)));
}

/** Whether the row holds every cell as it was sent (value, formula, link). */
export function holdsCells(row: IDataObject, sent: IDataObject[]): boolean {
	const cells = new Map(
		((row.cells as IDataObject[] | undefined) ?? []).map((cell) => [String(cell.columnId), cell]),
	);
	return sent.every((wanted) => {
		const cell = cells.get(String(wanted.columnId)) ?? {};
		if (wanted.formula !== undefined) return cell.formula === wanted.formula;
		const link = (wanted.hyperlink as IDataObject | undefined)?.url;
		if (link !== undefined && (cell.hyperlink as IDataObject | undefined)?.url !== link)
			return false;
		const value = comparable(wanted.value);
		return comparable(cell.value) === value || comparable(cell.displayValue) === value;
	});
}

function comparable(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}
