import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../../shared';

/** The webhook an operation acts on: picked from the credential's webhooks, or by ID. */
export function webhookLocator(operations: string[]): INodeProperties {
	const locator = idLocator({
		displayName: 'Webhook',
		name: 'webhookId',
		what: 'webhook',
		searchListMethod: 'searchWebhooks',
		urlPath: 'webhooks',
		description: 'The Smartsheet webhook',
	});
	return {
		...locator,
		// Webhooks have no page in Smartsheet, so there is no link to paste.
		modes: locator.modes?.filter((mode) => mode.name !== 'url'),
		displayOptions: { show: { resource: ['webhook'], operation: operations } },
	};
}
