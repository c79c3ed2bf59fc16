// Sheet changes become webhook callbacks. `observeSheetChanges` wraps every write to a sheet (one
// call in the emulator's pipeline): it compares the sheet before and after and emits row, cell,
// column, attachment, discussion, comment and sheet events, so no route has to announce its own
// changes; a route that also changes another sheet (rows copied or moved there) observes that one
// too. `emitSheetEvents` is for events no comparison can see (the admin API's synthetic events).
import { randomBytes } from 'node:crypto';

import type { Answer, RequestContext } from '../context';
import type { Emulator } from '../emulator';
import type { Sheet } from '../state';
import { duplicateKey, type Webhook } from './model';

export type ObjectType =
	| 'attachment'
	| 'cell'
	| 'column'
	| 'comment'
	| 'discussion'
	| 'row'
	| 'sheet';
export type EventType = 'created' | 'updated' | 'deleted';

export interface SheetEvent {
	objectType: ObjectType;
	eventType: EventType;
	/** The object's ID (omitted for cells). */
	id?: string;
	/** Cells: the row and column. */
	rowId?: string;
	columnId?: string;
	/** The columns the change touched, to honour a webhook's subscope; not sent. */
	columns?: string[];
}

/** Who made a change: the token's user and the Smartsheet-Change-Agent the request sent. */
export interface ChangeOrigin {
	userId: string;
	changeAgent?: string;
}

/** Smartsheet keeps at most 512 characters of the change agent, trimming from the front. */
const MAX_CHANGE_AGENT = 512;

export function originOf(ctx: RequestContext): ChangeOrigin {
	const grant = ctx.token ? ctx.emulator.state.accessTokens.get(ctx.token) : undefined;
	const header = ctx.request.headers['smartsheet-change-agent'];
	const agent = (Array.isArray(header) ? header.join(',') : header)?.trim();
	return {
		userId: grant?.userId ?? ctx.emulator.state.user.id,
		...(agent ? { changeAgent: agent.slice(-MAX_CHANGE_AGENT) } : {}),
	};
}

/** Emits events of a request to every webhook of the sheet (comment and discussion routes call this). */
export function emitSheetEvents(ctx: RequestContext, sheetId: string, events: SheetEvent[]): void {
	emitEvents(ctx.emulator, sheetId, events, originOf(ctx));
}

/**
 * Sends `events` to the webhooks of a sheet: only enabled ones; of duplicates (same user, sheet,
 * callback URL and subscope) only the oldest enabled one, as Smartsheet does since 2023; each
 * webhook's subscope filters what it gets (row.deleted always passes).
 */
export function emitEvents(
	emulator: Emulator,
	sheetId: string,
	events: SheetEvent[],
	origin: ChangeOrigin,
): void {
	if (events.length === 0) return;
	const registry = emulator.state.webhooks;
	const chosen = new Map<string, Webhook>();
	for (const webhook of registry.onSheet(sheetId)) {
		if (webhook.status !== 'ENABLED') continue;
		const key = duplicateKey(webhook);
		const current = chosen.get(key);
		if (!current || webhook.sequence < current.sequence) chosen.set(key, webhook);
	}
	const timestamp = callbackTimestamp();
	for (const webhook of chosen.values()) {
		const wanted = events.filter((event) => inSubscope(event, webhook.columnIds));
		if (wanted.length === 0) continue;
		registry.delivery.enqueue(
			webhook,
			'event',
			{
				nonce: randomBytes(16).toString('hex'),
				timestamp,
				webhookId: webhook.id,
				scope: 'sheet',
				scopeObjectId: webhook.scopeObjectId,
				events: wanted.map((event) => eventOut(event, origin, timestamp)),
			},
			() => emulator.config.webhooks,
		);
	}
}

/** A status-change callback (e.g. DISABLED_SCOPE_INACCESSIBLE, ENABLED): no events. */
export function emitStatusChange(emulator: Emulator, webhook: Webhook): void {
	emulator.state.webhooks.delivery.enqueue(
		webhook,
		'status',
		{
			nonce: randomBytes(16).toString('hex'),
			timestamp: callbackTimestamp(),
			webhookId: webhook.id,
			scope: 'sheet',
			scopeObjectId: webhook.scopeObjectId,
			newWebhookStatus: webhook.status,
		},
		() => emulator.config.webhooks,
	);
}

function inSubscope(event: SheetEvent, columnIds: string[]): boolean {
	if (columnIds.length === 0) return true; // an empty subscope means every column
	if (event.objectType === 'row' && event.eventType === 'deleted') return true;
	if (event.objectType === 'cell')
		return event.columnId !== undefined && columnIds.includes(event.columnId);
	if (event.objectType === 'column') return event.id !== undefined && columnIds.includes(event.id);
	return (event.columns ?? []).some((column) => columnIds.includes(column));
}

function eventOut(event: SheetEvent, origin: ChangeOrigin, timestamp: string) {
	return {
		objectType: event.objectType,
		eventType: event.eventType,
		...(event.id !== undefined ? { id: event.id } : {}),
		...(event.rowId !== undefined ? { rowId: event.rowId } : {}),
		...(event.columnId !== undefined ? { columnId: event.columnId } : {}),
		userId: origin.userId,
		timestamp,
		...(origin.changeAgent ? { changeAgent: origin.changeAgent } : {}),
	};
}

/** Smartsheet's callback timestamps: `2026-01-01T00:00:00.000+00:00`. */
function callbackTimestamp(): string {
	return new Date().toISOString().replace('Z', '+00:00');
}

