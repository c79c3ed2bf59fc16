// Where an incoming callback's shared secret comes from.
//
// The order problem (n8n-internals §8.1): in production n8n registers the webhook route, then runs
// create(), and saves the workflow's static data only after create() returns. Smartsheet verifies
// the callback URL *during* create() (the enabling PUT is synchronous), and a sheet change right
// after enabling can reach webhook() before the static data holding the secret is saved; in queue
// mode a webhook process may also hold an older copy. So:
//  1. the verification challenge is answered without any secret (callback.ts, before this runs);
//  2. events use the secret create() stored in static data when it names the same webhook;
//  3. otherwise the webhook named in the (still unverified) callback is fetched from Smartsheet
//     (GET /webhooks/{id}, the credential's own webhooks only) and its secret used only if the
//     webhook is this node's: same callback URL and same sheet. The answer is kept in this process's
//     memory, so it costs one request per webhook, and unknown IDs are remembered as not ours.
import { NodeOperationError, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import type { WebhookRecord } from '../Smartsheet/helpers/webhooks';
import { SmartsheetRequestError } from '../Smartsheet/transport/failure';
import { triggerClient, watchedSheetId } from './common/client';

/** What the trigger keeps in the workflow's static data (saved by n8n after create()). */
export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	sharedSecret?: string;
}

const MAX_REMEMBERED = 1000;
const fetched = new Map<string, string>();
const notOurs = new Set<string>();
const lookups = new Map<string, Promise<string | null>>();

export function nodeStaticData(ctx: { getWorkflowStaticData(type: string): IDataObject }): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}

/** The shared secret to check a callback from `webhookId` against, or null if it is not ours. */
export async function sharedSecretFor(ctx: IWebhookFunctions, webhookId: string): Promise<string | null> {
	const stored = nodeStaticData(ctx);
	if (stored.webhookId === webhookId && stored.sharedSecret) return stored.sharedSecret;
	if (!/^\d+$/.test(webhookId) || notOurs.has(webhookId)) return null;
	const known = fetched.get(webhookId);
	if (known) return known;
	let pending = lookups.get(webhookId);
	if (!pending) {
		pending = lookUp(ctx, webhookId).finally(() => lookups.delete(webhookId));
		lookups.set(webhookId, pending);
	}
	return await pending;
}

/** After delete(): this process forgets what it fetched for the webhook. */
export function forgetSharedSecret(webhookId: string): void {
	fetched.delete(webhookId);
}

async function lookUp(ctx: IWebhookFunctions, webhookId: string): Promise<string | null> {
	let webhook: WebhookRecord;
	try {
		webhook = await triggerClient(ctx, { maxRetryWaitMs: 10_000 }).request<WebhookRecord>({ method: 'GET', path: `/webhooks/${webhookId}`, operation: 'trigger:callback' });
	} catch (error) {
		if (!(error instanceof SmartsheetRequestError)) throw new NodeOperationError(ctx.getNode(), error as Error);
		if (error.failure.httpStatus === 404) remember(notOurs, webhookId);
		return null;
	}
	const urls = [ctx.getNodeWebhookUrl('default'), typeof ctx.getWebhookResourceUrl === 'function' ? ctx.getWebhookResourceUrl('default') : undefined];
	const ours = urls.includes(webhook.callbackUrl) && String(webhook.scopeObjectId) === watchedSheetId(ctx);
	if (!ours || typeof webhook.sharedSecret !== 'string') {
		remember(notOurs, webhookId);
		return null;
	}
	if (fetched.size >= MAX_REMEMBERED) fetched.clear();
	fetched.set(webhookId, webhook.sharedSecret);
	return webhook.sharedSecret;
}

function remember(set: Set<string>, id: string): void {
	if (set.size >= MAX_REMEMBERED) set.clear();
	set.add(id);
}
