import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { collect, tokenPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';

export const description: INodeProperties[] = [
	...limitFields({ resource: ['workspace'], operation: ['list'] }),
];

/** Every workspace the credential's user can see (token paging, which Smartsheet requires here). */
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
			await collect(
				tokenPages(client, '/workspaces', operation, { paginationType: 'token' }),
				readLimit(this, item),
			),
	);
}
