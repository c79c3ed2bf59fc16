import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { columnIdField } from './columnFields';

export const description: INodeProperties[] = [columnIdField('delete')];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columnId = idOf(this.getNodeParameter('columnId', item), 'Column');
		await client.request({
			method: 'DELETE',
			path: `/sheets/${sheetId}/columns/${columnId}`,
			sheetId,
			operation,
		});
		return { id: columnId, deleted: true };
	});
}
