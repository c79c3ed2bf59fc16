import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	allItems,
	type ItemResult,
	sheetIdOf,
	SheetSchemas,
	type SmartsheetClient,
	writeRowsInBulk,
} from '../../../shared';
import { cellFields, readCells, readRowOptions, rowOutput } from './rowFields';

export const description: INodeProperties[] = [...cellFields('add')];

/** One row per item, sent 500 at a time; rows Smartsheet rejects fail alone (Payload output). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	return await writeRowsInBulk(client, allItems(items.length), 'POST', operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columns = await schemas.columns(sheetId, operation);
		const options = readRowOptions(this, item);
		return {
			sheetId,
			row: { toBottom: true, cells: readCells(this, item, columns, options) },
			output: rowOutput(columns, options),
		};
	});
}
