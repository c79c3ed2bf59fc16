import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { idOf, sheetIdOf } from '../sheetId';
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
