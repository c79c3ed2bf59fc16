import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	type ItemResult,
	perItem,
	publicWebhook,
	type SmartsheetClient,
	webhookPages,
} from '../../../shared';
import { collect } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';

export const description: INodeProperties[] = limitFields({
	resource: ['webhook'],
	operation: ['list'],
});

/** The credential's webhooks (a personal token: the user's; an OAuth app: the app's), newest first. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) =>
		(await collect(webhookPages(client, operation), readLimit(this, item))).map(publicWebhook),
	);
}
