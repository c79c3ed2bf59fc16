import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	flattenRow,
	type ItemResult,
	perItem,
	sheetIdOf,
	SheetSchemas,
	type SmartsheetClient,
} from '../../../shared';
import { allRows } from '../../helpers/sheetRows';
import { matches, type Condition } from './rowFilter';

const show = { resource: ['row'], operation: ['list'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Condition',
		description:
			'Evaluated on the rows after they are read (as Smartsheet advises: its search index lags behind)',
		displayOptions: { show },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Column',
						name: 'column',
						type: 'string',
						default: '',
						description: 'Column title',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Equals', value: 'equals' },
							{ name: 'Greater Than', value: 'greaterThan' },
							{ name: 'Is Empty', value: 'isEmpty' },
							{ name: 'Is Not Empty', value: 'isNotEmpty' },
							{ name: 'Less Than', value: 'lessThan' },
							{ name: 'Not Equals', value: 'notEquals' },
						],
						default: 'equals',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combinator',
		type: 'options',
		options: [
			{ name: 'All Must Match (AND)', value: 'and' },
			{ name: 'Any May Match (OR)', value: 'or' },
		],
		default: 'and',
		displayOptions: { show },
	},
];

/** Every row of the sheet (all pages) that matches the conditions, one item per row. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columns = await schemas.columns(sheetId, operation);
		const conditions = this.getNodeParameter('filters.condition', item, []) as Condition[];
		const combinator = this.getNodeParameter('combinator', item, 'and') as 'and' | 'or';
		const rows = (await allRows(client, sheetId, operation)).map((row) => flattenRow(row, columns));
		return rows.filter((row: IDataObject) => matches(row, conditions, combinator));
	});
}
