// Fields shared by Add and Update: how cells are given, and how rows come back.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cellsFromFields, cellsFromList, flattenRow, type Column } from '../../helpers/sheetSchema';

export function cellFields(operation: string): INodeProperties[] {
	const show = { resource: ['row'], operation: [operation] };
	return [
		{
			displayName: 'Cells',
			name: 'dataMode',
			type: 'options',
			options: [
				{
					name: 'Map Fields by Column Title',
					value: 'autoMap',
					description: "Every field of the incoming item whose name is a column's title (or ID) becomes that cell",
				},
				{ name: 'Define Below', value: 'define', description: 'List the columns and their values' },
			],
			default: 'autoMap',
			displayOptions: { show },
		},
		{
			displayName: 'Cells to Send',
			name: 'cells',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Cell',
			displayOptions: { show: { ...show, dataMode: ['define'] } },
			options: [
				{
					displayName: 'Cell',
					name: 'cell',
					values: [
						{
							displayName: 'Column Name or ID',
							name: 'column',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['sheetId.value'] },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						{
							displayName: 'Hyperlink URL',
							name: 'hyperlink',
							type: 'string',
							default: '',
							placeholder: 'https://example.com/report',
							description: 'Makes the cell a link to this URL; the value is the text shown (the URL itself if the value is empty)',
						},
						{
							displayName: 'Formula',
							name: 'formula',
							type: 'string',
							default: '',
							placeholder: 'SUM([Cost]1:[Cost]10)',
							description:
								'A Smartsheet formula, used instead of the value. Leave out the leading "=": n8n reads a field starting with "=" as an expression.',
						},
					],
				},
			],
		},
		{
			displayName: 'Row Options',
			name: 'rowOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Formulas',
					name: 'formulas',
					type: 'boolean',
					default: true,
					description: 'Whether values that start with "=" are sent as formulas',
				},
				{
					displayName: 'Raw Rows',
					name: 'raw',
					type: 'boolean',
					default: false,
					description: 'Whether to output rows as Smartsheet returns them instead of flat {column title: value} objects',
				},
				{
					displayName: 'Strict',
					name: 'strict',
					type: 'boolean',
					default: true,
					description:
						"Whether Smartsheet must accept values exactly as typed for the column. Turn off for lenient parsing (e.g. '1/2/2026' in a date column).",
				},
			],
		},
	];
}

export interface RowOptions {
	formulas: boolean;
	raw: boolean;
	strict: boolean;
}

export function readRowOptions(ctx: IExecuteFunctions, itemIndex: number): RowOptions {
	const options = ctx.getNodeParameter('rowOptions', itemIndex, {}) as IDataObject;
	return {
		formulas: options.formulas !== false,
		raw: options.raw === true,
		strict: options.strict !== false,
	};
}

export function readCells(ctx: IExecuteFunctions, itemIndex: number, columns: Column[], options: RowOptions): IDataObject[] {
	const mode = ctx.getNodeParameter('dataMode', itemIndex) as string;
	if (mode === 'define') {
		const list = ctx.getNodeParameter('cells.cell', itemIndex, []) as IDataObject[];
		return cellsFromList(list, columns, options);
	}
	return cellsFromFields(ctx.getInputData()[itemIndex].json, columns, options);
}

export function rowOutput(columns: Column[], options: RowOptions) {
	return (row: IDataObject): IDataObject => (options.raw ? row : flattenRow(row, columns));
}
