import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { getColumns, searchSheets, smartsheetCredentials } from '../shared';
import { handleCallback } from './callback';
import { triggerProperties } from './description';
import { createWebhook, deleteWebhook, webhookExists } from './lifecycle';

export class SmartsheetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartsheet Trigger',
		name: 'smartsheetTrigger',
		icon: { light: 'file:smartsheet.svg', dark: 'file:smartsheet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when a Smartsheet sheet changes: rows, cells, columns, comments, attachments',
		eventTriggerDescription: 'Waiting for a change in the Smartsheet sheet',
		activationMessage: 'Smartsheet now notifies this workflow of changes in the sheet.',
		defaults: { name: 'Smartsheet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: smartsheetCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchSheets }, loadOptions: { getColumns } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleCallback(this);
	}
}
