import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { offsetPages } from '../../helpers/paging';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columns: IDataObject[] = [];
		for await (const page of offsetPages(client, `/sheets/${sheetId}/columns`, operation))
			columns.push(...page);
		return columns;
	});
}
