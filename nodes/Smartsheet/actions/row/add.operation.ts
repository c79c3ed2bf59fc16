import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { allItems } from '../../helpers/batchWriter';
import { writeRowsInBulk } from '../../helpers/bulkRows';
import type { ItemResult } from '../../helpers/interfaces';
import { SheetSchemas } from '../../helpers/sheetSchema';
import type { SmartsheetClient } from '../../transport';
import { sheetIdOf } from '../sheetId';
import { cellFields, readCells, readRowOptions, rowOutput } from './rowFields';

export const description: INodeProperties[] = [
	...cellFields('add'),
];

/** One row per item, sent 500 at a time; rows Smartsheet rejects fail alone (Payload output). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	return await writeRowsInBulk(client, allItems(items.length), 'POST', 'row:add', async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columns = await schemas.columns(sheetId, 'row:add');
		const options = readRowOptions(this, item);
		return { sheetId, row: { toBottom: true, cells: readCells(this, item, columns, options) }, output: rowOutput(columns, options) };
	});
}
