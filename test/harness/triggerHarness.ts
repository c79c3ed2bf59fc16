// Runs a trigger node the way n8n's production webhook path does, in process and over real HTTP:
//  - activation: the route is registered first, then checkExists → create run in a HookContext,
//    and only afterwards is the node's static data "saved" (the order problem);
//  - every request to the route builds a fresh Workflow from the saved static data (as n8n loads
//    the workflow from its database), runs the node's webhook() in a WebhookContext with the raw
//    body n8n's body parser keeps, answers as n8n's webhook helpers do, saves changed static data,
//    and, when webhook() returns workflowData, starts an execution through WorkflowExecute;
//  - polls run the node's poll() in a PollContext over one long-lived Workflow (as ActiveWorkflows
//    keeps it), and emitted items start an execution.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	ExecutionLifecycleHooks,
	HookContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWebhookResponseData,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import { installCaptureLogger } from './captureLogger';
import type { CredentialStore } from './credentialStore';
import { useUntimedRegexEngine } from './regexEngine';

export interface TriggerOptions {
	type: string;
	node: INodeType;
	credentialTypes: ICredentialType[];
	store: CredentialStore;
	parameters: INodeParameters;
	credentials: Record<string, { id: string; name: string }>;
	name?: string;
}

export interface Execution {
	run: IRun;
	status: IRun['status'];
	items: IDataObject[];
}

/** One request the route answered: what n8n sent back to Smartsheet. */
export interface Answered {
	status: number;
	headers: Record<string, unknown>;
	body: string;
	started: boolean;
}

const WORKFLOW_ID = 'wf-trigger';

export class TriggerHarness {
	/** The node's static data as n8n's database holds it. */
	savedStaticData: IDataObject = {};
	readonly executions: Execution[] = [];
	readonly answered: Answered[] = [];
	/** Whether n8n has registered the route (before that it answers 404, as n8n does). */
	registered = false;
	/** Simulates the window between create() and n8n saving the static data. */
	holdStaticData = false;
	/** A proxy in front of n8n that answers everything itself (e.g. 502), or null. */
	answerWith: { status: number; body: string } | null = null;
	private readonly nodeWebhookId = randomUUID();
	private readonly server: Server;
	private baseUrl = '';
	private pollWorkflow: Workflow | null = null;
	private counter = 0;
	private readonly waiters: Array<() => void> = [];

	private constructor(private readonly options: TriggerOptions) {
		installCaptureLogger();
		useUntimedRegexEngine();
		this.server = createServer((request, response) => void this.handle(request, response));
	}

