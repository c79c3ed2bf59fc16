// One poll of the Smartsheet Polling Trigger: GET /sheets/{id}/version first (unchanged: done, no
// row is read), else the rows modified since the watermark, each emitted once (nodes/shared/trigger/watermark.ts).
import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	advance,
	type Fresh,
	type ModifiedRow,
	nextWatermark,
	type PollState,
	querySince,
	rowsModifiedSince,
	type SmartsheetClient,
	pollFailure,
	triggerClient,
	watchedSheetId,
} from '../shared';

const OPERATION = 'trigger:poll';
const SAMPLE_SIZE = 20;

export async function pollSheet(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const sheetId = watchedSheetId(ctx);
	if (!/^\d+$/.test(sheetId))
		throw new NodeOperationError(
			ctx.getNode(),
			`Choose the sheet to watch (a sheet ID is a number, got "${sheetId}")`,
		);
	const client = triggerClient(ctx);
	try {
		if (ctx.getMode() === 'manual') return sample(ctx, client, sheetId);
		const state = ctx.getWorkflowStaticData('node') as PollState;
		const version = await sheetVersion(client, sheetId);
		if (state.sheetId !== sheetId || !state.watermark) {
			await baseline(client, sheetId, version, state);
			return null;
		}
		if (version === state.version) return null;
		const ignoreOwn =
			(ctx.getNodeParameter('options', {}) as IDataObject).ignoreOwnChanges === true;
		const rows = await rowsModifiedSince(
			client,
			sheetId,
			querySince(state.watermark),
			OPERATION,
			ignoreOwn,
		);
		const { fresh, watermark, atWatermark } = advance(state, rows);
		Object.assign(state, { version, watermark, atWatermark });
		const wanted = ctx.getNodeParameter('events', ['created', 'updated']) as string[];
		const own = ignoreOwn && fresh.length ? await ownEmail(client) : null;
		const items = fresh
			.filter(
				(change) =>
					wanted.includes(change.eventType) &&
					!(own && change.row.modifiedBy?.toLowerCase() === own),
			)
			.map((change) => itemOf(sheetId, change));
		return items.length ? [ctx.helpers.returnJsonArray(items)] : null;
	} catch (error) {
		throw pollFailure(ctx.getNode(), error, `sheet ${sheetId}`);
	}
}

/** The credential's own user, whose changes "Ignore Own Changes" skips (rows name writers by email). */
async function ownEmail(client: SmartsheetClient): Promise<string> {
	return String(
		(await client.request<IDataObject>({ method: 'GET', path: '/users/me', operation: OPERATION }))
			.email ?? '',
	).toLowerCase();
}

async function sheetVersion(client: SmartsheetClient, sheetId: string): Promise<number> {
	return (
		await client.request<{ version: number }>({
			method: 'GET',
			path: `/sheets/${sheetId}/version`,
			operation: OPERATION,
		})
	).version;
}

/** The sheet's own modifiedAt: when anything in it last changed (one row read, no more). */
async function sheetModifiedAt(client: SmartsheetClient, sheetId: string): Promise<string> {
	const sheet = await client.request<IDataObject>({
		method: 'GET',
		path: `/sheets/${sheetId}`,
		qs: { pageSize: 1, page: 1, exclude: 'nonexistentCells' },
		operation: OPERATION,
	});
	return String(sheet.modifiedAt);
}

/** On activation (or a new sheet): remember where the sheet stands; emit nothing that came before. */
async function baseline(
	client: SmartsheetClient,
	sheetId: string,
	version: number,
	state: PollState,
): Promise<void> {
	const modifiedAt = await sheetModifiedAt(client, sheetId);
	const recent = await rowsModifiedSince(client, sheetId, querySince(modifiedAt), OPERATION);
	for (const key of Object.keys(state)) delete state[key];
	Object.assign(state, { sheetId, version, ...nextWatermark(modifiedAt, {}, recent) });
}

/** "Fetch Test Event": the rows changed in the sheet's latest second, without moving the watermark. */
async function sample(
	ctx: IPollFunctions,
	client: SmartsheetClient,
	sheetId: string,
): Promise<INodeExecutionData[][] | null> {
	const modifiedAt = await sheetModifiedAt(client, sheetId);
	const recent: ModifiedRow[] = await rowsModifiedSince(
		client,
		sheetId,
		querySince(modifiedAt),
		OPERATION,
	);
	if (recent.length === 0) return null;
	const latest = Math.max(...recent.map((row) => Date.parse(row.modifiedAt)));
	const items = recent
		.filter((row) => Date.parse(row.modifiedAt) === latest)
		.slice(0, SAMPLE_SIZE)
		.map((row) =>
			itemOf(sheetId, { row, eventType: row.createdAt === row.modifiedAt ? 'created' : 'updated' }),
		);
	return [ctx.helpers.returnJsonArray(items)];
}

/** The same shape as the Smartsheet Trigger's row items with Include Row Data. */
function itemOf(sheetId: string, change: Fresh): IDataObject {
	return {
		sheetId,
		objectType: 'row',
		eventType: change.eventType,
		rowId: change.row.id,
		timestamp: change.row.modifiedAt,
		row: change.row.flat,
	};
}
