import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { SmartsheetClient, SmartsheetFailure } from '../transport';

/** What an operation says about one input item: its output JSON, or why it failed. */
export type ItemResult =
	| { item: number; json: IDataObject[]; binary?: IBinaryKeyData }
	| { item: number; failure: SmartsheetFailure };

export type OperationExecute = (
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	/** `<resource>:<operation>`, from the router: the name failures and retries report. */
	operation: string,
) => Promise<ItemResult[]>;

export interface Operation {
	description: INodeProperties[];
	execute: OperationExecute;
}

export const OUTPUT_NAMES = ['Success', 'Auth', 'Permission', 'Payload', 'Throttled'] as const;
