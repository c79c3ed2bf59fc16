// The trigger's webhook at Smartsheet through a workflow's life: checkExists on activation, create
// (find an identical webhook first — Smartsheet sends callbacks to only the oldest enabled of
// duplicates — re-enable it or make a new one, then enable: a synchronous verification of n8n's
// URL), delete on deactivation. Disabled webhooks are reported and re-enabled where Smartsheet
// allows (webhook-status).
import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import {
	createSheetWebhook,
	enableWebhook,
	type SmartsheetClient,
	type SmartsheetFailure,
	SmartsheetRequestError,
	subscopeOf,
	triggerClient,
	watchedSheetId,
	webhookPages,
	type WebhookRecord,
} from '../shared';
import { forgetSharedSecret, nodeStaticData } from './sharedSecret';

interface WantedWebhook {
	sheetId: string;
	callbackUrl: string;
	columnIds: string[];
}

/** Statuses Smartsheet never lets anyone enable again: the webhook is replaced (app revoked) or reported. */
const REPLACE = new Set(['DISABLED_APP_REVOKED']);
const BLOCKED = new Set(['DISABLED_ADMINISTRATIVE']);

function wanted(ctx: IHookFunctions): WantedWebhook {
	const sheetId = watchedSheetId(ctx);
	if (!/^\d+$/.test(sheetId))
		throw new NodeOperationError(
			ctx.getNode(),
			`Choose the sheet to watch (a sheet ID is a number, got "${sheetId}")`,
		);
	const callbackUrl = ctx.getNodeWebhookUrl('default');
	if (!callbackUrl)
		throw new NodeOperationError(ctx.getNode(), 'n8n gave the trigger no webhook URL');
	const columnIds = (ctx.getNodeParameter('columnIds', []) as unknown[]).map(String).sort();
	return { sheetId, callbackUrl, columnIds };
}

function isIdentical(webhook: WebhookRecord, want: WantedWebhook): boolean {
	return (
		String(webhook.scopeObjectId) === want.sheetId &&
		webhook.callbackUrl === want.callbackUrl &&
		subscopeOf(webhook).join(',') === want.columnIds.join(',')
	);
}

export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = nodeStaticData(ctx);
	if (!stored.webhookId) return false;
	const want = wanted(ctx);
	let webhook: WebhookRecord;
	try {
		webhook = await triggerClient(ctx).request<WebhookRecord>({
			method: 'GET',
			path: `/webhooks/${stored.webhookId}`,
			operation: 'trigger:checkExists',
		});
	} catch (error) {
		if (error instanceof SmartsheetRequestError && error.failure.httpStatus === 404) {
			delete stored.webhookId;
			delete stored.sharedSecret;
			return false;
		}
		throw activationError(ctx, "look up the trigger's webhook", error);
	}
	// A changed sheet, URL or column list, or a disabled webhook: create() sorts it out.
	if (!isIdentical(webhook, want) || webhook.status !== 'ENABLED') return false;
	if (webhook.sharedSecret) stored.sharedSecret = webhook.sharedSecret;
	return true;
}

export async function createWebhook(ctx: IHookFunctions): Promise<boolean> {
	const want = wanted(ctx);
	const client = triggerClient(ctx);
	const stored = nodeStaticData(ctx);
	const all: WebhookRecord[] = [];
	try {
		for await (const page of webhookPages(client, 'trigger:create')) all.push(...page);
	} catch (error) {
		throw activationError(ctx, 'list the webhooks', error);
	}
	// Oldest first: of duplicates, Smartsheet calls the oldest enabled one.
	const identical = all.filter((webhook) => isIdentical(webhook, want)).reverse();
	const blocked = identical.find((webhook) => BLOCKED.has(webhook.status));
	if (blocked) throw blockedError(ctx, blocked);
	const usable = identical.filter((webhook) => !REPLACE.has(webhook.status));
	const chosen = usable.find((webhook) => webhook.status === 'ENABLED') ?? usable[0];

	for (const dead of identical.filter((webhook) => REPLACE.has(webhook.status))) {
		ctx.logger.warn(
			`Smartsheet disabled webhook ${dead.id} of sheet ${want.sheetId} for good (${dead.status}: the app's access was revoked, errorCode 1153); the trigger replaces it with a new one.`,
		);
	}
	// Everything else that is this trigger's goes: dead duplicates, extra duplicates, and its previous
	// webhook at this URL if the sheet or columns changed. A webhook at another URL stays: "Listen for
	// test event" runs with the production webhook's static data and must not delete that webhook.
	const leftovers = identical.filter((webhook) => webhook !== chosen).map((webhook) => webhook.id);
	const previous = all.find((webhook) => webhook.id === stored.webhookId);
	if (
		previous &&
		previous !== chosen &&
		previous.callbackUrl === want.callbackUrl &&
		!leftovers.includes(previous.id)
	)
		leftovers.push(previous.id);
	for (const id of leftovers) await removeQuietly(ctx, client, id);

	let webhook = chosen ?? (await newWebhook(ctx, client, want));
	stored.webhookId = webhook.id;
	if (webhook.sharedSecret) stored.sharedSecret = webhook.sharedSecret;
	if (webhook.status === 'ENABLED') return true;

	const previously = webhook.status;
	try {
		// Synchronous: Smartsheet sends the verification request now, which webhook() answers.
		webhook = await enableWebhook(client, webhook.id, 'trigger:enable');
	} catch (error) {
		throw enableError(ctx, webhook, error);
	}
	if (webhook.status !== 'ENABLED') throw verificationError(ctx, want, webhook);
	if (previously !== 'NEW_NOT_VERIFIED') {
		ctx.logger.warn(
			`Smartsheet had disabled webhook ${webhook.id} of sheet ${want.sheetId} (${previously}${chosen?.disabledDetails ? `: ${chosen.disabledDetails}` : ''}); the trigger enabled it again. Events of the time it was disabled are not delivered.`,
		);
	}
	return true;
}

