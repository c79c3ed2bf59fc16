import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	enableWebhook,
	type ItemResult,
	perItem,
	publicWebhook,
	type SmartsheetClient,
} from '../../../shared';
import { webhookIdOf } from './webhookId';

export const description: INodeProperties[] = [];

/**
 * Enables a webhook. Smartsheet first sends a verification request to its callback URL and answers
 * only afterwards: the result's status says whether the endpoint passed (ENABLED) or not.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const webhookId = webhookIdOf(this, item);
		return publicWebhook(await enableWebhook(client, webhookId, operation));
	});
}
