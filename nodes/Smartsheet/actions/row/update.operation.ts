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
import { updateTarget } from './mappedCells';
import { RowKeys } from './rowKeys';
import { cellFields, readCells, readRowOptions, rowOutput, VERSION_1 } from './rowFields';

const rowId = rowIdField('update');

export const description: INodeProperties[] = [
	{ ...rowId, displayOptions: { show: { ...rowId.displayOptions?.show, ...VERSION_1 } } },
	...cellFields('update'),
];

/**
 * Updates the row each item names (by row ID, or by its value in the column matched on), 500 rows
 * a request; a rejected row fails alone, and so does an item whose value no row has.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	const rowKeys = new RowKeys(client, operation);
	return await writeRowsInBulk(client, allItems(items.length), 'PUT', operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const target = updateTarget(this, item);
		const columns = await schemas.columns(sheetId, operation);
		const options = readRowOptions(this, item);
		const cells = readCells(this, item, columns, options);
		const id =
			'rowId' in target
				? target.rowId
				: await rowKeys.rowWith(sheetId, columns, target.keyColumn, cells);
		return { sheetId, row: { id, cells }, output: rowOutput(columns, options) };
	});
}
