import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker } from '../../../shared';
import * as everywhere from './everywhere.operation';
import * as inSheet from './inSheet.operation';
import { SEARCH_LAG } from './searchFields';

export const operations: Record<string, Operation> = { everywhere, inSheet };

export const description: INodeProperties[] = [
	operationPicker(
		'search',
		[
			{
				name: 'Everywhere',
				value: 'everywhere',
				description:
					"Find sheets, rows, reports, workspaces and folders you can access. Smartsheet's search index lags behind recent changes, so don't use it to find what your workflow just wrote (use Row: List with a filter).",
				action: 'Search sheets, rows, reports and folders for words',
			},
			{
				name: 'In Sheet',
				value: 'inSheet',
				description:
					"Find the rows of one sheet that contain some words. Smartsheet's search index lags behind recent changes, so don't use it to find what your workflow just wrote (use Row: List with a filter).",
				action: 'Search the rows of a sheet for words',
			},
		],
		'everywhere',
	),
	{
		displayName: SEARCH_LAG,
		name: 'searchLagNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['search'] } },
	},
	...inSheet.description,
	...everywhere.description,
];
