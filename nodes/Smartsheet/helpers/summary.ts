// The counts of one execution (requests, retries, refreshes, 429s, items per output), shown as an
// execution hint and, when the builder asks for it, as one extra item they can log: the one item
// that is not an input's result (documented with the option and in the README).
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { OUTPUT_NAMES, type SmartsheetClient } from '../../shared';

export function executionSummary(
	client: SmartsheetClient,
	outputs: INodeExecutionData[][],
): IDataObject {
	const perOutput: IDataObject = {};
	outputs.forEach(
		(items, index) => (perOutput[OUTPUT_NAMES[index] ?? `output${index}`] = items.length),
	);
	const counts = client.snapshot();
	return {
		requests: counts.requests,
		rateLimitUnits: counts.rateUnits,
		retries: counts.retries,
		rateLimitAnswers: counts.throttledAnswers,
		waitedForRateLimitMs: counts.waitedForRateMs,
		backoffMs: counts.backoffMs,
		tokenRefreshes: counts.refreshes,
		proactiveRefreshChecks: counts.proactiveRefreshes,
		reactiveRefreshChecks: counts.reactiveRefreshes,
		items: perOutput,
	};
}

export function reportSummary(
	ctx: IExecuteFunctions,
	client: SmartsheetClient,
	outputs: INodeExecutionData[][],
	mode: string,
): void {
	const summary = executionSummary(client, outputs);
	if (mode === 'none') return;
	const items = summary.items as IDataObject;
	const text = Object.entries(items)
		.map(([name, count]) => `${name} ${count}`)
		.join(', ');
	// Execution hints arrived in n8n 1.x; feature-detect rather than fail on an older host.
	if (typeof ctx.addExecutionHints === 'function')
		ctx.addExecutionHints({
			message: `Smartsheet: ${summary.requests} requests (${summary.rateLimitUnits} rate-limit units), ${summary.retries} retries, ${summary.tokenRefreshes} token refreshes, ${summary.rateLimitAnswers} rate-limit answers; items: ${text}`,
			location: 'outputPane',
		});
	if (mode === 'item')
		outputs[0].push({ json: { smartsheetExecutionSummary: summary }, pairedItem: { item: 0 } });
}
