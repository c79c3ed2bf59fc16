import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { idOf, sheetIdOf } from '../sheetId';
import { columnIdField } from './columnFields';

export const description: INodeProperties[] = [columnIdField('delete')];

export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'column:delete', async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columnId = idOf(this.getNodeParameter('columnId', item), 'Column');
		await client.request({ method: 'DELETE', path: `/sheets/${sheetId}/columns/${columnId}`, sheetId, operation: 'column:delete' });
		return { id: columnId, deleted: true };
	});
}
