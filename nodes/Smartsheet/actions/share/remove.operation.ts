import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { assetQuery, shareIdOf } from './shareAsset';

export const description: INodeProperties[] = [];

/** Stops sharing the asset with one person or group. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const shareId = shareIdOf(this, item);
		await client.request({
			method: 'DELETE',
			path: `/shares/${shareId}`,
			qs: assetQuery(this, item),
			operation,
		});
		return { id: shareId, removed: true };
	});
}
