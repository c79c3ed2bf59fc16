// The `additionalData` n8n-core's engine and node contexts need: lifecycle hooks, the credentials
// helper over the test store, and valid URLs (n8n resolves webhook URLs from them).
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';

export interface AdditionalDataOptions {
	hooks: ExecutionLifecycleHooks;
	store: CredentialStore;
	credentialTypes: ICredentialType[];
	executionId: string;
	/** Where n8n would serve production webhooks, e.g. http://127.0.0.1:<port>/webhook. */
	webhookBaseUrl?: string;
	/** Where n8n would serve test webhooks ("Listen for test event"). */
	webhookTestBaseUrl?: string;
}

export function buildAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const types = Object.fromEntries(options.credentialTypes.map((type) => [type.name, type]));
	const base = 'http://127.0.0.1:5678';
	return {
		hooks: options.hooks,
		credentialsHelper: new TestCredentialsHelper(options.store, types),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		executionId: options.executionId,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: options.webhookBaseUrl ?? `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: options.webhookTestBaseUrl ?? `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
	} as unknown as IWorkflowExecuteAdditionalData;
}
