import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import * as upload from './upload.operation';

export const operations: Record<string, Operation> = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{ name: 'Upload', value: 'upload', description: "Attach the item's file to a sheet or a row", action: 'Upload an attachment' },
		],
		default: 'upload',
	},
	...upload.description.map((property) =>
		property.displayOptions ? property : { ...property, displayOptions: { show: { resource: ['attachment'], operation: ['upload'] } } },
	),
];
