import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { assembleOutputs, type FailureRouting } from '../helpers/outputs';
import { type AuthKind, readClientSettings, SmartsheetClient } from '../../shared';
import { reportSummary } from '../helpers/summary';
import { resources } from './properties';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as keyof typeof resources;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	const client = new SmartsheetClient(
		this,
		this.getNodeParameter('authentication', 0) as AuthKind,
		readClientSettings(this),
	);
	const results = await operation.execute.call(this, client, items, `${resource}:${operationName}`);
	const outputs = assembleOutputs(
		this,
		items,
		results,
		this.getNodeParameter('failureRouting', 0) as FailureRouting,
	);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	reportSummary(
		this,
		client,
		outputs,
		typeof options.summary === 'string' ? options.summary : 'hint',
	);
	return outputs;
}
