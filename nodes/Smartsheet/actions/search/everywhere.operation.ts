import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemResult, SmartsheetClient } from '../../../shared';
import { runSearch, searchFields } from './searchFields';

const show = { resource: ['search'], operation: ['everywhere'] };

export const description: INodeProperties[] = [
	...searchFields('everywhere'),
	{
		displayName: 'Options',
		name: 'searchOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only objects changed after this moment',
			},
			{
				displayName: 'Search In',
				name: 'scopes',
				type: 'multiOptions',
				options: [
					{ name: 'Attachments', value: 'attachments' },
					{ name: 'Cell Data', value: 'cellData' },
					{ name: 'Comments', value: 'comments' },
					{ name: 'Dashboard Names', value: 'sightNames' },
					{ name: 'Folder Names', value: 'folderNames' },
					{ name: 'Report Names', value: 'reportNames' },
					{ name: 'Sheet Names', value: 'sheetNames' },
					{ name: 'Summary Fields', value: 'summaryFields' },
					{ name: 'Template Names', value: 'templateNames' },
					{ name: 'Workspace Names', value: 'workspaceNames' },
				],
				default: [],
				description: 'Where to look; none chosen searches everything',
			},
		],
	},
];

/** One item per hit: {objectType, objectId, text, parentObjectType, parentObjectId, parentObjectName, contextData}. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await runSearch(this, client, items, operation, async (item, query) => {
		const options = this.getNodeParameter('searchOptions', item, {}) as IDataObject;
		const qs: IDataObject = { query };
		const scopes = (options.scopes as string[] | undefined) ?? [];
		if (scopes.length) qs.scopes = scopes.join(',');
		if (options.modifiedSince)
			qs.modifiedSince = new Date(String(options.modifiedSince)).toISOString();
		return await client.request({ method: 'GET', path: '/search', qs, operation });
	});
}
