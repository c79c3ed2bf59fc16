import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	type Column,
	flattenRow,
	type ItemResult,
	locatedId,
	perItem,
	reportPages,
	type SmartsheetClient,
} from '../../../shared';
import { limitFields, readLimit } from '../limitFields';

const show = { resource: ['report'], operation: ['get'] };

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
				description:
					'Whether to keep rows as Smartsheet returns them instead of flat {column title: value} objects',
			},
		],
	},
];

/**
 * The report with its columns and rows (all pages, or up to the limit). Rows are flattened to
 * {id, rowNumber, sheetId, <column title>: value}; sheetId names the source sheet of each row.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const reportId = locatedId(this, 'reportId', item, 'Report');
		const limit = readLimit(this, item);
		const raw = (this.getNodeParameter('reportOptions', item, {}) as IDataObject).raw === true;
		const { report, rows } = await reportPages(client, reportId, limit, operation);
		if (raw) return { ...report, rows };
		const columns = ((report.columns as IDataObject[] | undefined) ?? []).map(
			(column): Column => ({ id: String(column.virtualId), title: String(column.title) }),
		);
		return {
			...report,
			rows: rows.map((row) => ({
				id: row.id,
				rowNumber: row.rowNumber,
				sheetId: row.sheetId,
				...flattenRow(row, columns, 'virtualColumnId'),
			})),
		};
	});
}
