import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { discussionIdField } from './discussionFields';

export const description: INodeProperties[] = [discussionIdField('discussion', 'get', true)];

/** One discussion with all its comments. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const discussionId = idOf(this.getNodeParameter('discussionId', item), 'Discussion');
		return await client.request<IDataObject>({
			method: 'GET',
			path: `/sheets/${sheetIdOf(this, item)}/discussions/${discussionId}`,
			operation,
		});
	});
}
