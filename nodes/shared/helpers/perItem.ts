import type { IBinaryKeyData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { invalidInputFailure, type SmartsheetClient, SmartsheetRequestError } from '../transport';
import { forEachInFlight, isReadOnly } from './inFlight';
import type { ItemResult } from './interfaces';
import { DEFAULT_CONCURRENCY } from './settings';

/** A builder's input that cannot become a request; it goes to the Payload output. */
export class InvalidInput extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidInput';
	}
}

/** An item's output with a file (a downloaded attachment). */
export class WithBinary {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/**
 * Runs `work` for every item, several at once for reads (Options → Concurrency), one at a time
 * for writes; results come back in item order. A Smartsheet failure or bad input fails only that item.
 */
export async function perItem(
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
	work: (itemIndex: number) => Promise<IDataObject | IDataObject[] | WithBinary>,
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const concurrency = isReadOnly(operation)
		? (client.settings.readConcurrency ?? DEFAULT_CONCURRENCY)
		: 1;
	await forEachInFlight(items.length, concurrency, async (item) => {
		try {
			const json = await work(item);
			if (json instanceof WithBinary)
				results.push({ item, json: [json.json], binary: json.binary });
			else results.push({ item, json: Array.isArray(json) ? json : [json] });
		} catch (error) {
			results.push({ item, failure: failureOf(client, operation, error) });
		}
	});
	return results.sort((a, b) => a.item - b.item); // finished in any order, output in item order
}

/** Turns what an operation threw into a diagnosis; anything else is a bug and is rethrown. */
export function failureOf(client: SmartsheetClient, operation: string, error: unknown) {
	if (error instanceof SmartsheetRequestError) return error.failure;
	if (error instanceof InvalidInput) return invalidInputFailure(client, operation, error.message);
	throw error;
}
