// Webhooks: list (the 2026 paging: no includeAll, pageSize ≤ 10,000, totals -1, newest
// first), get, create (disabled, NEW_NOT_VERIFIED), update (enabled:true verifies synchronously),
// delete, reset the shared secret. Every route needs ADMIN_WEBHOOKS.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { checkCallbackUrl } from '../webhooks/callbackUrl';
import { newSharedSecret, webhookOut, type Webhook } from '../webhooks/model';
import { positiveInt } from './query';
import { objectBody } from './sheets';

const MAX_PAGE_SIZE = 10_000;
const SCOPE = 'ADMIN_WEBHOOKS';

/** A personal access token sees its user's webhooks; an app's token only the ones that app made. */
function visible(ctx: RequestContext, webhook: Webhook): boolean {
	const grant = ctx.emulator.state.accessTokens.get(ctx.token!);
	if (!grant || webhook.ownerUserId !== grant.userId) return false;
	return grant.clientId === null || webhook.apiClientId === grant.clientId;
}

function webhookOf(ctx: RequestContext): Webhook {
	const webhook = ctx.emulator.state.webhooks.webhooks.get(ctx.params.webhookId);
	if (!webhook || !visible(ctx, webhook)) throw new ApiError(1006);
	return webhook;
}

function out(webhook: Webhook) {
	return webhookOut(webhook);
}

function listWebhooks(ctx: RequestContext): Answer {
	const page = positiveInt(ctx.query, 'page') ?? 1;
	const pageSize = Math.min(positiveInt(ctx.query, 'pageSize') ?? 100, MAX_PAGE_SIZE);
	const mine = [...ctx.emulator.state.webhooks.webhooks.values()]
		.filter((webhook) => visible(ctx, webhook))
		.sort((a, b) => b.sequence - a.sequence);
	// Since the 2026 change the totals are not counted (-1) and a page past the end is empty.
	return {
		body: {
			pageNumber: page,
			pageSize,
			totalPages: -1,
			totalCount: -1,
			data: mine.slice((page - 1) * pageSize, page * pageSize).map(out),
		},
	};
}

function required(body: Record<string, unknown>, name: string): unknown {
	if (body[name] === undefined || body[name] === null || body[name] === '')
		throw new ApiError(1012, [name]);
	return body[name];
}

function checkEventsAndVersion(body: Record<string, unknown>): void {
	if (
		body.events !== undefined &&
		!(Array.isArray(body.events) && body.events.length === 1 && body.events[0] === '*.*')
	)
		throw new ApiError(1031, [JSON.stringify(body.events), 'events']);
	if (body.version !== undefined && body.version !== 1)
		throw new ApiError(1031, [JSON.stringify(body.version), 'version']);
}

function subscopeColumns(
	ctx: RequestContext,
	body: Record<string, unknown>,
	sheetId: string,
): string[] {
	if (body.subscope === undefined || body.subscope === null) return [];
	const subscope = body.subscope as { columnIds?: unknown };
	if (typeof subscope !== 'object' || Array.isArray(subscope))
		throw new ApiError(1008, ['subscope must be an object']);
	if (subscope.columnIds === undefined) return [];
	if (!Array.isArray(subscope.columnIds) || subscope.columnIds.some((id) => typeof id !== 'string'))
		throw new ApiError(1008, ['subscope.columnIds must be a list of column IDs']);
	const columns = new Set(
		ctx.emulator.state.sheets.get(sheetId)!.columns.map((column) => column.id),
	);
	const invalid = (subscope.columnIds as string[]).filter((id) => !columns.has(id));
	if (invalid.length) throw new ApiError(1293, [invalid.join(', ')]);
	return [...new Set(subscope.columnIds as string[])];
}

function createWebhook(ctx: RequestContext): Answer {
	const state = ctx.emulator.state;
	const body = objectBody(ctx);
	const name = required(body, 'name');
	if (typeof name !== 'string') throw new ApiError(1031, [JSON.stringify(name), 'name']);
	const callbackUrl = checkCallbackUrl(
		required(body, 'callbackUrl'),
		ctx.emulator.config.webhooks.allowInsecureCallbacks,
	);
	const scope = required(body, 'scope');
	if (scope !== 'sheet') throw new ApiError(1031, [JSON.stringify(scope), 'scope']);
	const sheetId = String(required(body, 'scopeObjectId'));
	required(body, 'events');
	required(body, 'version');
	checkEventsAndVersion(body);
	if (!state.sheets.has(sheetId) || state.accessLevel(sheetId) === 'NONE')
		throw new ApiError(1151, ['sheet', sheetId]);
	const columnIds = subscopeColumns(ctx, body, sheetId);
	const grant = state.accessTokens.get(ctx.token!)!;
	const now = ctx.emulator.state.now();
	const webhook: Webhook = {
		id: state.ids.id(),
		name,
		ownerUserId: grant.userId,
		apiClientId: grant.clientId,
		scope: 'sheet',
		scopeObjectId: sheetId,
		columnIds,
		events: ['*.*'],
		version: 1,
		callbackUrl,
		sharedSecret: newSharedSecret(),
		// `enabled` is read-only on create: a webhook starts disabled until verified.
		status: 'NEW_NOT_VERIFIED',
		sequence: state.webhooks.nextSequence(),
		createdAt: now,
		modifiedAt: now,
		stats: { lastCallbackAttemptRetryCount: 0 },
		callbacksSinceVerification: 0,
	};
	state.webhooks.webhooks.set(webhook.id, webhook);
	return { body: { message: 'SUCCESS', resultCode: 0, result: out(webhook) } };
}

