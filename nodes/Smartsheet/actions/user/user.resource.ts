import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker } from '../../../shared';
import * as getCurrent from './getCurrent.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = { getCurrent, list };

export const description: INodeProperties[] = [
	operationPicker(
		'user',
		[
			{
				name: 'Get Current',
				value: 'getCurrent',
				description: 'Get the user the credential belongs to',
				action: 'Get the current user',
			},
			{
				name: 'List',
				value: 'list',
				description: "List the users of the credential's Smartsheet account",
				action: 'List users',
			},
		],
		'getCurrent',
	),
	...getCurrent.description,
	...list.description,
];
