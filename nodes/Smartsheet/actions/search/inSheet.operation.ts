import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, sheetIdOf, sheetPicker, type SmartsheetClient } from '../../../shared';
import { runSearch, searchFields } from './searchFields';

export const description: INodeProperties[] = [
	sheetPicker('search', ['inSheet']),
	...searchFields('inSheet'),
];

/** One item per matching row of the sheet (objectId is the row ID). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await runSearch(
		this,
		client,
		items,
		operation,
		async (item, query) =>
			await client.request({
				method: 'GET',
				path: `/search/sheets/${sheetIdOf(this, item)}`,
				qs: { query },
				operation,
			}),
	);
}
