import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import * as get from './get.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = { get, list };

export const description: INodeProperties[] = [
	operationPicker('sheet', [
		{ name: 'Get', value: 'get', description: 'Get a sheet with its columns and rows', action: 'Get a sheet' },
		{ name: 'List', value: 'list', description: 'List every sheet you can access', action: 'List sheets' },
	], 'get'),
	...get.description,
	...list.description,
];
