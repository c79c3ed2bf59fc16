import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as add from './add.operation';
import * as deleteColumn from './delete.operation';
import * as list from './list.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { add, delete: deleteColumn, list, update };

export const description: INodeProperties[] = [
	operationPicker(
		'column',
		[
			{ name: 'Add', value: 'add', description: 'Add a column to a sheet', action: 'Add a column' },
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a column',
				action: 'Delete a column',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the columns of a sheet',
				action: 'List the columns of a sheet: titles, IDs and types',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a column or change its type',
				action: 'Update a column',
			},
		],
		'list',
	),
	sheetPicker('column'),
	...add.description,
	...deleteColumn.description,
	...list.description,
	...update.description,
];
