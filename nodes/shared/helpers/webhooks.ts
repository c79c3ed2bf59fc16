// Smartsheet webhooks through the transport: all pages of GET /webhooks (the 2026 shape: totals
// -1, a short page is the last), and the webhook as this package shows it — never its shared
// secret, only the secret's last 6 characters.
import type { IDataObject } from 'n8n-workflow';

import { secretSuffix, type SmartsheetClient } from '../transport';
import { atShortPageOrTotalPages, pageNumbers, pages } from './pager';

const PAGE_SIZE = 1000;

export interface WebhookRecord extends IDataObject {
	id: string;
	name: string;
	scopeObjectId: string;
	callbackUrl: string;
	enabled: boolean;
	status: string;
	sharedSecret?: string;
	disabledDetails?: string;
	subscope?: { columnIds?: unknown[] };
}

/** Every webhook the credential may see, newest first (Smartsheet's order since 2026). */
export async function* webhookPages(
	client: SmartsheetClient,
	operation: string,
): AsyncGenerator<WebhookRecord[]> {
	const fetchPage = async (paging: IDataObject) =>
		await client.request<{ data?: WebhookRecord[]; totalPages?: number }>({
			method: 'GET',
			path: '/webhooks',
			qs: paging,
			operation,
		});
	yield* pages(
		fetchPage,
		pageNumbers(PAGE_SIZE, atShortPageOrTotalPages(PAGE_SIZE)),
		(answer) => answer.data,
	);
}

export interface NewSheetWebhook {
	name: string;
	callbackUrl: string;
	sheetId: string;
	/** Only changes in these columns are sent (row deletions always are); empty: every column. */
	columnIds: string[];
}

/**
 * Creates a webhook on a sheet. Smartsheet accepts only scope "sheet", events ["*.*"] and
 * version 1, and creates it disabled (NEW_NOT_VERIFIED) until it is enabled.
 */
export async function createSheetWebhook(
	client: SmartsheetClient,
	webhook: NewSheetWebhook,
	operation: string,
): Promise<WebhookRecord> {
	const body = {
		name: webhook.name,
		callbackUrl: webhook.callbackUrl,
		scope: 'sheet',
		scopeObjectId: webhook.sheetId,
		events: ['*.*'],
		version: 1,
		...(webhook.columnIds.length ? { subscope: { columnIds: webhook.columnIds } } : {}),
	};
	return (
		await client.request<{ result: WebhookRecord }>({
			method: 'POST',
			path: '/webhooks',
			body,
			operation,
		})
	).result;
}

/** Enables a webhook: Smartsheet verifies its callback URL before it answers, and the status says how that went. */
export async function enableWebhook(
	client: SmartsheetClient,
	webhookId: string,
	operation: string,
): Promise<WebhookRecord> {
	return (
		await client.request<{ result: WebhookRecord }>({
			method: 'PUT',
			path: `/webhooks/${webhookId}`,
			body: { enabled: true },
			operation,
		})
	).result;
}

/** Column IDs of a webhook's subscope as digit strings, sorted (empty = every column). */
export function subscopeOf(webhook: WebhookRecord): string[] {
	return (webhook.subscope?.columnIds ?? []).map(String).sort();
}

/** A webhook as output: IDs as strings, the shared secret reduced to its last 6 characters. */
export function publicWebhook(webhook: WebhookRecord): IDataObject {
	const { sharedSecret, ...rest } = webhook;
	return {
		...rest,
		...(webhook.subscope ? { subscope: { columnIds: subscopeOf(webhook) } } : {}),
		sharedSecretSuffix: secretSuffix(sharedSecret ?? null),
	};
}
