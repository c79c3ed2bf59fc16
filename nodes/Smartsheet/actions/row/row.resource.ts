import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as add from './add.operation';
import * as copy from './copy.operation';
import * as deleteRow from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as move from './move.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, Operation> = {
	add,
	update,
	upsert,
	get,
	list,
	delete: deleteRow,
	copy,
	move,
};

export const description: INodeProperties[] = [
	operationPicker(
		'row',
		[
			{
				name: 'Add',
				value: 'add',
				description: 'Add rows to a sheet, 500 per request',
				action: 'Add rows to a sheet, cells named by column title',
			},
			{
				name: 'Copy to Sheet',
				value: 'copy',
				description: 'Copy rows to the bottom of another sheet, 500 per request',
				action: 'Copy rows by row ID to another sheet',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete rows by ID',
				action: 'Delete rows by row ID',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a row by ID',
				action: 'Get a row by its row ID',
			},
			{
				name: 'List',
				value: 'list',
				description: 'Every row of a sheet, optionally filtered',
				action: 'List the rows of a sheet, optionally filtered by column values',
			},
			{
				name: 'Move to Sheet',
				value: 'move',
				description: 'Move rows to the bottom of another sheet, 500 per request',
				action: 'Move rows by row ID to another sheet',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update rows by ID, 500 per request',
				action: 'Update rows by row ID, cells named by column title',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update rows, matched on a key column value',
			},
		],
		'add',
	),
	sheetPicker('row'),
	...add.description,
	...update.description,
	...upsert.description,
	...list.description,
	...get.description,
	...deleteRow.description,
	...copy.description,
	...move.description,
];
