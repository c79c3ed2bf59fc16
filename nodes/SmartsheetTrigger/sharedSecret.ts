// Where an incoming callback's shared secret comes from.
//
// The order problem (n8n saves a workflow's static data only after create() returns): Smartsheet
// verifies the callback URL *during* create() (the enabling PUT is synchronous), and a sheet change
// right after enabling can reach webhook() before the static data holding the secret is saved. So:
//  1. the verification challenge is answered without any secret (callback.ts, before this runs);
//  2. events use the secret create() stored in static data;
//  3. only when the static data names no webhook (or names one without its secret) is a webhook
//     fetched from Smartsheet (GET /webhooks/{id}, the credential's own webhooks only), at most
//     LOOKUPS_PER_MINUTE times a minute per trigger, and its secret used only if the webhook is this
//     node's: same callback URL and same sheet.
// Every answer is remembered per trigger (callback URL and sheet) and webhook, so one trigger's
// verdict ("not ours") never affects another's. The claimed webhook ID comes from n8n's own parse
// of the body, exact below 2^53; a larger one is not looked up (the callback gets 401 until n8n has
// saved the static data, and Smartsheet's retry then delivers it).
import { NodeOperationError, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import {
	SmartsheetRequestError,
	triggerClient,
	watchedSheetId,
	type WebhookRecord,
} from '../shared';
import { LookupBudget } from './lookupBudget';

/** What the trigger keeps in the workflow's static data (saved by n8n after create()). */
export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	sharedSecret?: string;
}

/** The secret a callback is checked against, and the webhook it belongs to. */
export interface CallbackSecret {
	webhookId: string;
	secret: string;
}

const MAX_REMEMBERED = 1000;
const fetched = new Map<string, string>();
const notOurs = new Set<string>();
const lookups = new Map<string, Promise<string | null>>();
const budget = new LookupBudget();

export function nodeStaticData(ctx: {
	getWorkflowStaticData(type: string): IDataObject;
}): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}

/** Which trigger this is, for every cache: its callback URL and the sheet it watches. */
export function triggerKey(ctx: IWebhookFunctions): string {
	return `${ctx.getNodeWebhookUrl('default') ?? ''} ${watchedSheetId(ctx)}`;
}

/**
 * The secret to check a callback against, or null when there is none to use. `claimedWebhookId`
 * comes from the unverified body and is only used when the static data names no webhook.
 */
export async function sharedSecretFor(
	ctx: IWebhookFunctions,
	claimedWebhookId: string | undefined,
): Promise<CallbackSecret | null> {
	const stored = nodeStaticData(ctx);
	if (stored.webhookId && stored.sharedSecret)
		return { webhookId: stored.webhookId, secret: stored.sharedSecret };
	const webhookId = stored.webhookId ?? claimedWebhookId;
	if (!webhookId || !/^\d{1,20}$/.test(webhookId)) return null;
	const trigger = triggerKey(ctx);
	const key = `${trigger} ${webhookId}`;
	if (notOurs.has(key)) return null;
	const known = fetched.get(key);
	if (known) return { webhookId, secret: known };
	let pending = lookups.get(key);
	if (!pending) {
		if (!budget.take(trigger, Date.now())) return null;
		pending = lookUp(ctx, key, webhookId).finally(() => lookups.delete(key));
		lookups.set(key, pending);
	}
	const secret = await pending;
	return secret ? { webhookId, secret } : null;
}

/** After delete(): this process forgets what it fetched for the webhook, for every trigger. */
export function forgetSharedSecret(webhookId: string): void {
	for (const key of fetched.keys()) if (key.endsWith(` ${webhookId}`)) fetched.delete(key);
}

async function lookUp(
	ctx: IWebhookFunctions,
	key: string,
	webhookId: string,
): Promise<string | null> {
	let webhook: WebhookRecord;
	try {
		webhook = await triggerClient(ctx, { maxRetryWaitMs: 10_000 }).request<WebhookRecord>({
			method: 'GET',
			path: `/webhooks/${webhookId}`,
			operation: 'trigger:callback',
		});
	} catch (error) {
		if (!(error instanceof SmartsheetRequestError))
			throw new NodeOperationError(ctx.getNode(), error as Error);
		if (error.failure.httpStatus === 404) remember(notOurs, key);
		return null;
	}
	const urls = [
		ctx.getNodeWebhookUrl('default'),
		typeof ctx.getWebhookResourceUrl === 'function'
			? ctx.getWebhookResourceUrl('default')
			: undefined,
	];
	const ours =
		urls.includes(webhook.callbackUrl) && String(webhook.scopeObjectId) === watchedSheetId(ctx);
	if (!ours || typeof webhook.sharedSecret !== 'string') {
		remember(notOurs, key);
		return null;
	}
	if (fetched.size >= MAX_REMEMBERED) fetched.clear();
	fetched.set(key, webhook.sharedSecret);
	return webhook.sharedSecret;
}

function remember(set: Set<string>, key: string): void {
	if (set.size >= MAX_REMEMBERED) set.clear();
	set.add(key);
}
