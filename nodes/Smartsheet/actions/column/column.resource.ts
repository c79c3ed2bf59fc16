import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import * as list from './list.operation';

export const operations: Record<string, Operation> = { list };

export const description: INodeProperties[] = [
	operationPicker('column', [{ name: 'List', value: 'list', description: 'List the columns of a sheet', action: 'List columns' }], 'list'),
	...list.description,
];
