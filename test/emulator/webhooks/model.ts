// A Smartsheet webhook as the emulator keeps it, and as Smartsheet writes it in JSON.
import { randomBytes } from 'node:crypto';

export const WEBHOOK_STATUSES = [
	'ENABLED',
	'NEW_NOT_VERIFIED',
	'DISABLED_BY_OWNER',
	'DISABLED_CALLBACK_FAILED',
	'DISABLED_VERIFICATION_FAILED',
	'DISABLED_SCOPE_INACCESSIBLE',
	'DISABLED_APP_REVOKED',
	'DISABLED_ADMINISTRATIVE',
] as const;

export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export interface Webhook {
	id: string;
	name: string;
	/** The user who owns it (the token's user). */
	ownerUserId: string;
	/** The OAuth app that created it; null when created with a personal access token. */
	apiClientId: string | null;
	scope: 'sheet';
	scopeObjectId: string;
	/** Column IDs; empty = every column. */
	columnIds: string[];
	events: string[];
	version: number;
	callbackUrl: string;
	sharedSecret: string;
	status: WebhookStatus;
	disabledDetails?: string;
	/** Creation order, to find the oldest of duplicates. */
	sequence: number;
	createdAt: number;
	modifiedAt: number;
	stats: {
		lastCallbackAttempt?: number;
		lastCallbackAttemptRetryCount: number;
		lastSuccessfulCallback?: number;
	};
	/** Callbacks sent since the last verification (Smartsheet re-verifies every 100). */
	callbacksSinceVerification: number;
}

/** Smartsheet's shared secrets: random lower-case letters and digits (26 in its examples). */
export function newSharedSecret(): string {
	return randomBytes(20)
		.toString('base64url')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.padEnd(26, '0')
		.slice(0, 26);
}

/** Two webhooks Smartsheet treats as duplicates: same user, sheet, callback URL and subscope. */
export function duplicateKey(webhook: Webhook): string {
	return [
		webhook.ownerUserId,
		webhook.scopeObjectId,
		webhook.callbackUrl,
		[...webhook.columnIds].sort().join(','),
	].join('|');
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function webhookOut(webhook: Webhook, apiClientName?: string) {
	const enabled = webhook.status === 'ENABLED';
	return {
		id: webhook.id,
		name: webhook.name,
		...(webhook.apiClientId
			? { apiClientId: webhook.apiClientId, apiClientName: apiClientName ?? webhook.apiClientId }
			: {}),
		scope: webhook.scope,
		scopeObjectId: webhook.scopeObjectId,
		...(webhook.columnIds.length ? { subscope: { columnIds: webhook.columnIds } } : {}),
		events: webhook.events,
		callbackUrl: webhook.callbackUrl,
		sharedSecret: webhook.sharedSecret,
		enabled,
		status: webhook.status,
		...(!enabled && webhook.disabledDetails ? { disabledDetails: webhook.disabledDetails } : {}),
		version: webhook.version,
		stats: {
			...(webhook.stats.lastCallbackAttempt
				? { lastCallbackAttempt: iso(webhook.stats.lastCallbackAttempt) }
				: {}),
			lastCallbackAttemptRetryCount: webhook.stats.lastCallbackAttemptRetryCount,
			...(webhook.stats.lastSuccessfulCallback
				? { lastSuccessfulCallback: iso(webhook.stats.lastSuccessfulCallback) }
				: {}),
		},
		createdAt: iso(webhook.createdAt),
		modifiedAt: iso(webhook.modifiedAt),
	};
}
