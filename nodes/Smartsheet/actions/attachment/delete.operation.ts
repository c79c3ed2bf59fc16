import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { attachmentIdField } from './attachmentFields';

export const description: INodeProperties[] = [attachmentIdField('delete')];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const attachmentId = idOf(this.getNodeParameter('attachmentId', item), 'Attachment');
		await client.request({
			method: 'DELETE',
			path: `/sheets/${sheetId}/attachments/${attachmentId}`,
			sheetId,
			operation,
		});
		return { id: attachmentId, deleted: true };
	});
}
