import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { nodeProperties } from './actions/properties';
import { listSearch, loadOptions, resourceMapping, smartsheetCredentials } from '../shared';
import { router } from './actions/router';

// Stringified into an n8n expression (as SwitchV3 does): no imports or enums inside.
const configuredOutputs = (failureRouting: string) =>
	failureRouting === 'n8n'
		? [{ type: 'main', displayName: 'Success' }]
		: ['Success', 'Auth', 'Permission', 'Payload', 'Throttled'].map((displayName) => ({
				type: 'main',
				displayName,
			}));

export class Smartsheet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartsheet',
		name: 'smartsheet',
		icon: { light: 'file:smartsheet.svg', dark: 'file:smartsheet.dark.svg' },
		group: ['transform'],
		// Version 2: Row Add, Update and Create or Update map columns with n8n's column mapper.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Read and write Smartsheet sheets and rows, with failures routed to Auth, Permission, Payload and Throttled outputs',
		defaults: { name: 'Smartsheet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter.failureRouting)}}`,
		credentials: smartsheetCredentials,
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
