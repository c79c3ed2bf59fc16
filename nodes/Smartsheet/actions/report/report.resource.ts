import type { INodeProperties } from 'n8n-workflow';

import { locatedId, type Operation, operationPicker, reportLocator } from '../../../shared';
import { pathOperation } from '../objectPath';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as updateDefinition from './updateDefinition.operation';

const getPath = pathOperation('reports', (ctx, item) => locatedId(ctx, 'reportId', item, 'Report'));

export const operations: Record<string, Operation> = {
	create,
	get,
	getPath,
	list,
	updateDefinition,
};

export const description: INodeProperties[] = [
	operationPicker(
		'report',
		[
			{
				name: 'Create',
				value: 'create',
				description: 'Create a report over sheets or a workspace, in a workspace or folder',
				action: 'Create a report',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					"Get a report's columns and rows (rows from all its source sheets, each with its sheet ID)",
				action: 'Get a report with its rows',
			},
			{
				name: 'Get Path',
				value: 'getPath',
				description: 'Where the report lives: its workspace and folders',
				action: 'Get the path of a report',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List every report you can access',
				action: 'List reports',
			},
			{
				name: 'Update Definition',
				value: 'updateDefinition',
				description: "Replace a report's filters, sorting and grouping",
				action: 'Update the definition of a report',
			},
		],
		'get',
	),
	{ ...reportLocator, displayOptions: { show: { resource: ['report'], operation: ['get'] } } },
	{
		...reportLocator,
		displayOptions: { show: { resource: ['report'], operation: ['getPath', 'updateDefinition'] } },
	},
	...create.description,
	...get.description,
	...updateDefinition.description,
	...list.description,
];
