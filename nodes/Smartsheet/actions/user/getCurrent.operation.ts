import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';

export const description: INodeProperties[] = [];

/** The user the credential belongs to (needs no scope). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'user:getCurrent', async () =>
		await client.request<IDataObject>({ method: 'GET', path: '/users/me', operation: 'user:getCurrent' }),
	);
}
