import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';

export const description: INodeProperties[] = [];

/** The sheet's version number: a cheap way to see whether anything changed since last time. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const answer = await client.request<IDataObject>({
			method: 'GET',
			path: `/sheets/${sheetId}/version`,
			operation,
		});
		return { sheetId, version: answer.version };
	});
}
