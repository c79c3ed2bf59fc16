import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idOf, type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { attachmentIdField } from './attachmentFields';

export const description: INodeProperties[] = [attachmentIdField('delete')];

export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'attachment:delete', async (item) => {
		const sheetId = sheetIdOf(this, item);
		const attachmentId = idOf(this.getNodeParameter('attachmentId', item), 'Attachment');
		await client.request({ method: 'DELETE', path: `/sheets/${sheetId}/attachments/${attachmentId}`, sheetId, operation: 'attachment:delete' });
		return { id: attachmentId, deleted: true };
	});
}
