// What happens when Smartsheet calls the trigger's URL: a verification challenge is answered at
// once (on enable and every 100 callbacks); anything else must carry a valid Smartsheet-Hmac-SHA256
// or gets 401 and starts nothing; status changes are logged (or emitted); events are filtered,
// acknowledged, optionally completed with the changed rows, and start the workflow.
import { NodeOperationError, type IDataObject, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';

import { SmartsheetRequestError } from '../Smartsheet/transport/failure';
import { parseSmartsheetJson } from '../Smartsheet/transport/smartsheetJson';
import { PACKAGE_CHANGE_AGENT } from '../Smartsheet/helpers/settings';
import { triggerClient } from './common/client';
import { rowsById } from './common/rows';
import { agentList, eventItem, isWanted, madeBy, type CallbackEvent } from './events';
import { sharedSecretFor } from './sharedSecret';
import { hasValidSignature } from './signature';

/** The part of Node's response API (which express's extends) the trigger uses: works in every n8n version. */
interface CallbackResponse {
	statusCode: number;
	setHeader(name: string, value: string): unknown;
	end(body: string): unknown;
}

/** n8n's request (express, with the raw body n8n's body parser keeps). */
interface CallbackRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	body?: unknown;
}

export async function handleCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject() as unknown as CallbackRequest;
	const response = ctx.getResponseObject() as unknown as CallbackResponse;
	const headers = ctx.getHeaderData();

	// Verification needs no secret (the order problem: see sharedSecret.ts) and never runs the workflow.
	const challenge = challengeOf(headers['smartsheet-hook-challenge'], request.body);
	if (challenge !== undefined) {
		answer(response, 200, { smartsheetHookResponse: challenge }, { 'Smartsheet-Hook-Response': challenge });
		return { noWebhookResponse: true };
	}

	const raw = await rawBodyOf(request);
	const callback = raw ? parseCallback(raw) : undefined;
	const webhookId = callback?.webhookId === undefined ? '' : String(callback.webhookId);
	const secret = webhookId ? await sharedSecretFor(ctx, webhookId) : null;
	if (!raw || !callback || !secret || !hasValidSignature(raw, headers['smartsheet-hmac-sha256'], secret)) {
		answer(response, 401, { message: 'Missing or invalid Smartsheet-Hmac-SHA256 signature' });
		return { noWebhookResponse: true };
	}

	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (typeof callback.newWebhookStatus === 'string') return statusChange(ctx, callback, options.statusChanges === true);

	const selected = ctx.getNodeParameter('events', []) as string[];
	const ignored = agentList(typeof options.ignoreChangeAgents === 'string' ? options.ignoreChangeAgents : PACKAGE_CHANGE_AGENT);
	const events = (Array.isArray(callback.events) ? callback.events : []) as CallbackEvent[];
	const items = events.filter((event) => isWanted(event, selected) && !madeBy(event, ignored)).map((event) => eventItem(event, callback));
	if (items.length === 0) return {}; // n8n answers 200; nothing starts

	// Acknowledge first: Smartsheet holds the webhook's next callback until this one is answered
	// and retries slow answers; the rows are read afterwards.
	answer(response, 200, { received: items.length });
	if (ctx.getNodeParameter('includeRowData', true) === true) await attachRows(ctx, String(callback.scopeObjectId), items);
	return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(items)] };
}

function challengeOf(header: unknown, body: unknown): string | undefined {
	if (typeof header === 'string' && header !== '') return header;
	const record = body !== null && typeof body === 'object' ? (body as IDataObject) : undefined;
	if (record && typeof record.challenge === 'string' && record.events === undefined && record.newWebhookStatus === undefined) return record.challenge;
	return undefined;
}

async function rawBodyOf(request: CallbackRequest): Promise<Buffer | undefined> {
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) && request.rawBody.length > 0 ? request.rawBody : undefined;
}

/** The callback with its IDs exact (they exceed 2^53): parsed from the signed bytes themselves. */
function parseCallback(raw: Buffer): IDataObject | undefined {
	try {
		const parsed = parseSmartsheetJson(raw.toString('utf8'));
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

function answer(response: CallbackResponse, status: number, body: IDataObject, headers: Record<string, string> = {}): void {
	response.statusCode = status;
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.setHeader('Content-Type', 'application/json');
	response.end(JSON.stringify(body));
}

function statusChange(ctx: IWebhookFunctions, callback: IDataObject, emit: boolean): IWebhookResponseData {
	const status = String(callback.newWebhookStatus);
	const where = `webhook ${String(callback.webhookId)} of sheet ${String(callback.scopeObjectId)}`;
	if (status === 'ENABLED') ctx.logger.info(`Smartsheet enabled ${where} again`);
	else ctx.logger.warn(`Smartsheet disabled ${where}: ${status}. No events arrive until it is enabled again (Smartsheet does so by itself when the sheet is accessible again; otherwise deactivate and activate the workflow).`);
	if (!emit) return {};
	const item = { sheetId: String(callback.scopeObjectId), webhookId: String(callback.webhookId), webhookStatus: status, timestamp: callback.timestamp ?? null };
	return { workflowData: [ctx.helpers.returnJsonArray([item])] };
}

/** Adds `row` (flat, by column title) to row and cell items; null when the row is gone. */
async function attachRows(ctx: IWebhookFunctions, sheetId: string, items: IDataObject[]): Promise<void> {
	const withRows = items.filter((item) => typeof item.rowId === 'string');
	if (withRows.length === 0) return;
	const live = withRows.filter((item) => !(item.objectType === 'row' && item.eventType === 'deleted'));
	try {
		const rows = live.length ? await rowsById(triggerClient(ctx, { maxRetryWaitMs: 15_000 }), sheetId, live.map((item) => item.rowId as string), 'trigger:rows') : new Map();
		for (const item of withRows) item.row = rows.get(item.rowId as string) ?? null;
	} catch (error) {
		if (!(error instanceof SmartsheetRequestError)) throw new NodeOperationError(ctx.getNode(), error as Error);
		// The event still counts; the item says why its row is missing.
		for (const item of live) item.smartsheetFailure = error.failure;
	}
}
