import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	type ItemResult,
	perItem,
	publicWebhook,
	type SmartsheetClient,
	type WebhookRecord,
} from '../../../shared';
import { webhookIdOf } from './webhookId';
import { webhookLocator } from './webhookFields';

export const description: INodeProperties[] = [webhookLocator(['get', 'enable', 'delete'])];

/** One webhook: its status (and why it is disabled), callback URL, sheet and delivery stats. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const webhookId = webhookIdOf(this, item);
		return publicWebhook(
			await client.request<WebhookRecord>({
				method: 'GET',
				path: `/webhooks/${webhookId}`,
				operation,
			}),
		);
	});
}
