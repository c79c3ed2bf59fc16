import type { INodeProperties } from 'n8n-workflow';

/** The webhook an operation acts on: picked from the credential's webhooks, or by ID. */
export function webhookLocator(operations: string[]): INodeProperties {
	return {
		displayName: 'Webhook',
		name: 'webhookId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '8444254503626628',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A webhook ID is a number' } }],
			},
		],
		description: 'The Smartsheet webhook',
		displayOptions: { show: { resource: ['webhook'], operation: operations } },
	};
}
