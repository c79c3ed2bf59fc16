import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as getHistory from './getHistory.operation';

export const operations: Record<string, Operation> = { getHistory };

export const description: INodeProperties[] = [
	operationPicker(
		'cell',
		[
			{
				name: 'Get History',
				value: 'getHistory',
				description: 'Every value a cell has had, who set it and when',
				action: 'Get the history of a cell by row ID and column',
			},
		],
		'getHistory',
	),
	sheetPicker('cell'),
	...getHistory.description,
];
