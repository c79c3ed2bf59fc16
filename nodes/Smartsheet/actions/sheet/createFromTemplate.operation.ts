import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	idOf,
	InvalidInput,
	type ItemResult,
	perItem,
	type SmartsheetClient,
} from '../../../shared';
import { COPY_PARTS, destinationFields, sheetsPathOf } from './sheetDestination';

const show = { resource: ['sheet'], operation: ['createFromTemplate'] };

export const description: INodeProperties[] = [
	...destinationFields(show),
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		default: '',
		required: true,
		description:
			"The template's ID. Workspace and Folder → Get Children with the type Templates lists them.",
		displayOptions: { show },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Include',
		name: 'templateInclude',
		type: 'multiOptions',
		options: COPY_PARTS.filter((part) => part.value !== 'shares'),
		default: ['data'],
		description:
			"What to take from the template besides its columns. Without Data the sheet has none of the template's rows.",
		displayOptions: { show },
	},
];

/** A new sheet from a template, in a workspace or folder. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const fromId = idOf(this.getNodeParameter('templateId', item), 'Template');
		const name = String(this.getNodeParameter('name', item)).trim();
		if (!name) throw new InvalidInput('The sheet needs a name');
		const include = this.getNodeParameter('templateInclude', item, []) as string[];
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: sheetsPathOf(this, item),
			qs: include.length ? { include: include.join(',') } : {},
			body: { name, fromId },
			operation,
		});
		return answer.result;
	});
}
