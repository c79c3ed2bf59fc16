import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { assetQuery, shareIdOf } from './shareAsset';

export const description: INodeProperties[] = [];

/** Stops sharing the asset with one person or group. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'share:remove', async (item) => {
		const shareId = shareIdOf(this, item);
		await client.request({ method: 'DELETE', path: `/shares/${shareId}`, qs: assetQuery(this, item), operation: 'share:remove' });
		return { id: shareId, removed: true };
	});
}
