// What the sheet and report polling triggers share besides the watermark: the "Trigger On"
// choice and how a refused poll is reported to n8n (which shows it on the trigger and retries).
import { NodeOperationError, type INode, type INodeProperties } from 'n8n-workflow';

import { SmartsheetRequestError } from '../transport';

/** Row Added / Row Updated, with what one poll costs for this trigger. */
export function rowEventsProperty(description: string): INodeProperties {
	return {
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: [
			{ name: 'Row Added', value: 'created' },
			{ name: 'Row Updated', value: 'updated' },
		],
		default: ['created', 'updated'],
		required: true,
		description,
	};
}

/** A poll Smartsheet refused, with the diagnosis's action; anything else is a bug, passed on as is. */
export function pollFailure(node: INode, error: unknown, what: string): NodeOperationError {
	if (!(error instanceof SmartsheetRequestError))
		return new NodeOperationError(node, error as Error);
	const failure = error.failure;
	return new NodeOperationError(
		node,
		`Smartsheet refused the poll of ${what}: ${failure.message}`,
		{
			description: `${failure.action} (HTTP ${failure.httpStatus ?? 'none'}, errorCode ${failure.errorCode ?? 'none'})`,
		},
	);
}
