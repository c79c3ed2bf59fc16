import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import { flattenRow, type Column } from '../../helpers/sheetSchema';
import type { SmartsheetClient } from '../../transport';
import { sheetIdOf } from '../sheetId';

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'sheetOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['sheet'], operation: ['get'] } },
		options: [
			{
				displayName: 'Rows Modified Since',
				name: 'rowsModifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only rows changed after this moment',
			},
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

/** The sheet with its columns and rows (rows flattened to {column title: value}). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'sheet:get', async (item) => {
		const sheetId = sheetIdOf(this, item);
		const options = this.getNodeParameter('sheetOptions', item, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.rowsModifiedSince) qs.rowsModifiedSince = new Date(String(options.rowsModifiedSince)).toISOString();
		const sheet = await client.request<IDataObject>({ method: 'GET', path: `/sheets/${sheetId}`, qs, operation: 'sheet:get' });
		const columns = (sheet.columns as Column[] | undefined) ?? [];
		if (options.raw === true) return sheet;
		return { ...sheet, rows: ((sheet.rows as IDataObject[] | undefined) ?? []).map((row) => flattenRow(row, columns)) };
	});
}
