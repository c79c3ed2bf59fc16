import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { commentIdField } from './commentIdField';

export const description: INodeProperties[] = [commentIdField('get')];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const commentId = idOf(this.getNodeParameter('commentId', item), 'Comment');
		return await client.request<IDataObject>({
			method: 'GET',
			path: `/sheets/${sheetIdOf(this, item)}/comments/${commentId}`,
			operation,
		});
	});
}
