import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import * as upload from './upload.operation';

export const operations: Record<string, Operation> = { upload };

export const description: INodeProperties[] = [
	operationPicker('attachment', [
		{ name: 'Upload', value: 'upload', description: "Attach the item's file to a sheet or a row", action: 'Upload an attachment' },
	], 'upload'),
	...upload.description.map((property) =>
		property.displayOptions ? property : { ...property, displayOptions: { show: { resource: ['attachment'], operation: ['upload'] } } },
	),
];
