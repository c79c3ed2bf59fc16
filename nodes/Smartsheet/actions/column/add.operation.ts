import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	createOnce,
	hasResult,
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { columnDefinitionFields } from './columnFields';

export const description: INodeProperties[] = [
	...columnDefinitionFields('add', true),
	{
		displayName: 'Position',
		name: 'index',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: '0-based index where the column goes; 1 puts it right after the primary column',
		displayOptions: { show: { resource: ['column'], operation: ['add'] } },
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
		const title = String(this.getNodeParameter('title', item)).trim();
		if (!title) throw new InvalidInput('The column needs a title');
		const options = splitOptions(this.getNodeParameter('dropdownOptions', item, '') as string);
		const body = {
			title,
			type: this.getNodeParameter('columnType', item),
			index: this.getNodeParameter('index', item),
			...(options.length ? { options } : {}),
		};
		return await createOnce(client, {
			send: async () => {
				const answer = await client.request<{ result: IDataObject[] }>({
					method: 'POST',
					path: `/sheets/${sheetId}/columns`,
					body: [body],
					sheetId,
					operation,
					expect: hasResult,
				});
				return answer.result[0];
			},
			// Column titles are unique in a sheet (any case): a column of this title is the one asked for.
			find: async () =>
				(await collect(offsetPages(client, `/sheets/${sheetId}/columns`, operation))).find(
					(column) => String(column.title).toLowerCase() === title.toLowerCase(),
				),
			where: `the columns of sheet ${sheetId}`,
		});
	});
}

export function splitOptions(text: string): string[] {
	return text
		.split(',')
		.map((option) => option.trim())
		.filter(Boolean);
}
