import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	type Column,
	flattenRow,
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'sheetOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['sheet'], operation: ['get'] } },
		options: [
			{
				displayName: 'Column Names or IDs',
				name: 'columnIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['sheetId.value'] },
				default: [],
				description:
					'Only these columns\' cells. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Raw Rows',
				name: 'raw',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep rows as Smartsheet returns them instead of flat {column title: value} objects',
			},
			{
				displayName: 'Row IDs',
				name: 'rowIds',
				type: 'string',
				default: '',
				placeholder: '4583173393803140, 4583173393811059',
				description: 'Only these rows (comma-separated IDs)',
			},
			{
				displayName: 'Row Numbers',
				name: 'rowNumbers',
				type: 'string',
				default: '',
				placeholder: '1, 2, 10',
				description:
					'Only the rows at these positions in the sheet (comma-separated, 1 is the top row)',
			},
			{
				displayName: 'Rows Modified Since',
				name: 'rowsModifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only rows changed after this moment',
			},
		],
	},
];

/** A comma-separated text or a list of IDs (or row numbers) as digit strings; anything else is bad input. */
function idList(value: unknown, what: string): string[] {
	const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(','))
		.map((part) => part.trim())
		.filter(Boolean);
	const wrong = parts.find((part) => !/^\d+$/.test(part));
	if (wrong !== undefined)
		throw new InvalidInput(`${what}s must be numbers separated by commas, got "${wrong}"`);
	return parts;
}

/** The sheet with its columns and rows (rows flattened to {column title: value}). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const options = this.getNodeParameter('sheetOptions', item, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.rowsModifiedSince)
			qs.rowsModifiedSince = new Date(String(options.rowsModifiedSince)).toISOString();
		const columnIds = idList(options.columnIds, 'Column ID');
		const rowIds = idList(options.rowIds, 'Row ID');
		const rowNumbers = idList(options.rowNumbers, 'Row number');
		if (columnIds.length) qs.columnIds = columnIds.join(',');
		if (rowIds.length) qs.rowIds = rowIds.join(',');
		if (rowNumbers.length) qs.rowNumbers = rowNumbers.join(',');
		const sheet = await client.request<IDataObject>({
			method: 'GET',
			path: `/sheets/${sheetId}`,
			qs,
			operation,
		});
		const columns = (sheet.columns as Column[] | undefined) ?? [];
		if (options.raw === true) return sheet;
		// Each row replaced where it stands, so Smartsheet's row and its flat copy never both stay
		// alive for every row of a large sheet at once.
		const rows = (sheet.rows as IDataObject[] | undefined) ?? [];
		for (let index = 0; index < rows.length; index++)
			rows[index] = flattenRow(rows[index], columns);
		sheet.rows = rows;
		return sheet;
	});
}
