import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { webhookIdOf } from './webhookId';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const webhookId = webhookIdOf(this, item);
		await client.request({ method: 'DELETE', path: `/webhooks/${webhookId}`, operation });
		return { id: webhookId, deleted: true };
	});
}