export async function deleteWebhook(ctx: IHookFunctions): Promise<boolean> {
	const stored = nodeStaticData(ctx);
	if (!stored.webhookId) return true;
	try {
		await triggerClient(ctx).request({
			method: 'DELETE',
			path: `/webhooks/${stored.webhookId}`,
			operation: 'trigger:delete',
		});
	} catch (error) {
		if (!(error instanceof SmartsheetRequestError) || error.failure.httpStatus !== 404) {
			ctx.logger.warn(
				`Could not delete Smartsheet webhook ${stored.webhookId}: ${(error as Error).message}`,
			);
			return false;
		}
	}
	forgetSharedSecret(stored.webhookId);
	delete stored.webhookId;
	delete stored.sharedSecret;
	return true;
}

async function newWebhook(
	ctx: IHookFunctions,
	client: SmartsheetClient,
	want: WantedWebhook,
): Promise<WebhookRecord> {
	const workflow = ctx.getWorkflow();
	const name = `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`.slice(0, 200);
	try {
		return await createSheetWebhook(
			client,
			{ name, callbackUrl: want.callbackUrl, sheetId: want.sheetId, columnIds: want.columnIds },
			'trigger:create',
		);
	} catch (error) {
		throw activationError(ctx, 'create the webhook', error);
	}
}

async function removeQuietly(
	ctx: IHookFunctions,
	client: SmartsheetClient,
	id: string,
): Promise<void> {
	try {
		await client.request({
			method: 'DELETE',
			path: `/webhooks/${id}`,
			operation: 'trigger:create',
		});
		forgetSharedSecret(id);
	} catch (error) {
		if (!(error instanceof SmartsheetRequestError) || error.failure.httpStatus !== 404)
			ctx.logger.warn(
				`Could not delete the old Smartsheet webhook ${id}: ${(error as Error).message}`,
			);
	}
}

function describeFailure(failure: SmartsheetFailure): string {
	const code = [
		failure.httpStatus ? `HTTP ${failure.httpStatus}` : null,
		failure.errorCode ? `errorCode ${failure.errorCode}` : null,
		failure.refId ? `refId ${failure.refId}` : null,
	]
		.filter(Boolean)
		.join(', ');
	return `${failure.action}${code ? ` (${code})` : ''}`;
}

function activationError(ctx: IHookFunctions, step: string, error: unknown): Error {
	if (!(error instanceof SmartsheetRequestError)) return error as Error;
	return new NodeOperationError(
		ctx.getNode(),
		`Smartsheet refused to ${step}: ${error.failure.message}`,
		{ description: describeFailure(error.failure) },
	);
}

function enableError(ctx: IHookFunctions, webhook: WebhookRecord, error: unknown): Error {
	if (!(error instanceof SmartsheetRequestError)) return error as Error;
	const details = webhook.disabledDetails ? `: ${webhook.disabledDetails}` : '';
	if (webhook.status === 'DISABLED_SCOPE_INACCESSIBLE' || error.failure.errorCode === 1151) {
		return new NodeOperationError(
			ctx.getNode(),
			`Smartsheet disabled the trigger's webhook ${webhook.id}: the sheet is not accessible to the credential's user (${webhook.status}${details})`,
			{
				description: `Share the sheet with the credential's user again (or restore it); Smartsheet then enables the webhook by itself. ${describeFailure(error.failure)}`,
			},
		);
	}
	return new NodeOperationError(
		ctx.getNode(),
		`Smartsheet would not enable the trigger's webhook ${webhook.id} (${webhook.status}${details}): ${error.failure.message}`,
		{ description: describeFailure(error.failure) },
	);
}

function blockedError(ctx: IHookFunctions, webhook: WebhookRecord): Error {
	return new NodeOperationError(
		ctx.getNode(),
		`Smartsheet support disabled the trigger's webhook ${webhook.id} (${webhook.status}${webhook.disabledDetails ? `: ${webhook.disabledDetails}` : ''})`,
		{
			description:
				'Only Smartsheet support can enable it again (errorCode 1154): contact them, or delete the webhook (Smartsheet node: Webhook → Delete) so that the trigger creates a new one.',
		},
	);
}

function verificationError(
	ctx: IHookFunctions,
	want: WantedWebhook,
	webhook: WebhookRecord,
): Error {
	return new NodeOperationError(
		ctx.getNode(),
		`Smartsheet could not verify the trigger's URL ${want.callbackUrl} (${webhook.status}${webhook.disabledDetails ? `: ${webhook.disabledDetails}` : ''})`,
		{
			description:
				"Smartsheet must reach this URL from the internet: HTTPS with a certificate from a public authority, on port 443, 8000, 8008, 8080 or 8443, with no authentication in front of it. Set n8n's WEBHOOK_URL to its public address, or use the Smartsheet Polling Trigger.",
		},
	);
}
