import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import * as list from './list.operation';

export const operations: Record<string, Operation> = { list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['column'] } },
		options: [{ name: 'List', value: 'list', description: 'List the columns of a sheet', action: 'List columns' }],
		default: 'list',
	},
	...list.description,
];
