import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	folderLocator,
	hasResult,
	type ItemResult,
	locatedId,
	perItem,
	type SmartsheetClient,
	workspaceLocator,
} from '../../../shared';
import { nameOf } from '../workspace/create.operation';

const show = { resource: ['folder'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Create In',
		name: 'parentType',
		type: 'options',
		options: [
			{ name: 'Folder', value: 'folder', description: 'Inside another folder' },
			{ name: 'Workspace', value: 'workspace', description: 'At the top of a workspace' },
		],
		default: 'workspace',
		displayOptions: { show },
	},
	{
		...workspaceLocator,
		description: 'The workspace to create the folder in',
		displayOptions: { show: { ...show, parentType: ['workspace'] } },
	},
	{
		...folderLocator,
		displayName: 'Parent Folder',
		description: 'The folder to create the folder in',
		displayOptions: { show: { ...show, parentType: ['folder'] } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
];

/** A new folder at the top of a workspace, or inside a folder. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const name = nameOf(this, item, 'folder');
		const parentType = this.getNodeParameter('parentType', item) as 'workspace' | 'folder';
		const parentId = locatedId(
			this,
			`${parentType}Id`,
			item,
			parentType === 'workspace' ? 'Workspace' : 'Parent folder',
		);
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: `/${parentType}s/${parentId}/folders`,
			body: { name },
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}
