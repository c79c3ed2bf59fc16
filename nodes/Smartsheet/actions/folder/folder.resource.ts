import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import { folderLocator } from '../locators';
import * as create from './create.operation';
import * as getChildren from './getChildren.operation';

export const operations: Record<string, Operation> = { create, getChildren };

export const description: INodeProperties[] = [
	operationPicker('folder', [
		{ name: 'Create', value: 'create', description: 'Create a folder in a workspace or in another folder', action: 'Create a folder' },
		{
			name: 'Get Children',
			value: 'getChildren',
			description: 'List the folders, sheets, reports, dashboards and templates directly in a folder',
			action: 'Get the children of a folder',
		},
	], 'getChildren'),
	{ ...folderLocator, displayOptions: { show: { resource: ['folder'], operation: ['getChildren'] } } },
	...create.description,
	...getChildren.description,
];
