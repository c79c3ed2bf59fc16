import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { offsetPages } from '../../helpers/paging';

export const description: INodeProperties[] = [];

/** Every sheet the credential's user can see, all pages. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async () => {
		const sheets: IDataObject[] = [];
		for await (const page of offsetPages(client, '/sheets', operation)) sheets.push(...page);
		return sheets;
	});
}