async function updateWebhook(ctx: RequestContext): Promise<Answer> {
	const webhook = webhookOf(ctx);
	const body = objectBody(ctx);
	// Scope, sheet and subscope are fixed at creation.
	const fixed = [
		'scope',
		'scopeObjectId',
		'subscope',
		'sharedSecret',
		'status',
		'stats',
		'apiClientId',
	].filter((key) => body[key] !== undefined);
	if (fixed.length) throw new ApiError(1032, [fixed.join(', ')]);
	checkEventsAndVersion(body);
	if (body.name !== undefined && (typeof body.name !== 'string' || !body.name))
		throw new ApiError(1031, [JSON.stringify(body.name), 'name']);
	if (body.enabled !== undefined && typeof body.enabled !== 'boolean')
		throw new ApiError(1031, [JSON.stringify(body.enabled), 'enabled']);
	const callbackUrl =
		body.callbackUrl === undefined
			? undefined
			: checkCallbackUrl(body.callbackUrl, ctx.emulator.config.webhooks.allowInsecureCallbacks);
	if (body.enabled === true) checkEnablable(ctx, webhook);

	if (typeof body.name === 'string') webhook.name = body.name;
	webhook.modifiedAt = ctx.emulator.state.now();
	if (callbackUrl !== undefined && callbackUrl !== webhook.callbackUrl) {
		webhook.callbackUrl = callbackUrl;
		// A new address has to prove itself again.
		if (webhook.status === 'ENABLED') webhook.status = 'NEW_NOT_VERIFIED';
	}
	if (body.enabled === false && webhook.status === 'ENABLED') {
		webhook.status = 'DISABLED_BY_OWNER';
		webhook.disabledDetails = 'Disabled by the owner.';
	}
	// Enabling is synchronous: Smartsheet answers only after the verification request did.
	if (body.enabled === true && webhook.status !== 'ENABLED')
		await ctx.emulator.state.webhooks.delivery.verify(webhook, ctx.emulator.config.webhooks);
	return { body: { message: 'SUCCESS', resultCode: 0, result: out(webhook) } };
}

/** Which disabled webhooks may be enabled again (webhook-status: 1153, 1154 are terminal). */
function checkEnablable(ctx: RequestContext, webhook: Webhook): void {
	if (webhook.status === 'DISABLED_APP_REVOKED') throw new ApiError(1153);
	if (webhook.status === 'DISABLED_ADMINISTRATIVE') throw new ApiError(1154);
	const state = ctx.emulator.state;
	if (
		!state.sheets.has(webhook.scopeObjectId) ||
		state.accessLevel(webhook.scopeObjectId) === 'NONE'
	)
		throw new ApiError(1151, ['sheet', webhook.scopeObjectId]);
}

function deleteWebhook(ctx: RequestContext): Answer {
	const webhook = webhookOf(ctx);
	ctx.emulator.state.webhooks.webhooks.delete(webhook.id);
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

function resetSharedSecret(ctx: RequestContext): Answer {
	const webhook = webhookOf(ctx);
	webhook.sharedSecret = newSharedSecret();
	webhook.modifiedAt = ctx.emulator.state.now();
	return { body: { sharedSecret: webhook.sharedSecret } };
}

export const webhookRoutes: Route[] = [
	{ method: 'GET', path: '/2.0/webhooks', scope: SCOPE, handler: listWebhooks },
	{ method: 'POST', path: '/2.0/webhooks', scope: SCOPE, handler: createWebhook },
	{
		method: 'GET',
		path: '/2.0/webhooks/{webhookId}',
		scope: SCOPE,
		handler: (ctx) => ({ body: out(webhookOf(ctx)) }),
	},
	{ method: 'PUT', path: '/2.0/webhooks/{webhookId}', scope: SCOPE, handler: updateWebhook },
	{ method: 'DELETE', path: '/2.0/webhooks/{webhookId}', scope: SCOPE, handler: deleteWebhook },
	// The SDKs write it in lower case, the API reference in camel case.
	{
		method: 'POST',
		path: '/2.0/webhooks/{webhookId}/resetsharedsecret',
		scope: SCOPE,
		handler: resetSharedSecret,
	},
	{
		method: 'POST',
		path: '/2.0/webhooks/{webhookId}/resetSharedSecret',
		scope: SCOPE,
		handler: resetSharedSecret,
	},
];
