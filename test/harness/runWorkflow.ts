// Runs "Start → <node under test>" through n8n's real execution engine (WorkflowExecute from
// n8n-core), with the test credentials helper, and returns what left each output of the node.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
} from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import { installCaptureLogger } from './captureLogger';
import type { CredentialStore } from './credentialStore';
import { useUntimedRegexEngine } from './regexEngine';

/** A trigger-like first node that emits the items a test gives it. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[]' },
			{ displayName: 'Binary', name: 'binary', type: 'json', default: '' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		const binaryText = this.getNodeParameter('binary', 0) as string;
		const binary = binaryText
			? (JSON.parse(binaryText) as INodeExecutionData['binary'])
			: undefined;
		return [items.map((json) => ({ json, ...(binary ? { binary } : {}) }))];
	}
}

export interface NodeUnderTest {
	type: string; // e.g. 'n8n-nodes-smartsheet-resilient.smartsheet'
	node: INodeType;
	credentialTypes: ICredentialType[];
}

export interface RunOptions {
	subject: NodeUnderTest;
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials?: Record<string, { id: string; name: string }>;
	store: CredentialStore;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	executionId?: string;
	/** Binary data given to every input item, e.g. `{ data: { data: base64, mimeType, fileName } }`. */
	binary?: Record<string, { data: string; mimeType: string; fileName?: string }>;
	/** The node version the workflow saved (default 1). */
	typeVersion?: number;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** Items per output of the node under test (index = output index). */
	outputs: INodeExecutionData[][];
	/** The execution hints the node added (shown above its output in the editor). */
	hints: Array<{ message: string }>;
	errorMessage?: string;
}

let executionCounter = 0;
let loggerInstalled = false;

export async function runNode(options: RunOptions): Promise<RunResult> {
	if (!loggerInstalled) {
		installCaptureLogger();
		useUntimedRegexEngine();
		loggerInstalled = true;
	}
	const { subject } = options;
	const start = new StartNode();
	const nodeTypes: INodeTypes = {
		getByName: (name) => (name === 'test.start' ? start : subject.node),
		getByNameAndVersion: (name) => (name === 'test.start' ? start : subject.node),
		getKnownTypes: () => ({}),
	} as INodeTypes;

	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'test.start',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {
				items: JSON.stringify(options.items ?? [{}]),
				binary: options.binary ? JSON.stringify(options.binary) : '',
			},
		},
		{
			id: 'subject',
			name: 'Subject',
			type: subject.type,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0] as [number, number],
			parameters: options.parameters,
			credentials: options.credentials,
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const workflowData = {
		id: 'wf-test',
		name: 'test',
		active: false,
		nodes,
		connections: { Start: { main: [[{ node: 'Subject', type: 'main' as const, index: 0 }]] } },
		settings: { executionOrder: 'v1' as const },
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const executionId = options.executionId ?? `exec-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		...workflowData,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = buildAdditionalData({
		hooks,
		store: options.store,
		credentialTypes: subject.credentialTypes,
		executionId,
	});

	const run = await new WorkflowExecute(additionalData, 'manual', createRunExecutionData()).run({
		workflow,
		startNode: workflow.getNode('Start')!,
	});
	const taskData = run.data.resultData.runData.Subject?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	return {
		run,
		status: run.status,
		outputs,
		hints: (taskData?.hints ?? []) as Array<{ message: string }>,
		errorMessage: run.data.resultData.error?.message,
	};
}
