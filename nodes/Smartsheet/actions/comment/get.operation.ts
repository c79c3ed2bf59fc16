import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { idOf, sheetIdOf } from '../sheetId';
import { commentIdField } from './commentIdField';

export const description: INodeProperties[] = [commentIdField('get')];

export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'comment:get', async (item) => {
		const commentId = idOf(this.getNodeParameter('commentId', item), 'Comment');
		return await client.request<IDataObject>({ method: 'GET', path: `/sheets/${sheetIdOf(this, item)}/comments/${commentId}`, operation: 'comment:get' });
	});
}
