import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { sheetIdOf } from '../sheetId';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'sheet:delete', async (item) => {
		const sheetId = sheetIdOf(this, item);
		await client.request({ method: 'DELETE', path: `/sheets/${sheetId}`, sheetId, operation: 'sheet:delete' });
		return { id: sheetId, deleted: true };
	});
}
