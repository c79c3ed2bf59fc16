// /__admin/webhooks…: what tests and demos use to watch and steer webhook delivery.
import type { Emulator } from '../emulator';
import { AdminError } from '../routes/adminError';
import { applyWebhookConfig } from './config';
import { emitEvents, emitStatusChange, type SheetEvent } from './events';
import { WEBHOOK_STATUSES, webhookOut, type WebhookStatus } from './model';

type Body = Record<string, unknown>;

const OBJECT_TYPES = new Set([
	'attachment',
	'cell',
	'column',
	'comment',
	'discussion',
	'row',
	'sheet',
]);
const EVENT_TYPES = new Set(['created', 'updated', 'deleted']);
/** Statuses Smartsheet announces with a status-change callback (webhook-callbacks). */
const ANNOUNCED = new Set<WebhookStatus>(['ENABLED', 'DISABLED_SCOPE_INACCESSIBLE']);

function webhookFrom(emulator: Emulator, body: Body) {
	const webhook = emulator.state.webhooks.webhooks.get(String(body.webhookId ?? ''));
	if (!webhook) throw new AdminError(`unknown webhookId ${String(body.webhookId)}`);
	return webhook;
}

export const webhookAdminHandlers: Record<
	string,
	(emulator: Emulator, body: Body, url: URL) => unknown
> = {
	/** Every webhook, whoever owns it. */
	'GET /__admin/webhooks': (emulator) =>
		[...emulator.state.webhooks.webhooks.values()].map((webhook) => webhookOut(webhook)),
	/** The delivery attempts (verifications, events, status changes), oldest first; `?webhookId=` narrows. */
	'GET /__admin/webhooks/deliveries': (emulator, _body, url) => {
		const webhookId = url.searchParams.get('webhookId');
		return emulator.state.webhooks.delivery.records.filter(
			(record) => !webhookId || record.webhookId === webhookId,
		);
	},
	/** Waits until no callback is queued or in flight: {idle: true}, or false after `timeoutMs` (default 10 s). */
	'POST /__admin/webhooks/idle': async (emulator, body) => {
		const timeoutMs = body.timeoutMs ?? 10_000;
		if (typeof timeoutMs !== 'number' || timeoutMs < 0)
			throw new AdminError('timeoutMs must be a number of milliseconds');
		return { idle: await emulator.state.webhooks.delivery.idle(timeoutMs) };
	},
	'GET /__admin/webhooks/config': (emulator) => emulator.config.webhooks,
	'POST /__admin/webhooks/config': (emulator, body) => {
		const problem = applyWebhookConfig(emulator.config.webhooks, body);
		if (problem) throw new AdminError(problem);
		return emulator.config.webhooks;
	},
	/**
	 * Forces a status, as Smartsheet would set it (scope inaccessible, app revoked, administrative…):
	 * {webhookId, status, disabledDetails?, notify?}; `notify` sends the status-change callback.
	 */
	'POST /__admin/webhooks/status': (emulator, body) => {
		const webhook = webhookFrom(emulator, body);
		if (!WEBHOOK_STATUSES.includes(body.status as WebhookStatus))
			throw new AdminError(`status must be one of ${WEBHOOK_STATUSES.join(', ')}`);
		if (body.disabledDetails !== undefined && typeof body.disabledDetails !== 'string')
			throw new AdminError('disabledDetails must be a string');
		webhook.status = body.status as WebhookStatus;
		if (webhook.status === 'ENABLED') delete webhook.disabledDetails;
		else
			webhook.disabledDetails =
				(body.disabledDetails as string | undefined) ??
				`Set to ${webhook.status} by the emulator's admin API.`;
		webhook.modifiedAt = emulator.state.now();
		if (body.notify === true) {
			if (!ANNOUNCED.has(webhook.status))
				throw new AdminError(
					`Smartsheet announces only ${[...ANNOUNCED].join(' and ')} with a callback`,
				);
			emitStatusChange(emulator, webhook);
		}
		return webhookOut(webhook);
	},
	/**
	 * Emits events on a sheet as if someone changed it (for objects the emulator has no routes for,
	 * such as comments): {sheetId, events: [{objectType, eventType, id?, rowId?, columnId?}], changeAgent?}.
	 */
	'POST /__admin/webhooks/events': (emulator, body) => {
		const sheetId = String(body.sheetId ?? '');
		if (!emulator.state.sheets.has(sheetId)) throw new AdminError(`unknown sheet ${sheetId}`);
		if (!Array.isArray(body.events) || body.events.length === 0)
			throw new AdminError('events must be a non-empty list');
		const events = body.events.map((raw) => {
			const event = raw as Record<string, unknown>;
			if (
				!OBJECT_TYPES.has(String(event.objectType)) ||
				!EVENT_TYPES.has(String(event.eventType))
			) {
				throw new AdminError(
					`each event needs an objectType (${[...OBJECT_TYPES].join(', ')}) and an eventType (${[...EVENT_TYPES].join(', ')})`,
				);
			}
			const id = (key: string) => (event[key] === undefined ? undefined : String(event[key]));
			const columnId = id('columnId');
			return {
				objectType: event.objectType,
				eventType: event.eventType,
				id: id('id'),
				rowId: id('rowId'),
				columnId,
				columns: columnId ? [columnId] : [],
			} as SheetEvent;
		});
		if (body.changeAgent !== undefined && typeof body.changeAgent !== 'string')
			throw new AdminError('changeAgent must be a string');
		emitEvents(emulator, sheetId, events, {
			userId: emulator.state.user.id,
			...(body.changeAgent ? { changeAgent: body.changeAgent as string } : {}),
		});
		return { ok: true };
	},
};
