import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import { reportLocator } from '../locators';
import * as get from './get.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = { get, list };

export const description: INodeProperties[] = [
	operationPicker('report', [
		{
			name: 'Get',
			value: 'get',
			description: "Get a report's columns and rows (rows from all its source sheets, each with its sheet ID)",
			action: 'Get a report with its rows',
		},
		{ name: 'List', value: 'list', description: 'List every report you can access', action: 'List reports' },
	], 'get'),
	{ ...reportLocator, displayOptions: { show: { resource: ['report'], operation: ['get'] } } },
	...get.description,
	...list.description,
];
