import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { offsetPages } from '../../helpers/paging';

export const description: INodeProperties[] = [];

/** Every sheet the credential's user can see, all pages. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'sheet:list', async () => {
		const sheets: IDataObject[] = [];
		for await (const page of offsetPages(client, '/sheets', 'sheet:list')) sheets.push(...page);
		return sheets;
	});
}
