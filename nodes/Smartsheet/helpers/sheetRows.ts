// All rows of a sheet, page by page (Smartsheet pages rows inside GET /sheets/{id}).
import type { IDataObject } from 'n8n-workflow';

import {
	atShortPageOrAllRows,
	collect,
	hasRowList,
	pageNumbers,
	pages,
	type SmartsheetClient,
} from '../../shared';

const ROWS_PER_PAGE = 500;

export async function allRows(
	client: SmartsheetClient,
	sheetId: string,
	operation: string,
): Promise<IDataObject[]> {
	const fetchPage = async (paging: IDataObject) =>
		await client.request<{ rows?: IDataObject[]; totalRowCount?: number }>({
			method: 'GET',
			path: `/sheets/${sheetId}`,
			qs: { ...paging, exclude: 'nonexistentCells' },
			operation,
			expect: hasRowList,
		});
	return await collect(
		pages(
			fetchPage,
			pageNumbers(ROWS_PER_PAGE, atShortPageOrAllRows(ROWS_PER_PAGE)),
			(sheet) => sheet.rows,
		),
	);
}
