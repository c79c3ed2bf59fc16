// Puts every input item on exactly one output. Failure items keep the input's fields and add
// `smartsheetFailure`; they carry no top-level `error`, so n8n's "continue (using error output)"
// leaves them where the node put them.
import {
	NodeApiError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { FailureClass, ItemResult, SmartsheetFailure } from '../../shared';

const OUTPUT_INDEX: Record<FailureClass, number> = {
	auth: 1,
	permission: 2,
	payload: 3,
	throttled: 4,
};

export type FailureRouting = 'outputs' | 'n8n';

export function assembleOutputs(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	results: ItemResult[],
	routing: FailureRouting,
): INodeExecutionData[][] {
	assertOneResultPerItem(items.length, results);
	const outputs: INodeExecutionData[][] = routing === 'outputs' ? [[], [], [], [], []] : [[]];
	for (const result of [...results].sort((a, b) => a.item - b.item)) {
		const pairedItem = { item: result.item };
		if ('json' in result) {
			for (const json of result.json)
				outputs[0].push({ json, pairedItem, ...(result.binary ? { binary: result.binary } : {}) });
			continue;
		}
		const failure = result.failure;
		if (routing === 'outputs') {
			outputs[OUTPUT_INDEX[failure.class]].push({
				json: { ...items[result.item].json, smartsheetFailure: failure },
				pairedItem,
			});
			continue;
		}
		// n8n's usual behaviour: throw, or with "continue on fail" an error item on the one output.
		const error = new NodeApiError(ctx.getNode(), failure as unknown as JsonObject, {
			itemIndex: result.item,
			message: failure.message,
			description: failure.action,
			httpCode: failure.httpStatus === null ? undefined : String(failure.httpStatus),
		});
		if (!ctx.continueOnFail()) throw error;
		outputs[0].push({
			json: { ...items[result.item].json, error: failure.message, smartsheetFailure: failure },
			error,
			pairedItem,
		});
	}
	return outputs;
}

/** Conservation: a missing or doubled item is a bug in an operation, never silently passed on. */
function assertOneResultPerItem(itemCount: number, results: ItemResult[]): void {
	const seen = new Array<number>(itemCount).fill(0);
	for (const result of results) {
		if (result.item < 0 || result.item >= itemCount)
			throw new Error(`Result for unknown item ${result.item}`);
		seen[result.item]++;
	}
	const wrong = seen.findIndex((count) => count !== 1);
	if (wrong !== -1)
		throw new Error(`Item ${wrong} produced ${seen[wrong]} results instead of exactly one`);
}

export function failureOutputsOf(results: ItemResult[]): SmartsheetFailure[] {
	return results.flatMap((result) => ('failure' in result ? [result.failure] : []));
}
