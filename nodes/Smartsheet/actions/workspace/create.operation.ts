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
	type SmartsheetClient,
} from '../../../shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['workspace'], operation: ['create'] } },
	},
];

/** A new workspace, owned by the credential's user. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const name = nameOf(this, item, 'workspace');
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: '/workspaces',
			body: { name },
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}

/** The item's Name, trimmed; an empty one never reaches Smartsheet. */
export function nameOf(ctx: IExecuteFunctions, itemIndex: number, what: string): string {
	const name = String(ctx.getNodeParameter('name', itemIndex)).trim();
	if (!name) throw new InvalidInput(`The ${what} needs a name`);
	return name;
}
