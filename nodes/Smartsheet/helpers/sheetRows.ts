// All rows of a sheet, page by page (Smartsheet pages rows inside GET /sheets/{id}).
import type { IDataObject } from 'n8n-workflow';

import { hasRowList, type SmartsheetClient } from '../transport';

const ROWS_PER_PAGE = 500;

export async function allRows(client: SmartsheetClient, sheetId: string, operation: string): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const sheet = await client.request<{ rows?: IDataObject[]; totalRowCount?: number }>({
			method: 'GET',
			path: `/sheets/${sheetId}`,
			qs: { page, pageSize: ROWS_PER_PAGE, exclude: 'nonexistentCells' },
			operation,
			expect: hasRowList,
		});
		const pageRows = sheet.rows ?? [];
		rows.push(...pageRows);
		if (pageRows.length < ROWS_PER_PAGE || rows.length >= (sheet.totalRowCount ?? rows.length)) return rows;
	}
}
