import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import { publicWebhook, webhookPages } from '../../helpers/webhooks';
import type { SmartsheetClient } from '../../transport';

const show = { resource: ['webhook'], operation: ['list'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
];

/** The credential's webhooks (a personal token: the user's; an OAuth app: the app's), newest first. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'webhook:list', async (item) => {
		const returnAll = this.getNodeParameter('returnAll', item) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', item) as number);
		const webhooks: IDataObject[] = [];
		for await (const page of webhookPages(client, 'webhook:list')) {
			webhooks.push(...page.map(publicWebhook));
			if (webhooks.length >= limit) break;
		}
		return webhooks.slice(0, limit);
	});
}
