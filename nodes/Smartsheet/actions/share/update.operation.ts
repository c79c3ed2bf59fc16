import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { ACCESS_LEVELS, assetQuery, shareIdOf } from './shareAsset';

export const description: INodeProperties[] = [
	{
		displayName: 'Access Level',
		name: 'accessLevel',
		type: 'options',
		options: ACCESS_LEVELS,
		default: 'VIEWER',
		displayOptions: { show: { resource: ['share'], operation: ['update'] } },
	},
];

/** A new access level for one share (PATCH, as the /shares endpoints require). */
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
			await client.request<IDataObject>({
				method: 'PATCH',
				path: `/shares/${shareIdOf(this, item)}`,
				qs: assetQuery(this, item),
				body: { accessLevel: this.getNodeParameter('accessLevel', item) },
				operation,
			}),
	);
}
