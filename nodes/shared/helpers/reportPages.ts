import type { IDataObject } from 'n8n-workflow';

import type { SmartsheetClient } from '../transport';

/** Smartsheet returns at most 10,000 report rows per request. */
const MAX_PAGE_SIZE = 10_000;
/** The highest level reports know: multi-contact and multi-picklist columns keep their types. */
const REPORT_LEVEL = 3;

/** Reads the report page by page until every row (or `limit` rows) has arrived. */
export async function reportPages(
	client: SmartsheetClient,
	reportId: string,
	limit: number | undefined,
	operation: string,
): Promise<{ report: IDataObject; rows: IDataObject[] }> {
	const pageSize = Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	const rows: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const report = await client.request<IDataObject>({
			method: 'GET',
			path: `/reports/${reportId}`,
			qs: { page, pageSize, level: REPORT_LEVEL },
			operation,
		});
		const pageRows = (report.rows as IDataObject[] | undefined) ?? [];
		rows.push(...pageRows);
		const total = typeof report.totalRowCount === 'number' ? report.totalRowCount : rows.length;
		// A page past the end repeats the last one, so stop on a short page or at the total.
		if (
			pageRows.length < pageSize ||
			rows.length >= total ||
			(limit !== undefined && rows.length >= limit)
		) {
			return { report, rows: limit === undefined ? rows : rows.slice(0, limit) };
		}
	}
}
