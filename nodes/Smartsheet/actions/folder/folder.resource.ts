import type { INodeProperties } from 'n8n-workflow';

import { folderLocator, locatedId, type Operation, operationPicker } from '../../../shared';
import { pathOperation } from '../objectPath';
import * as create from './create.operation';
import * as getChildren from './getChildren.operation';

const getPath = pathOperation('folders', (ctx, item) => locatedId(ctx, 'folderId', item, 'Folder'));

export const operations: Record<string, Operation> = { create, getChildren, getPath };

export const description: INodeProperties[] = [
	operationPicker(
		'folder',
		[
			{
				name: 'Create',
				value: 'create',
				description: 'Create a folder in a workspace or in another folder',
				action: 'Create a folder',
			},
			{
				name: 'Get Children',
				value: 'getChildren',
				description:
					'List the folders, sheets, reports, dashboards and templates directly in a folder',
				action: 'Get the children of a folder',
			},
			{
				name: 'Get Path',
				value: 'getPath',
				description: 'Where the folder lives: its workspace and the folders around it',
				action: 'Get the path of a folder',
			},
		],
		'getChildren',
	),
	{
		...folderLocator,
		displayOptions: { show: { resource: ['folder'], operation: ['getChildren'] } },
	},
	{ ...folderLocator, displayOptions: { show: { resource: ['folder'], operation: ['getPath'] } } },
	...create.description,
	...getChildren.description,
];
