import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetIdOf, sheetPicker } from '../../../shared';
import { pathOperation } from '../objectPath';
import * as copy from './copy.operation';
import * as create from './create.operation';
import * as createFromTemplate from './createFromTemplate.operation';
import * as deleteSheet from './delete.operation';
import * as get from './get.operation';
import * as getVersion from './getVersion.operation';
import * as importSheet from './import.operation';
import * as list from './list.operation';
import * as move from './move.operation';
import * as rename from './rename.operation';

const getPath = pathOperation('sheets', (ctx, item) => sheetIdOf(ctx, item));

export const operations: Record<string, Operation> = {
	copy,
	create,
	createFromTemplate,
	delete: deleteSheet,
	get,
	getPath,
	getVersion,
	import: importSheet,
	list,
	move,
	rename,
};

export const description: INodeProperties[] = [
	operationPicker(
		'sheet',
		[
			{
				name: 'Copy',
				value: 'copy',
				description:
					'Copy a sheet (with its rows, attachments, discussions… as chosen) into a workspace or folder',
				action: 'Copy a sheet',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a sheet with columns in a workspace or folder',
				action: 'Create a sheet',
			},
			{
				name: 'Create From Template',
				value: 'createFromTemplate',
				description: 'Create a sheet from a template in a workspace or folder',
				action: 'Create a sheet from a template',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a sheet', action: 'Delete a sheet' },
			{
				name: 'Get',
				value: 'get',
				description: 'Get a sheet with its columns and rows',
				action: 'Get a sheet',
			},
			{
				name: 'Get Path',
				value: 'getPath',
				description: 'Where the sheet lives: its workspace and folders',
				action: 'Get the path of a sheet',
			},
			{
				name: 'Get Version',
				value: 'getVersion',
				description: 'A number that changes whenever the sheet does (cheap change check)',
				action: 'Get the version of a sheet',
			},
			{
				name: 'Import',
				value: 'import',
				description: 'Create a sheet from a CSV or XLSX file in a workspace or folder',
				action: 'Import a sheet',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List every sheet you can access',
				action: 'List sheets with their names and IDs',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move a sheet into a workspace or folder',
				action: 'Move a sheet',
			},
			{
				name: 'Rename',
				value: 'rename',
				description: 'Give a sheet a new name',
				action: 'Rename a sheet',
			},
		],
		'get',
	),
	sheetPicker('sheet', ['get', 'getVersion', 'rename', 'delete', 'copy', 'getPath', 'move']),
	...copy.description,
	...create.description,
	...createFromTemplate.description,
	...importSheet.description,
	...move.description,
	...get.description,
	...list.description,
	...rename.description,
];
