import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';

export const description: INodeProperties[] = [...limitFields({ resource: ['report'], operation: ['list'] })];

/** The reports the credential's user can see, one item each. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'report:list', async (item) =>
		await collect(offsetPages(client, '/reports', 'report:list'), readLimit(this, item)),
	);
}
