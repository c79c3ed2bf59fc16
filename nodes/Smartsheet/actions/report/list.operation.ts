import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';

export const description: INodeProperties[] = [
	...limitFields({ resource: ['report'], operation: ['list'] }),
];

/** The reports the credential's user can see, one item each. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(
		client,
		items,
		operation,
		async (item) =>
			await collect(offsetPages(client, '/reports', operation), readLimit(this, item)),
	);
}
