import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	allItems,
	type ItemResult,
	rowIdField,
	sheetIdOf,
	SheetSchemas,
	type SmartsheetClient,
	writeRowsInBulk,
} from '../../../shared';
import { rowIdToUpdate } from './mappedCells';
import { cellFields, readCells, readRowOptions, rowOutput, VERSION_1 } from './rowFields';

const rowId = rowIdField('update');

export const description: INodeProperties[] = [
	{ ...rowId, displayOptions: { show: { ...rowId.displayOptions?.show, ...VERSION_1 } } },
	...cellFields('update'),
];

/** Updates the row each item names, 500 rows a request; a rejected row fails alone. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	return await writeRowsInBulk(client, allItems(items.length), 'PUT', operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const rowId = rowIdToUpdate(this, item);
		const columns = await schemas.columns(sheetId, operation);
		const options = readRowOptions(this, item);
		return {
			sheetId,
			row: { id: rowId, cells: readCells(this, item, columns, options) },
			output: rowOutput(columns, options),
		};
	});
}
