// Which Smartsheet events the builder wants, which changes to ignore (the change-agent loop guard),
// and the item each event becomes.
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** `objectType.eventType` as Smartsheet names them; `x.*` is every event of an object. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Any Change', value: '*', description: 'Every event Smartsheet reports for the sheet' },
	{ name: 'Attachment Added', value: 'attachment.created' },
	{ name: 'Attachment Deleted', value: 'attachment.deleted' },
	{ name: 'Cell Changed', value: 'cell.*', description: 'A cell got, changed or lost a value' },
	{ name: 'Column Added', value: 'column.created' },
	{ name: 'Column Changed', value: 'column.updated', description: 'Renamed, retyped or moved' },
	{ name: 'Column Deleted', value: 'column.deleted' },
	{ name: 'Comment Added', value: 'comment.created' },
	{ name: 'Comment Changed', value: 'comment.updated' },
	{ name: 'Comment Deleted', value: 'comment.deleted' },
	{ name: 'Discussion Added', value: 'discussion.created' },
	{ name: 'Discussion Deleted', value: 'discussion.deleted' },
	{ name: 'Row Added', value: 'row.created' },
	{ name: 'Row Deleted', value: 'row.deleted' },
	{ name: 'Row Updated', value: 'row.updated' },
	{ name: 'Sheet Changed', value: 'sheet.updated', description: 'Renamed or its settings changed' },
];

/** One event of a callback as Smartsheet sends it (IDs already digit strings). */
export interface CallbackEvent extends IDataObject {
	objectType: string;
	eventType: string;
}

export function isWanted(event: CallbackEvent, selected: string[]): boolean {
	const name = `${event.objectType}.${event.eventType}`;
	return selected.some(
		(choice) => choice === '*' || choice === name || choice === `${event.objectType}.*`,
	);
}

/** The agents named in "Ignore Changes Made By" (comma-separated). */
export function agentList(text: string): string[] {
	return text
		.split(',')
		.map((agent) => agent.trim())
		.filter(Boolean);
}

/**
 * Whether the change was made by one of `ignored`. Smartsheet echoes the writer's
 * Smartsheet-Change-Agent; a chain of reactions appends to it, comma-separated
 * (https://developers.smartsheet.com/api/smartsheet/guides/webhooks/preventing-webhook-infinite-loops).
 */
export function madeBy(event: CallbackEvent, ignored: string[]): boolean {
	if (ignored.length === 0 || typeof event.changeAgent !== 'string') return false;
	const chain = event.changeAgent.split(',').map((agent) => agent.trim());
	return chain.some((agent) => ignored.includes(agent));
}

/** SPEC-2024 spells some keys in lower case (rowid, userid); peers' samples in camel case. */
function field(event: IDataObject, name: string): unknown {
	return event[name] ?? event[name.toLowerCase()];
}

function idText(value: unknown): string | undefined {
	return value === undefined || value === null ? undefined : String(value);
}

/** The item for one event: what changed, where, by whom, when; rows and cells carry `rowId`. */
export function eventItem(event: CallbackEvent, callback: IDataObject): IDataObject {
	const id = idText(event.id);
	const rowId = idText(field(event, 'rowId')) ?? (event.objectType === 'row' ? id : undefined);
	const columnId =
		idText(field(event, 'columnId')) ?? (event.objectType === 'column' ? id : undefined);
	return {
		sheetId: idText(callback.scopeObjectId),
		webhookId: idText(callback.webhookId),
		objectType: event.objectType,
		eventType: event.eventType,
		...(id !== undefined ? { id } : {}),
		...(rowId !== undefined ? { rowId } : {}),
		...(columnId !== undefined ? { columnId } : {}),
		userId: idText(field(event, 'userId')) ?? null,
		timestamp: event.timestamp ?? callback.timestamp ?? null,
		changeAgent: typeof event.changeAgent === 'string' ? event.changeAgent : null,
	};
}
