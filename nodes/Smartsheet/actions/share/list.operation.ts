import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { collect, tokenPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';
import { assetQuery } from './shareAsset';

export const description: INodeProperties[] = [
	...limitFields({ resource: ['share'], operation: ['list'] }),
];

/** The shares of a sheet, report, dashboard or workspace, one item each (token paging). */
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
				tokenPages(client, '/shares', operation, assetQuery(this, item)),
				readLimit(this, item),
			),
	);
}
