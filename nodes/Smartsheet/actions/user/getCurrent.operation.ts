import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';

export const description: INodeProperties[] = [];

/** The user the credential belongs to (needs no scope). */
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
		async () => await client.request<IDataObject>({ method: 'GET', path: '/users/me', operation }),
	);
}
