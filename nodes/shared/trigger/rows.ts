// Rows of the watched sheet as flat {id, rowNumber, <column title>: value} objects, fetched through
// the transport: the rows a callback names, or the rows modified since a moment (polling).
import type { IDataObject } from 'n8n-workflow';

import { chunksOf } from '../helpers/bulkRows';
import { atShortPageOrNothingNew, collect, pageNumbers, pages, uniqueById } from '../helpers/pager';
import { flattenRow, type Column } from '../helpers/sheetSchema';
import type { SmartsheetClient } from '../transport';

const IDS_PER_REQUEST = 100; // keeps the query string short
const ROWS_PER_PAGE = 500;

interface SheetAnswer {
	columns?: Column[];
	rows?: IDataObject[];
}

/** The named rows that still exist, by ID (a deleted row is simply absent). */
export async function rowsById(
	client: SmartsheetClient,
	sheetId: string,
	rowIds: string[],
	operation: string,
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	for (const ids of chunksOf([...new Set(rowIds)], IDS_PER_REQUEST)) {
		const sheet = await client.request<SheetAnswer>({
			method: 'GET',
			path: `/sheets/${sheetId}`,
			qs: { rowIds: ids.join(','), exclude: 'nonexistentCells' },
			operation,
		});
		for (const row of sheet.rows ?? [])
			found.set(String(row.id), flattenRow(row, sheet.columns ?? []));
	}
	return found;
}

export interface ModifiedRow {
	id: string;
	createdAt: string;
	modifiedAt: string;
	/** The cells as Smartsheet sent them, to tell two changes within one second apart. */
	cells: unknown;
	flat: IDataObject;
	/** The email of who last modified the row (only when asked for with `writerInfo`). */
	modifiedBy?: string;
}

/** Every row modified after `since` (ISO-8601, to the second), all pages; `writerInfo` adds who modified each. */
export async function rowsModifiedSince(
	client: SmartsheetClient,
	sheetId: string,
	since: string,
	operation: string,
	writerInfo = false,
): Promise<ModifiedRow[]> {
	const fetchPage = async (paging: IDataObject) =>
		await client.request<SheetAnswer>({
			method: 'GET',
			path: `/sheets/${sheetId}`,
			qs: {
				rowsModifiedSince: since,
				exclude: 'nonexistentCells',
				...paging,
				...(writerInfo ? { include: 'writerInfo' } : {}),
			},
			operation,
		});
	const modifiedRows = (sheet: SheetAnswer): ModifiedRow[] =>
		(sheet.rows ?? []).map((row) => ({
			id: String(row.id),
			createdAt: String(row.createdAt),
			modifiedAt: String(row.modifiedAt),
			cells: row.cells,
			flat: flattenRow(row, sheet.columns ?? []),
			...(writerInfo
				? { modifiedBy: String((row.modifiedBy as IDataObject | undefined)?.email ?? '') }
				: {}),
		}));
	return uniqueById(
		await collect(
			pages(
				fetchPage,
				pageNumbers(ROWS_PER_PAGE, atShortPageOrNothingNew(ROWS_PER_PAGE)),
				modifiedRows,
			),
		),
	);
}
