import type {
	IExecuteFunctions,
	IHookFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * The n8n contexts the transport runs in: node executions, a trigger's webhook lifecycle
 * (checkExists/create/delete), incoming webhook calls and polls. Each offers what the transport
 * uses: getNode, getCredentials, httpRequestWithAuthentication and refreshOAuth2Token.
 */
export type SmartsheetContext =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;
