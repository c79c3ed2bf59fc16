import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { webhookIdOf } from './webhookId';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'webhook:delete', async (item) => {
		const webhookId = webhookIdOf(this, item);
		await client.request({ method: 'DELETE', path: `/webhooks/${webhookId}`, operation: 'webhook:delete' });
		return { id: webhookId, deleted: true };
	});
}
