import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { InvalidInput, perItem } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { COLUMN_TYPES } from '../column/columnTypes';
import { destinationFields, sheetsPathOf } from './sheetDestination';

const show = { resource: ['sheet'], operation: ['create'] };

export const description: INodeProperties[] = [
	...destinationFields(show),
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, displayOptions: { show } },
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Column',
		description: 'Exactly one column must be primary, of type Text/Number',
		displayOptions: { show },
		options: [
			{
				displayName: 'Column',
				name: 'column',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{ displayName: 'Type', name: 'type', type: 'options', options: COLUMN_TYPES, default: 'TEXT_NUMBER' },
					{ displayName: 'Primary', name: 'primary', type: 'boolean', default: false, description: 'Whether this is the primary column' },
				],
			},
		],
	},
];

/** A new sheet with the columns given, in a workspace or folder. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'sheet:create', async (item) => {
		const name = String(this.getNodeParameter('name', item)).trim();
		if (!name) throw new InvalidInput('The sheet needs a name');
		const columns = (this.getNodeParameter('columns.column', item, []) as IDataObject[]).map((column) => ({
			title: column.title,
			type: column.type,
			...(column.primary === true ? { primary: true } : {}),
		}));
		if (columns.filter((column) => 'primary' in column).length !== 1) throw new InvalidInput('Mark exactly one column as primary');
		const answer = await client.request<{ result: IDataObject }>({ method: 'POST', path: sheetsPathOf(this, item), body: { name, columns }, operation: 'sheet:create' });
		return answer.result;
	});
}
