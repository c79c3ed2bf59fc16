import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetLocator } from '../../../shared';
import * as add from './add.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { add, get, update };

export const description: INodeProperties[] = [
	operationPicker(
		'sheetSummary',
		[
			{
				name: 'Add Fields',
				value: 'add',
				description: "Add fields to a sheet's summary (needs the sheet's Admin level)",
				action: 'Add sheet summary fields',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get a sheet's summary fields and their values",
				action: 'Get a sheet summary',
			},
			{
				name: 'Update Fields',
				value: 'update',
				description: 'Set the values or formulas of summary fields, by title or ID',
				action: 'Update sheet summary fields',
			},
		],
		'get',
	),
	{ ...sheetLocator, displayOptions: { show: { resource: ['sheetSummary'] } } },
	...add.description,
	...get.description,
	...update.description,
];
