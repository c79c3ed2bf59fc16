import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ClientSettings } from '../transport';
import { DEFAULT_RETRY } from '../transport/retryPolicy';

/** Reads the node's Options into transport settings (once per execution). */
export function readClientSettings(ctx: IExecuteFunctions): ClientSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const number = (name: string, fallback: number) =>
		typeof options[name] === 'number' ? (options[name] as number) : fallback;
	const margin = number('refreshMarginSeconds', -1);
	return {
		retry: {
			...DEFAULT_RETRY,
			maxWaitMs: number('maxRetryWaitSeconds', DEFAULT_RETRY.maxWaitMs / 1000) * 1000,
			initialDelayMs: number('retryInitialDelayMs', DEFAULT_RETRY.initialDelayMs),
		},
		requestsPerMinute: number('requestsPerMinute', 300),
		refreshMarginSeconds: margin >= 0 ? margin : undefined,
		timeoutMs: number('timeoutMs', 60_000),
		changeAgent: typeof options.changeAgent === 'string' && options.changeAgent ? options.changeAgent : 'n8n-smartsheet-resilient',
	};
}
