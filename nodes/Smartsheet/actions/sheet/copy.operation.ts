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
import { COPY_PARTS, SHEET_CONTAINERS } from './sheetDestination';

const show = { resource: ['sheet'], operation: ['copy'] };

export const description: INodeProperties[] = [
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the copy',
		displayOptions: { show },
	},
	{
		displayName: 'Copy To',
		name: 'copyDestination',
		type: 'options',
		options: SHEET_CONTAINERS,
		default: 'workspace',
		displayOptions: { show },
	},
	{
		displayName: 'Workspace or Folder ID',
		name: 'destinationId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...show, copyDestination: ['workspace', 'folder'] } },
	},
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options: COPY_PARTS,
		default: ['data'],
		description: 'What to copy besides the columns. Without Data the copy has no rows.',
		displayOptions: { show },
	},
];

/** A copy of the sheet in a workspace, a folder or Home; outputs the new sheet (ID as a string). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const newName = String(this.getNodeParameter('newName', item)).trim();
		if (!newName) throw new InvalidInput('The copy needs a name');
		const destinationType = this.getNodeParameter('copyDestination', item) as string;
		const body: IDataObject = { destinationType, newName };
		if (destinationType !== 'home')
			body.destinationId = idOf(
				this.getNodeParameter('destinationId', item),
				'Workspace or folder',
			);
		const include = this.getNodeParameter('include', item, []) as string[];
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: `/sheets/${sheetId}/copy`,
			qs: include.length ? { include: include.join(',') } : {},
			body,
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}
