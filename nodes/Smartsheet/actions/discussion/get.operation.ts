import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { discussionIdField } from './discussionFields';

export const description: INodeProperties[] = [discussionIdField('discussion', 'get', true)];

/** One discussion with all its comments. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'discussion:get', async (item) => {
		const discussionId = idOf(this.getNodeParameter('discussionId', item), 'Discussion');
		return await client.request<IDataObject>({ method: 'GET', path: `/sheets/${sheetIdOf(this, item)}/discussions/${discussionId}`, operation: 'discussion:get' });
	});
}
