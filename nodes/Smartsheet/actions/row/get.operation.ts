import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	idOf,
	type ItemResult,
	perItem,
	rowIdField,
	sheetIdOf,
	SheetSchemas,
	type SmartsheetClient,
} from '../../../shared';
import { readRowOptions, rowOutput } from './rowFields';

export const description: INodeProperties[] = [
	rowIdField('get'),
	{
		displayName: 'Row Options',
		name: 'rowOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['row'], operation: ['get'] } },
		options: [
			{
				displayName: 'Raw Rows',
				name: 'raw',
				type: 'boolean',
				default: false,
				description:
					'Whether to output the row as Smartsheet returns it instead of a flat {column title: value} object',
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const rowId = idOf(this.getNodeParameter('rowId', item), 'Row ID');
		const row = await client.request<IDataObject>({
			method: 'GET',
			path: `/sheets/${sheetId}/rows/${rowId}`,
			operation,
		});
		const columns = await schemas.columns(sheetId, operation);
		return rowOutput(columns, readRowOptions(this, item))(row);
	});
}