interface SheetSnapshot {
	name: string;
	rows: Map<string, { modifiedAt: number; parentId?: string; cells: Map<string, string> }>;
	columns: Map<string, string>;
	attachments: Set<string>;
	discussions: Set<string>;
	/** Comment ID → its text and modification time. */
	comments: Map<string, string>;
}

function snapshot(sheet: Sheet): SheetSnapshot {
	return {
		name: sheet.name,
		rows: new Map(
			sheet.rows.map((row) => [
				row.id,
				{
					modifiedAt: row.modifiedAt,
					parentId: row.parentId,
					cells: new Map(
						[...row.cells].map(([columnId, cell]) => [columnId, JSON.stringify(cell)]),
					),
				},
			]),
		),
		columns: new Map(sheet.columns.map((column) => [column.id, JSON.stringify(column)])),
		attachments: new Set((sheet.attachments ?? []).map((attachment) => attachment.id)),
		discussions: new Set((sheet.discussions ?? []).map((discussion) => discussion.id)),
		comments: new Map(
			(sheet.discussions ?? []).flatMap((discussion) =>
				discussion.comments.map(
					(comment) => [comment.id, `${comment.modifiedAt}:${comment.text}`] as const,
				),
			),
		),
	};
}

/** The events that turn `before` into the sheet as it is now (a deleted sheet: none). */
export function changesBetween(before: SheetSnapshot, sheet: Sheet): SheetEvent[] {
	const after = snapshot(sheet);
	const events: SheetEvent[] = [];
	if (after.name !== before.name)
		events.push({ objectType: 'sheet', eventType: 'updated', id: sheet.id, columns: [] });
	for (const [id, column] of after.columns) {
		const old = before.columns.get(id);
		if (old === undefined) events.push({ objectType: 'column', eventType: 'created', id });
		else if (old !== column) events.push({ objectType: 'column', eventType: 'updated', id });
	}
	for (const id of before.columns.keys())
		if (!after.columns.has(id)) events.push({ objectType: 'column', eventType: 'deleted', id });
	const removedColumns = new Set([...before.columns.keys()].filter((id) => !after.columns.has(id)));
	for (const [id, row] of after.rows) {
		const old = before.rows.get(id);
		const cellEvents: SheetEvent[] = [];
		for (const [columnId, cell] of row.cells) {
			const previous = old?.cells.get(columnId);
			if (previous === undefined)
				cellEvents.push({ objectType: 'cell', eventType: 'created', rowId: id, columnId });
			else if (previous !== cell)
				cellEvents.push({ objectType: 'cell', eventType: 'updated', rowId: id, columnId });
		}
		for (const columnId of old?.cells.keys() ?? []) {
			if (!row.cells.has(columnId) && !removedColumns.has(columnId))
				cellEvents.push({ objectType: 'cell', eventType: 'deleted', rowId: id, columnId });
		}
		// A row updated without a cell change (moved, indented) still counts: its modifiedAt moved.
		const touched =
			old !== undefined && (old.modifiedAt !== row.modifiedAt || old.parentId !== row.parentId);
		if (!old || cellEvents.length || touched) {
			events.push({
				objectType: 'row',
				eventType: old ? 'updated' : 'created',
				id,
				columns: cellEvents.map((event) => event.columnId!),
			});
			events.push(...cellEvents);
		}
	}
	for (const id of before.rows.keys())
		if (!after.rows.has(id)) events.push({ objectType: 'row', eventType: 'deleted', id });
	for (const id of after.attachments)
		if (!before.attachments.has(id))
			events.push({ objectType: 'attachment', eventType: 'created', id, columns: [] });
	for (const id of before.attachments)
		if (!after.attachments.has(id))
			events.push({ objectType: 'attachment', eventType: 'deleted', id, columns: [] });
	for (const id of after.discussions)
		if (!before.discussions.has(id))
			events.push({ objectType: 'discussion', eventType: 'created', id, columns: [] });
	for (const id of before.discussions)
		if (!after.discussions.has(id))
			events.push({ objectType: 'discussion', eventType: 'deleted', id, columns: [] });
	for (const [id, comment] of after.comments) {
		const old = before.comments.get(id);
		if (old === undefined)
			events.push({ objectType: 'comment', eventType: 'created', id, columns: [] });
		else if (old !== comment)
			events.push({ objectType: 'comment', eventType: 'updated', id, columns: [] });
	}
	for (const id of before.comments.keys())
		if (!after.comments.has(id))
			events.push({ objectType: 'comment', eventType: 'deleted', id, columns: [] });
	return events;
}

/**
 * Runs a write to a sheet and emits what it changed. Costs nothing unless an enabled webhook
 * watches the sheet. A deleted sheet takes its webhooks to DISABLED_SCOPE_INACCESSIBLE.
 */
export async function observeSheetChanges(
	ctx: RequestContext,
	sheetId: string,
	write: () => Promise<Answer> | Answer,
): Promise<Answer> {
	const state = ctx.emulator.state;
	const sheet = state.sheets.get(sheetId);
	if (!sheet || !state.webhooks.watched(sheetId)) return await write();
	const before = snapshot(sheet);
	const answer = await write();
	const now = state.sheets.get(sheetId);
	if (!now) {
		for (const webhook of state.webhooks.onSheet(sheetId)) {
			if (webhook.status !== 'ENABLED') continue;
			webhook.status = 'DISABLED_SCOPE_INACCESSIBLE';
			webhook.disabledDetails = `Sheet ${sheetId} was deleted or is no longer shared with the webhook's owner.`;
			webhook.modifiedAt = state.now();
			emitStatusChange(ctx.emulator, webhook);
		}
		return answer;
	}
	emitEvents(ctx.emulator, sheetId, changesBetween(before, now), originOf(ctx));
	return answer;
}
