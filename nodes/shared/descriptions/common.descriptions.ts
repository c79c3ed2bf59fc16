import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_CONCURRENCY,
	DEFAULT_REQUESTS_PER_MINUTE,
	DEFAULT_TIMEOUT_MS,
	PACKAGE_CHANGE_AGENT,
} from '../helpers/settings';
import { idLocator } from './locators';

/** The sheet picker: from a searchable list, by URL, or by ID. */
export const sheetLocator: INodeProperties = idLocator({
	displayName: 'Sheet',
	name: 'sheetId',
	what: 'sheet',
	searchListMethod: 'searchSheets',
	urlPath: 'sheets',
	description: 'The sheet to work with',
});

/**
 * The sheet picker of a resource (of some of its operations), placed right after its Operation:
 * every field below depends on the sheet, as in n8n's own nodes.
 */
export function sheetPicker(resource: string, operations?: string[]): INodeProperties {
	return {
		...sheetLocator,
		displayOptions: {
			show: { resource: [resource], ...(operations ? { operation: operations } : {}) },
		},
	};
}

export function rowIdField(operation: string, resource = 'row'): INodeProperties {
	return idField({
		name: 'rowId',
		displayName: 'Row ID',
		show: { resource: [resource], operation: [operation] },
		description:
			'ID of the row. By default the row ID that the Get and Add operations output for the incoming item.',
	});
}

/** A required ID field, by default the incoming item's `id` (what Get, List and Create output). */
export function idField(field: {
	name: string;
	displayName: string;
	show: { [key: string]: string[] };
	description: string;
	default?: string;
}): INodeProperties {
	const defaultId = field.default ?? '={{ $json.id }}';
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: defaultId,
		required: true,
		description: field.description,
		displayOptions: { show: field.show },
	};
}

/** An "Options" collection (the parameter `options`) holding `options`. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Options every operation shares: retries, pacing, token refresh timing. */
export const transportOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Change Agent',
			name: 'changeAgent',
			type: 'string',
			default: PACKAGE_CHANGE_AGENT,
			description:
				'Sent with every write as Smartsheet-Change-Agent, so a Smartsheet Trigger can ignore changes made by your own workflows',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			default: DEFAULT_CONCURRENCY,
			typeOptions: { minValue: 1 },
			description:
				'How many items one execution reads at the same time in operations that send one request per item (Get, List, Search, cell history, …). Writes stay one at a time, in item order; Requests per Minute holds either way.',
		},
		{
			displayName: 'Execution Summary',
			name: 'summary',
			type: 'options',
			options: [
				{ name: 'As Execution Hint', value: 'hint', description: 'Counts shown above the output' },
				{
					name: 'As Hint and an Extra Item',
					value: 'item',
					description:
						'Also one extra item, last on Success, with "smartsheetExecutionSummary" (requests, retries, refreshes, rate-limit answers, items per output), to log it. The one item that is not an input\'s result: Success then holds one more item than inputs that succeeded.',
				},
				{ name: 'None', value: 'none' },
			],
			default: 'hint',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description:
				'Most attempts per request, the first included. 0 means no cap: Max Retry Wait alone ends the retries.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 0 },
			description:
				'Longest time one request may wait in total before retrying rate limits (429), maintenance (503) and busy-sheet answers; the last attempt is made when it ends. When it is spent, the item goes to the Throttled output.',
		},
		{
			displayName: 'Refresh Margin (Seconds)',
			name: 'refreshMarginSeconds',
			type: 'number',
			default: -1,
			description:
				'OAuth2 only: refresh the access token this long before it expires. -1 uses the larger of 10% of its lifetime and 5 minutes (at most half the lifetime).',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			default: DEFAULT_REQUESTS_PER_MINUTE,
			typeOptions: { minValue: 1 },
			description:
				"Pace requests per credential to stay under Smartsheet's limit (300 a minute per token; attachments and cell history count as 10)",
		},
		{
			displayName: 'Retry Initial Delay (Ms)',
			name: 'retryInitialDelayMs',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 0 },
			description:
				'First backoff step before a retry; it doubles with each attempt (with random jitter)',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			default: DEFAULT_TIMEOUT_MS,
			typeOptions: { minValue: 1000 },
			description: 'How long to wait for one answer from Smartsheet',
		},
	],
};

/** The Operation picker of one resource. */
export function operationPicker(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
