import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { discussionIdField } from './discussionFields';

export const description: INodeProperties[] = [discussionIdField('discussion', 'delete', true)];

/** Deletes a discussion with all its comments (other people's comments need sheet admin access). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const discussionId = idOf(this.getNodeParameter('discussionId', item), 'Discussion');
		await client.request({
			method: 'DELETE',
			path: `/sheets/${sheetId}/discussions/${discussionId}`,
			sheetId,
			operation,
		});
		return { id: discussionId, deleted: true };
	});
}
