// A transport client for the triggers' contexts (webhook lifecycle, incoming callbacks, polls):
// the same token lifecycle, pacing, retries and failure classification as the Smartsheet node.
import type { IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { defaultClientSettings } from '../helpers/settings';
import { type AuthKind, DEFAULT_RETRY, SmartsheetClient } from '../transport';

export function triggerClient(
	ctx: IHookFunctions | IWebhookFunctions | IPollFunctions,
	options: { maxRetryWaitMs?: number } = {},
): SmartsheetClient {
	const kind = ctx.getNodeParameter('authentication', 'oAuth2') as AuthKind;
	return new SmartsheetClient(
		ctx,
		kind,
		defaultClientSettings({
			retry: { ...DEFAULT_RETRY, maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_RETRY.maxWaitMs },
		}),
	);
}

/** The sheet the trigger watches, as a string of digits (or '' when none is set). */
export function watchedSheetId(ctx: IHookFunctions | IWebhookFunctions | IPollFunctions): string {
	return String(ctx.getNodeParameter('sheetId', '', { extractValue: true }) ?? '').trim();
}
