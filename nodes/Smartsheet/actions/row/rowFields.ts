// Fields shared by Add, Update and Create or Update: how cells are given, and how rows come back.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cellsFromFields, cellsFromList, flattenRow, type Column } from '../../../shared';
import { mappedCells, usesColumnMapper } from './mappedCells';

type WriteOperation = 'add' | 'update' | 'upsert';
type Show = { resource: string[]; operation: string[] };

/** Shown from node version 2 on (the column mapper). */
export const VERSION_2 = { '@version': [{ _cnd: { gte: 2 } }] };
/** Shown in node version 1 only (saved workflows: Cells list, Row ID, Key Column). */
export const VERSION_1 = { '@version': [1] };

export function cellFields(operation: WriteOperation): INodeProperties[] {
	const show = { resource: ['row'], operation: [operation] };
	return [
		columnMapper(operation),
		{
			displayName: 'Cells',
			name: 'dataMode',
			type: 'options',
			options: [
				{
					name: 'Map Fields by Column Title',
					value: 'autoMap',
					description:
						"Every field of the incoming item whose name is a column's title (or ID) becomes that cell",
				},
				{ name: 'Define Below', value: 'define', description: 'List the columns and their values' },
			],
			default: 'autoMap',
			displayOptions: { show: { ...show, ...VERSION_1 } },
		},
		cellList('Cells to Send', 'Add Cell', {
			show: { ...show, dataMode: ['define'], ...VERSION_1 },
		}),
		{
			...cellList('Formula and Link Cells', 'Add Formula or Link Cell', {
				show: { ...show, ...VERSION_2 },
			}),
			description:
				'Cells with a formula or a hyperlink, written along with the mapped columns (a cell here wins over the same mapped column)',
		},
		rowOptions(show),
	];
}

// n8n's column mapper, as Airtable, Google Sheets and Postgres use it: the sheet's columns as typed fields.
// https://docs.n8n.io/integrations/creating-nodes/build/reference/ui-elements/#resource-mapper
function columnMapper(operation: WriteOperation): INodeProperties {
	const matchOn =
		operation === 'update'
			? 'The row to update, by its ID (when mapping automatically: the item\'s "id", as Get, List and Add output it)'
			: 'Items whose value in this column is already in the sheet update that row; the others are added';
	return {
		displayName: 'Columns',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		displayOptions: { show: { resource: ['row'], operation: [operation], ...VERSION_2 } },
		typeOptions: {
			loadOptionsDependsOn: ['sheetId.value'],
			resourceMapper: {
				resourceMapperMethod:
					operation === 'update' ? 'getMappingColumnsWithRowId' : 'getMappingColumns',
				mode: operation,
				fieldWords: { singular: 'column', plural: 'columns' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
				...(operation === 'add'
					? {}
					: { matchingFieldsLabels: { title: 'Column to Match On', hint: matchOn } }),
			},
		},
	};
}

/** A list of cells, each a column with a value, a hyperlink or a formula. */
function cellList(
	displayName: string,
	placeholder: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name: 'cells',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder,
		displayOptions,
		options: [
			{
				displayName: 'Cell',
				name: 'cell',
				values: [
					{
						displayName: 'Column Name or ID',
						name: 'column',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getColumns',
							loadOptionsDependsOn: ['sheetId.value'],
						},
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
						description:
							'Makes the cell a link to this URL; the value is the text shown (the URL itself if the value is empty)',
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
	};
}

function rowOptions(show: Show): INodeProperties {
	return {
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
				description:
					'Whether to output rows as Smartsheet returns them instead of flat {column title: value} objects',
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
	};
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

export function readCells(
	ctx: IExecuteFunctions,
	itemIndex: number,
	columns: Column[],
	options: RowOptions,
): IDataObject[] {
	if (usesColumnMapper(ctx)) return mappedCells(ctx, itemIndex, columns, options);
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
