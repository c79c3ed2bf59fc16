import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, workspaceLocator } from '../../../shared';
import * as create from './create.operation';
import * as getChildren from './getChildren.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = { create, getChildren, list };

export const description: INodeProperties[] = [
	operationPicker(
		'workspace',
		[
			{
				name: 'Create',
				value: 'create',
				description: 'Create a workspace',
				action: 'Create a workspace',
			},
			{
				name: 'Get Children',
				value: 'getChildren',
				description:
					'List the folders, sheets, reports, dashboards and templates directly in a workspace',
				action: 'Get the children of a workspace',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List every workspace you can access',
				action: 'List workspaces',
			},
		],
		'list',
	),
	{
		...workspaceLocator,
		displayOptions: { show: { resource: ['workspace'], operation: ['getChildren'] } },
	},
	...create.description,
	...getChildren.description,
	...list.description,
];
