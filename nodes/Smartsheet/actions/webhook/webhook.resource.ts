import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = {
	create,
	delete: deleteWebhook,
	enable,
	get,
	list,
};

export const description: INodeProperties[] = [
	operationPicker(
		'webhook',
		[
			{
				name: 'Create',
				value: 'create',
				description: 'Create a webhook on a sheet (disabled until enabled)',
				action: 'Create a webhook',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a webhook',
				action: 'Delete a webhook',
			},
			{
				name: 'Enable',
				value: 'enable',
				description: 'Enable a webhook; Smartsheet verifies its callback URL first',
				action: 'Enable a webhook',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a webhook with its status and delivery stats',
				action: 'Get a webhook',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the webhooks of the credential',
				action: 'List webhooks',
			},
		],
		'list',
	),
	sheetPicker('webhook', ['create']),
	...create.description,
	...get.description,
	...list.description,
];
