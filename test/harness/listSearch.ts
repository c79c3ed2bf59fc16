// Calls a node's listSearch method the way n8n's editor backend does (DynamicNodeParametersService):
// a one-node workflow holding the node's current parameters and credentials, and n8n-core's real
// LoadOptionsContext over it, so requests go through httpRequestWithAuthentication (and n8n's own
// OAuth2 refresh) to the emulator like any editor picker.
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
	type ResourceMapperFields,
} from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';
import type { NodeUnderTest } from './runWorkflow';

export interface ListSearchOptions {
	subject: NodeUnderTest;
	method: string;
	parameters: INodeParameters;
	credentials: Record<string, { id: string; name: string }>;
	store: CredentialStore;
	filter?: string;
	paginationToken?: string;
}

export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const method = options.subject.node.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`the node has no listSearch method ${options.method}`);
	return await method.call(editorContext(options), options.filter, options.paginationToken);
}

/** Calls a node's column mapper method (resourceMapping) as the editor does when it loads the mapper. */
export async function runResourceMapping(
	options: ListSearchOptions,
): Promise<ResourceMapperFields> {
	const method = options.subject.node.methods?.resourceMapping?.[options.method];
	if (!method) throw new Error(`the node has no resourceMapping method ${options.method}`);
	return await method.call(editorContext(options));
}

function editorContext(options: ListSearchOptions): ILoadOptionsFunctions {
	const { subject } = options;
	const nodeTypes = {
		getByName: () => subject.node,
		getByNameAndVersion: () => subject.node,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node = {
		id: 'temp',
		name: 'Temp-Node',
		type: subject.type,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: options.parameters,
		credentials: options.credentials,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const types = Object.fromEntries(subject.credentialTypes.map((type) => [type.name, type]));
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.store, types),
		currentNodeParameters: options.parameters,
		executeWorkflow: async () => {
			throw new Error('not available in the editor');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(
		workflow,
		workflow.getNode('Temp-Node')!,
		additionalData,
		'parameters.value',
	);
}
