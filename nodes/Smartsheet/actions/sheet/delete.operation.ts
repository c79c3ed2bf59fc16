import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		await client.request({ method: 'DELETE', path: `/sheets/${sheetId}`, sheetId, operation });
		return { id: sheetId, deleted: true };
	});
}