	static async start(options: TriggerOptions): Promise<TriggerHarness> {
		const harness = new TriggerHarness(options);
		await new Promise<void>((resolve) => harness.server.listen(0, '127.0.0.1', resolve));
		harness.baseUrl = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}/webhook`;
		return harness;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The production URL n8n gives the node: <base>/<node webhookId>/<path>. */
	get webhookUrl(): string {
		return `${this.baseUrl}/${this.nodeWebhookId}/webhook`;
	}

	/** The URL of "Listen for test event". */
	get testWebhookUrl(): string {
		return `${this.baseUrl}-test/${this.nodeWebhookId}/webhook`;
	}

	/** The static data of a test registration, which n8n keeps in memory only. */
	private testStaticData: IDataObject | null = null;
	private testRegistered = false;

	/**
	 * "Listen for test event": n8n builds the workflow from the saved (production) static data,
	 * registers the test route, runs checkExists → create with the test URL and keeps that static
	 * data in memory for the test request; it never saves it.
	 */
	async listenForTestEvent(): Promise<void> {
		const workflow = this.workflow();
		const context = this.hookContext(workflow, 'manual', true);
		const methods = this.options.node.webhookMethods!.default!;
		this.testRegistered = true; // before create(), "in case service sends a confirmation request immediately"
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		this.testStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}

	/** The test registration ends: delete with its in-memory static data. */
	async stopListening(): Promise<boolean> {
		const workflow = this.workflow(this.testStaticData ?? {});
		this.testStaticData = null;
		this.testRegistered = false;
		return await this.options.node.webhookMethods!.default!.delete.call(
			this.hookContext(workflow, 'manual', true),
		);
	}

	setParameters(parameters: INodeParameters): void {
		this.options.parameters = parameters;
		this.pollWorkflow = null;
	}

	/** Production activation: register the route, checkExists → create, then save static data. */
	async activate(): Promise<'existed' | 'created'> {
		this.registered = true;
		const workflow = this.workflow();
		const context = this.hookContext(workflow, 'activate');
		const methods = this.options.node.webhookMethods!.default!;
		try {
			if (await methods.checkExists.call(context)) {
				this.save(workflow);
				return 'existed';
			}
			await methods.create.call(context);
		} catch (error) {
			this.registered = false;
			throw error;
		}
		if (!this.holdStaticData) this.save(workflow);
		else this.pendingStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		return 'created';
	}

	private pendingStaticData: IDataObject | null = null;

	/** n8n finally saves the static data create() wrote. */
	commitStaticData(): void {
		if (this.pendingStaticData) this.savedStaticData = this.pendingStaticData;
		this.pendingStaticData = null;
		this.holdStaticData = false;
	}

	/** Deactivation: delete, then the route goes away. */
	async deactivate(): Promise<boolean> {
		const workflow = this.workflow();
		const deleted = await this.options.node.webhookMethods!.default!.delete.call(
			this.hookContext(workflow, 'activate'),
		);
		this.save(workflow);
		this.registered = false;
		return deleted;
	}

	/** One poll: 'trigger' as on the schedule of an active workflow, 'manual' as "Fetch Test Event". */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[][] | null> {
		this.pollWorkflow ??= this.workflow();
		const workflow = this.pollWorkflow;
		const context = new PollContext(
			workflow,
			this.triggerNode(workflow),
			this.additionalData(),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		const result = await this.options.node.poll!.call(context);
		this.save(workflow);
		if (result) await this.execute(workflow, result, 'trigger');
		return result;
	}

	/** Resolves once `count` executions have started (or rejects after `timeoutMs`). */
	async waitForExecutions(count: number, timeoutMs = 5000): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.executions.length < count) {
			if (Date.now() > deadline)
				throw new Error(`expected ${count} executions, saw ${this.executions.length}`);
			await new Promise<void>((resolve) => {
				this.waiters.push(resolve);
				setTimeout(resolve, 25);
			});
		}
		return this.executions.slice(0, count);
	}

	/** The items of every execution so far, in order. */
	items(): IDataObject[] {
		return this.executions.flatMap((execution) => execution.items);
	}

	private workflow(staticData: IDataObject = this.savedStaticData): Workflow {
		const nodeTypes: INodeTypes = {
			getByName: () => this.options.node,
			getByNameAndVersion: () => this.options.node,
			getKnownTypes: () => ({}),
		} as INodeTypes;
		return new Workflow({
			id: WORKFLOW_ID,
			name: 'Trigger test',
			active: true,
			nodes: [this.nodeDefinition()],
			connections: {},
			settings: { executionOrder: 'v1' },
			staticData: structuredClone(staticData),
			nodeTypes,
		});
	}

	private nodeDefinition(): INode {
		return {
			id: 'trigger',
			name: this.options.name ?? 'Smartsheet Trigger',
			type: this.options.type,
			typeVersion: 1,
			position: [0, 0],
			webhookId: this.nodeWebhookId,
			parameters: this.options.parameters,
			credentials: this.options.credentials,
		};
	}

	private triggerNode(workflow: Workflow): INode {
		return workflow.getNode(this.options.name ?? 'Smartsheet Trigger')!;
	}

	private additionalData(extra: Record<string, unknown> = {}) {
		const executionId = `trigger-exec-${++this.counter}`;
		const hooks = new ExecutionLifecycleHooks('webhook', executionId, {
			id: WORKFLOW_ID,
			name: 'Trigger test',
			nodes: [],
			connections: {},
			active: true,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			settings: {},
		} as never);
		return Object.assign(
			buildAdditionalData({
				hooks,
				store: this.options.store,
				credentialTypes: this.options.credentialTypes,
				executionId,
				webhookBaseUrl: this.baseUrl,
				webhookTestBaseUrl: `${this.baseUrl}-test`,
			}),
			extra,
		);
	}

	private webhookData(
		workflow: Workflow,
		additionalData: ReturnType<TriggerHarness['additionalData']>,
		isTest = false,
	): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.triggerNode(workflow).name,
			path: `${this.nodeWebhookId}/webhook`,
			webhookDescription: this.options.node.description.webhooks![0],
			workflowId: WORKFLOW_ID,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.nodeWebhookId,
			isTest,
		} as IWebhookData;
	}

	private hookContext(
		workflow: Workflow,
		activation: WorkflowActivateMode,
		isTest = false,
	): HookContext {
		const additionalData = this.additionalData();
		return new HookContext(
			workflow,
			this.triggerNode(workflow),
			additionalData,
			isTest ? 'manual' : 'trigger',
			activation,
			this.webhookData(workflow, additionalData, isTest),
		);
	}

	private save(workflow: Workflow): void {
		this.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
		if (this.answerWith)
			return this.reply(response, this.answerWith.status, this.answerWith.body, false);
		const isTest = this.testRegistered && path === new URL(this.testWebhookUrl).pathname;
		if (
			request.method !== 'POST' ||
			!(isTest || (this.registered && path === new URL(this.webhookUrl).pathname))
		) {
			return this.reply(
				response,
				404,
				{ message: `The requested webhook "${request.method} ${path}" is not registered.` },
				false,
			);
		}
		// What n8n's body parser leaves on the request: the raw bytes and the parsed JSON.
		const req = Object.assign(request, {
			rawBody,
			body: parseJson(rawBody),
			query: {},
			params: {},
			readRawBody: async () => {},
		});
		const workflow = this.workflow(
			isTest ? (this.testStaticData ?? this.savedStaticData) : this.savedStaticData,
		);
		const before = JSON.stringify(workflow.staticData);
		const additionalData = this.additionalData({ httpRequest: req, httpResponse: response });
		const context = new WebhookContext(
			workflow,
			this.triggerNode(workflow),
			additionalData,
			isTest ? 'manual' : 'webhook',
			this.webhookData(workflow, additionalData, isTest),
			[],
			null,
		);
		let result: IWebhookResponseData;
		try {
			result = await this.options.node.webhook!.call(context);
		} catch (error) {
			return this.reply(response, 500, { message: (error as Error).message }, false);
		}
		if (!isTest && JSON.stringify(workflow.staticData) !== before) this.save(workflow);
		const started = result.workflowData !== undefined;
		if (result.noWebhookResponse) this.record(response, started);
		else if (!started)
			this.reply(
				response,
				200,
				result.webhookResponse ?? { message: 'Webhook call received' },
				false,
			);
		else this.reply(response, 200, { message: 'Workflow was started' }, true);
		if (started) await this.execute(workflow, result.workflowData!, 'webhook');
	}

	private async execute(
		workflow: Workflow,
		data: INodeExecutionData[][],
		mode: 'webhook' | 'trigger',
	): Promise<void> {
		const node = this.triggerNode(workflow);
		const runData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] },
		});
		const run = await new WorkflowExecute(
			this.additionalData(),
			mode,
			runData,
		).processRunExecutionData(workflow);
		const output = run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
		this.executions.push({ run, status: run.status, items: output.map((item) => item.json) });
		for (const wake of this.waiters.splice(0)) wake();
	}

	private reply(response: ServerResponse, status: number, body: unknown, started: boolean): void {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		response.writeHead(status, { 'Content-Type': 'application/json' });
		response.end(text);
		this.answered.push({ status, headers: {}, body: text, started });
	}

	private record(response: ServerResponse, started: boolean): void {
		this.answered.push({
			status: response.statusCode,
			headers: response.getHeaders(),
			body: '',
			started,
		});
		if (!response.writableEnded) response.end();
	}
}

function parseJson(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}
