import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type ClientSettings, DEFAULT_RETRY } from '../transport';

/**
 * What the Smartsheet node sends as Smartsheet-Change-Agent unless told otherwise. The triggers
 * ignore changes carrying it by default, so both must read it from here: the loop guard holds only
 * while they agree.
 */
export const PACKAGE_CHANGE_AGENT = 'n8n-smartsheet-resilient';
/** Smartsheet's limit per token; the node's Requests per Minute default. */
export const DEFAULT_REQUESTS_PER_MINUTE = 300;
export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Reads in flight per execution. At Smartsheet's latency of hundreds of milliseconds one at a time
 * reaches about half of 300 a minute; `npm run bench` measures 1, 2, 4 and 8 at 350 ms.
 */
export const DEFAULT_CONCURRENCY = 4;

/** Transport settings with nothing chosen: what the triggers use, and the node's defaults. */
export function defaultClientSettings(overrides: Partial<ClientSettings> = {}): ClientSettings {
	return {
		retry: { ...DEFAULT_RETRY },
		requestsPerMinute: DEFAULT_REQUESTS_PER_MINUTE,
		timeoutMs: DEFAULT_TIMEOUT_MS,
		changeAgent: PACKAGE_CHANGE_AGENT,
		...overrides,
	};
}

/** Reads the node's Options into transport settings (once per execution). */
export function readClientSettings(ctx: IExecuteFunctions): ClientSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const number = (name: string, fallback: number) =>
		typeof options[name] === 'number' ? (options[name] as number) : fallback;
	const margin = number('refreshMarginSeconds', -1);
	return defaultClientSettings({
		retry: {
			...DEFAULT_RETRY,
			maxWaitMs: number('maxRetryWaitSeconds', DEFAULT_RETRY.maxWaitMs / 1000) * 1000,
			initialDelayMs: number('retryInitialDelayMs', DEFAULT_RETRY.initialDelayMs),
			maxAttempts: number('maxAttempts', DEFAULT_RETRY.maxAttempts),
		},
		requestsPerMinute: number('requestsPerMinute', DEFAULT_REQUESTS_PER_MINUTE),
		refreshMarginSeconds: margin >= 0 ? margin : undefined,
		timeoutMs: number('timeoutMs', DEFAULT_TIMEOUT_MS),
		readConcurrency: readConcurrency(ctx),
		...(typeof options.changeAgent === 'string' && options.changeAgent
			? { changeAgent: options.changeAgent }
			: {}),
	});
}

/** Options → Concurrency: how many per-item reads one execution keeps in flight. */
export function readConcurrency(ctx: IExecuteFunctions): number {
	const value = (ctx.getNodeParameter('options', 0, {}) as IDataObject).concurrency;
	return typeof value === 'number' && value >= 1 ? Math.floor(value) : DEFAULT_CONCURRENCY;
}
