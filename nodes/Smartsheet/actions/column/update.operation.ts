import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	hasResult,
	idOf,
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { splitOptions } from './add.operation';
import { columnDefinitionFields, columnIdField } from './columnFields';

export const description: INodeProperties[] = [
	columnIdField('update'),
	...columnDefinitionFields('update', false),
];

export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columnId = idOf(this.getNodeParameter('columnId', item), 'Column');
		const body: IDataObject = {};
		const title = String(this.getNodeParameter('title', item, '')).trim();
		if (title) body.title = title;
		const type = this.getNodeParameter('columnType', item, '') as string;
		if (type) body.type = type;
		const options = splitOptions(this.getNodeParameter('dropdownOptions', item, '') as string);
		if (options.length) body.options = options;
		if (Object.keys(body).length === 0)
			throw new InvalidInput('Nothing to change: give a title, a type or dropdown options');
		const answer = await client.request<{ result: IDataObject }>({
			method: 'PUT',
			path: `/sheets/${sheetId}/columns/${columnId}`,
			body,
			sheetId,
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}
