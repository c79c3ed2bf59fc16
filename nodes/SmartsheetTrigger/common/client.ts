// A transport client for the triggers' contexts (webhook lifecycle, incoming callbacks, polls):
// the same token lifecycle, pacing, retries and failure classification as the Smartsheet node.
import type { IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { SmartsheetClient } from '../../Smartsheet/transport';
import { DEFAULT_RETRY } from '../../Smartsheet/transport/retryPolicy';
import type { AuthKind } from '../../Smartsheet/transport/tokenLifecycle';

/** What the Smartsheet node sends as Smartsheet-Change-Agent by default; the trigger ignores it by default. */
export const PACKAGE_CHANGE_AGENT = 'n8n-smartsheet-resilient';

export function triggerClient(ctx: IHookFunctions | IWebhookFunctions | IPollFunctions, options: { maxRetryWaitMs?: number } = {}): SmartsheetClient {
	const kind = ctx.getNodeParameter('authentication', 'oAuth2') as AuthKind;
	return new SmartsheetClient(ctx, kind, {
		retry: { ...DEFAULT_RETRY, maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_RETRY.maxWaitMs },
		requestsPerMinute: 300,
		timeoutMs: 60_000,
		changeAgent: PACKAGE_CHANGE_AGENT,
	});
}

/** The sheet the trigger watches, as a string of digits (or '' when none is set). */
export function watchedSheetId(ctx: IHookFunctions | IWebhookFunctions | IPollFunctions): string {
	return String(ctx.getNodeParameter('sheetId', '', { extractValue: true }) ?? '').trim();
}
