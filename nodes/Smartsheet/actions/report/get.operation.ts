import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import { flattenRow, type Column } from '../../helpers/sheetSchema';
import type { SmartsheetClient } from '../../transport';
import { limitFields, readLimit } from '../limitFields';
import { locatedId } from '../locators';

const show = { resource: ['report'], operation: ['get'] };
/** Smartsheet returns at most 10,000 report rows per request. */
const MAX_PAGE_SIZE = 10_000;
/** The highest level reports know: multi-contact and multi-picklist columns keep their types. */
const REPORT_LEVEL = 3;

export const description: INodeProperties[] = [
	...limitFields(show),
	{
		displayName: 'Options',
		name: 'reportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Raw Rows',
				name: 'raw',
				type: 'boolean',
				default: false,
				description: 'Whether to keep rows as Smartsheet returns them instead of flat {column title: value} objects',
			},
		],
	},
];

/**
 * The report with its columns and rows (all pages, or up to the limit). Rows are flattened to
 * {id, rowNumber, sheetId, <column title>: value}; sheetId names the source sheet of each row.
 */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'report:get', async (item) => {
		const reportId = locatedId(this, 'reportId', item, 'Report');
		const limit = readLimit(this, item);
		const raw = (this.getNodeParameter('reportOptions', item, {}) as IDataObject).raw === true;
		const { report, rows } = await reportPages(client, reportId, limit);
		if (raw) return { ...report, rows };
		const columns = ((report.columns as IDataObject[] | undefined) ?? []).map((column): Column => ({ id: String(column.virtualId), title: String(column.title) }));
		return { ...report, rows: rows.map((row) => ({ id: row.id, rowNumber: row.rowNumber, sheetId: row.sheetId, ...flattenRow(row, columns, 'virtualColumnId') })) };
	});
}

/** Reads the report page by page until every row (or `limit` rows) has arrived. */
export async function reportPages(client: SmartsheetClient, reportId: string, limit?: number, operation = 'report:get'): Promise<{ report: IDataObject; rows: IDataObject[] }> {
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
		if (pageRows.length < pageSize || rows.length >= total || (limit !== undefined && rows.length >= limit)) {
			return { report, rows: limit === undefined ? rows : rows.slice(0, limit) };
		}
	}
}
