import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	folderLocator,
	idOf,
	InvalidInput,
	type ItemResult,
	locatedId,
	perItem,
	type SmartsheetClient,
	workspaceLocator,
} from '../../../shared';
import { jsonParameter } from '../../helpers/jsonParameter';
import { COLUMN_TYPES } from '../column/columnTypes';

const show = { resource: ['report'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Create In',
		name: 'reportDestination',
		type: 'options',
		options: [
			{ name: 'Folder', value: 'folder' },
			{ name: 'Workspace', value: 'workspace' },
		],
		default: 'workspace',
		displayOptions: { show },
	},
	{
		...workspaceLocator,
		name: 'reportContainerId',
		description: 'The workspace to create the report in',
		displayOptions: { show: { ...show, reportDestination: ['workspace'] } },
	},
	{
		...folderLocator,
		name: 'reportContainerId',
		description: 'The folder to create the report in',
		displayOptions: { show: { ...show, reportDestination: ['folder'] } },
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
		displayName: 'Source',
		name: 'reportSource',
		type: 'options',
		options: [
			{ name: 'Sheets', value: 'sheet' },
			{
				name: 'Workspace',
				value: 'workspace',
				description: 'Every sheet in the workspace, also sheets added later',
			},
		],
		default: 'sheet',
		displayOptions: { show },
	},
	{
		displayName: 'Source Sheet IDs',
		name: 'sourceSheetIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '4583173393803140, 2331373580117892',
		description: 'The sheets whose rows the report shows, separated by commas',
		displayOptions: { show: { ...show, reportSource: ['sheet'] } },
	},
	{
		...workspaceLocator,
		name: 'sourceWorkspaceId',
		description: 'The workspace whose sheets the report shows',
		displayOptions: { show: { ...show, reportSource: ['workspace'] } },
	},
	{
		displayName: 'Columns',
		name: 'reportColumns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Column',
		description:
			"Source columns are matched by title and type; a source sheet without the column leaves it empty in that sheet's rows",
		displayOptions: { show },
		options: [
			{
				displayName: 'Column',
				name: 'column',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: COLUMN_TYPES,
						default: 'TEXT_NUMBER',
					},
				],
			},
		],
	},
	{
		displayName: 'Definition (JSON)',
		name: 'reportDefinition',
		type: 'json',
		default: '',
		description:
			'Optional filters, sorting and grouping, as in https://developers.smartsheet.com/api/smartsheet/openapi/reports, e.g. {"filters": {"operator": "AND", "criteria": [{"column": {"title": "Status", "type": "PICKLIST"}, "operator": "EQUAL", "values": ["Done"]}]}}',
		displayOptions: { show },
	},
];

/** A new report over sheets or a workspace, in a workspace or folder. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const name = String(this.getNodeParameter('name', item)).trim();
		if (!name) throw new InvalidInput('The report needs a name');
		const columns = (this.getNodeParameter('reportColumns.column', item, []) as IDataObject[]).map(
			(column) => ({ title: String(column.title ?? '').trim(), type: column.type }),
		);
		if (columns.length === 0 || columns.some((column) => !column.title))
			throw new InvalidInput('Give the report at least one column, each with a title');
		const destinationType = this.getNodeParameter('reportDestination', item) as string;
		const body: IDataObject = {
			name,
			columns,
			scope: scopeOf(this, item),
			destination: {
				destinationType,
				destinationId: locatedId(this, 'reportContainerId', item, 'Workspace or folder'),
			},
		};
		const definition = definitionOf(this.getNodeParameter('reportDefinition', item, ''));
		if (definition) body.reportDefinition = definition;
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: '/reports',
			body,
			operation,
		});
		return answer.result;
	});
}

function scopeOf(ctx: IExecuteFunctions, item: number): IDataObject[] {
	if (ctx.getNodeParameter('reportSource', item) === 'workspace')
		return [
			{ assetType: 'workspace', assetId: locatedId(ctx, 'sourceWorkspaceId', item, 'Workspace') },
		];
	const ids = String(ctx.getNodeParameter('sourceSheetIds', item))
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (ids.length === 0) throw new InvalidInput('Give at least one source sheet ID');
	return ids.map((id) => ({ assetType: 'sheet', assetId: idOf(id, 'Sheet') }));
}

/** The definition parameter: empty means none; otherwise a JSON object. */
export function definitionOf(value: unknown): IDataObject | undefined {
	if (typeof value === 'string' && !value.trim()) return undefined;
	const definition = jsonParameter(value, 'The definition');
	if (definition === null || typeof definition !== 'object' || Array.isArray(definition))
		throw new InvalidInput('The definition must be a JSON object');
	return definition as IDataObject;
}
