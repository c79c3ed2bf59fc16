import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { commentIdField } from './commentIdField';

export const description: INodeProperties[] = [commentIdField('delete')];

/** Deletes a comment; only its author may (others get the Permission output). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const commentId = idOf(this.getNodeParameter('commentId', item), 'Comment');
		await client.request({
			method: 'DELETE',
			path: `/sheets/${sheetId}/comments/${commentId}`,
			sheetId,
			operation,
		});
		return { id: commentId, deleted: true };
	});
}
