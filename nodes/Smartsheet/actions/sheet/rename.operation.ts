import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	hasResult,
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';

export const description: INodeProperties[] = [
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['sheet'], operation: ['rename'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const name = String(this.getNodeParameter('newName', item)).trim();
		if (!name) throw new InvalidInput('The new name is empty');
		const answer = await client.request<{ result: IDataObject }>({
			method: 'PUT',
			path: `/sheets/${sheetId}`,
			body: { name },
			sheetId,
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}
