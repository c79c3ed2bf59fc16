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
	madeSince,
	perItem,
	type SmartsheetClient,
} from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { COLUMN_TYPES } from '../column/columnTypes';
import { destinationFields, sheetsPathOf } from './sheetDestination';

const show = { resource: ['sheet'], operation: ['create'] };

export const description: INodeProperties[] = [
	...destinationFields(show),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
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
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: COLUMN_TYPES,
						default: 'TEXT_NUMBER',
					},
					{
						displayName: 'Primary',
						name: 'primary',
						type: 'boolean',
						default: false,
						description: 'Whether this is the primary column',
					},
				],
			},
		],
	},
];

/** A new sheet with the columns given, in a workspace or folder. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const name = String(this.getNodeParameter('name', item)).trim();
		if (!name) throw new InvalidInput('The sheet needs a name');
		const columns = (this.getNodeParameter('columns.column', item, []) as IDataObject[]).map(
			(column) => ({
				title: column.title,
				type: column.type,
				...(column.primary === true ? { primary: true } : {}),
			}),
		);
		if (columns.filter((column) => 'primary' in column).length !== 1)
			throw new InvalidInput('Mark exactly one column as primary');
		const path = sheetsPathOf(this, item);
		return await createOnce(client, {
			send: async () =>
				(
					await client.request<{ result: IDataObject }>({
						method: 'POST',
						path,
						body: { name, columns },
						operation,
						expect: hasResult,
					})
				).result,
			// A sheet of this name that did not exist before the request: the sheet list says when each was made.
			find: async (since) =>
				(
					await collect(
						offsetPages(client, '/sheets', operation, {
							modifiedSince: new Date(since).toISOString(),
						}),
					)
				).find((sheet) => sheet.name === name && madeSince(sheet, since)),
			where: `your sheets for one named "${name}"`,
		});
	});
}
