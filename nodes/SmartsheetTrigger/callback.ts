// What happens when Smartsheet calls the trigger's URL. The URL is public, so each step refuses
// what Smartsheet would never send before anything costly runs:
//  1. a verification challenge (on enable and every 100 callbacks) is answered at once when it is
//     shaped like Smartsheet's, else 400 (challenge.ts);
//  2. a body over MAX_CALLBACK_BYTES gets 413; a Smartsheet-Hmac-SHA256 header that is not 64 hex
//     digits gets 401: neither costs a Smartsheet request or a parse;
//  3. the signature is checked over the raw bytes with the secret from the static data (or looked
//     up, sharedSecret.ts; the webhook ID for that comes from n8n's own parse of the body); 401 if
//     it fails. Only then is the body parsed exactly (IDs above 2^53);
//  4. a repeated nonce or a timestamp outside the window (replay.ts) is acknowledged and starts
//     nothing;
//  5. status changes are logged (or emitted); events are filtered, acknowledged, optionally
//     completed with the changed rows, and start the workflow.
import {
	NodeOperationError,
	type IDataObject,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	PACKAGE_CHANGE_AGENT,
	parseSmartsheetJson,
	rowsById,
	SmartsheetRequestError,
	triggerClient,
} from '../shared';
import { challengeOf } from './challenge';
import { agentList, eventItem, isWanted, madeBy, type CallbackEvent } from './events';
import { NonceMemory } from './replay';
import { sharedSecretFor, triggerKey } from './sharedSecret';
import { hasValidSignature, isSignatureShaped } from './signature';

/** The largest callback body the trigger reads: about 20,000 events (n8n itself accepts 16 MB). */
export const MAX_CALLBACK_BYTES = 4 * 1024 * 1024;

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
}

const nonces = new NonceMemory();

export async function handleCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject() as unknown as CallbackRequest;
	const response = ctx.getResponseObject() as unknown as CallbackResponse;
	const headers = ctx.getHeaderData();
	const cheap = ctx.getBodyData();

	// Verification needs no secret (the order problem: see sharedSecret.ts) and never runs the workflow.
	const challenge = challengeOf(headers['smartsheet-hook-challenge'], cheap);
	if (challenge?.value === null)
		return refuse(response, 400, 'Not a Smartsheet verification challenge');
	if (challenge) {
		answer(
			response,
			200,
			{ smartsheetHookResponse: challenge.value },
			{ 'Smartsheet-Hook-Response': challenge.value },
		);
		return { noWebhookResponse: true };
	}

	const raw = await rawBodyOf(request);
	if (raw && raw.length > MAX_CALLBACK_BYTES)
		return refuse(response, 413, `A Smartsheet callback is at most ${MAX_CALLBACK_BYTES} bytes`);
	const signature = headers['smartsheet-hmac-sha256'];
	if (!raw || !isSignatureShaped(signature)) return unsigned(response);
	const found = await sharedSecretFor(ctx, claimedWebhookId(cheap));
	if (!found || !hasValidSignature(raw, signature, found.secret)) return unsigned(response);
	const callback = parseCallback(raw);
	if (!callback) return refuse(response, 400, 'A Smartsheet callback is a JSON object');
	if (String(callback.webhookId) !== found.webhookId) return unsigned(response);

	const freshness = nonces.check(
		`${triggerKey(ctx)} ${found.webhookId}`,
		callback.nonce,
		callback.timestamp,
		Date.now(),
	);
	if (freshness !== 'fresh') {
		// Acknowledged (200): a repeat is Smartsheet retrying one that was received, and an error would
		// make it retry until it disables the webhook.
		if (freshness === 'outsideWindow')
			ctx.logger.warn(
				`Smartsheet Trigger ignored a signed callback of webhook ${found.webhookId} with timestamp ${String(callback.timestamp).slice(0, 40)}: outside the accepted window (check this server's clock)`,
			);
		answer(response, 200, {
			ignored:
				freshness === 'repeat' ? 'already received' : 'timestamp outside the accepted window',
		});
		return { noWebhookResponse: true };
	}

	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (typeof callback.newWebhookStatus === 'string')
		return statusChange(ctx, callback, options.statusChanges === true);

	const selected = ctx.getNodeParameter('events', []) as string[];
	const ignored = agentList(
		typeof options.ignoreChangeAgents === 'string'
			? options.ignoreChangeAgents
			: PACKAGE_CHANGE_AGENT,
	);
	const events = (Array.isArray(callback.events) ? callback.events : []) as CallbackEvent[];
	const items = events
		.filter((event) => isWanted(event, selected) && !madeBy(event, ignored))
		.map((event) => eventItem(event, callback));
	if (items.length === 0) return {}; // n8n answers 200; nothing starts

	// Acknowledge first: Smartsheet holds the webhook's next callback until this one is answered
	// and retries slow answers; the rows are read afterwards.
	answer(response, 200, { received: items.length });
	if (ctx.getNodeParameter('includeRowData', true) === true)
		await attachRows(ctx, String(callback.scopeObjectId), items);
	return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(items)] };
}

function unsigned(response: CallbackResponse): IWebhookResponseData {
	return refuse(response, 401, 'Missing or invalid Smartsheet-Hmac-SHA256 signature');
}

function refuse(response: CallbackResponse, status: number, message: string): IWebhookResponseData {
	answer(response, status, { message });
	return { noWebhookResponse: true };
}

/** The webhook ID as n8n's parse of the body has it: exact only below 2^53, which is all a lookup needs. */
function claimedWebhookId(body: unknown): string | undefined {
	const id =
		body !== null && typeof body === 'object' ? (body as IDataObject).webhookId : undefined;
	if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
	return typeof id === 'string' && /^\d{1,20}$/.test(id) ? id : undefined;
}

async function rawBodyOf(request: CallbackRequest): Promise<Buffer | undefined> {
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) && request.rawBody.length > 0
		? request.rawBody
		: undefined;
}

/** The callback with its IDs exact (they exceed 2^53): parsed from the signed bytes themselves. */
function parseCallback(raw: Buffer): IDataObject | undefined {
	try {
		const parsed = parseSmartsheetJson(raw.toString('utf8'));
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

function answer(
	response: CallbackResponse,
	status: number,
	body: IDataObject,
	headers: Record<string, string> = {},
): void {
	response.statusCode = status;
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.setHeader('Content-Type', 'application/json');
	response.end(JSON.stringify(body));
}

function statusChange(
	ctx: IWebhookFunctions,
	callback: IDataObject,
	emit: boolean,
): IWebhookResponseData {
	const status = String(callback.newWebhookStatus);
	const where = `webhook ${String(callback.webhookId)} of sheet ${String(callback.scopeObjectId)}`;
	if (status === 'ENABLED') ctx.logger.info(`Smartsheet enabled ${where} again`);
	else
		ctx.logger.warn(
			`Smartsheet disabled ${where}: ${status}. No events arrive until it is enabled again (Smartsheet does so by itself when the sheet is accessible again; otherwise deactivate and activate the workflow).`,
		);
	if (!emit) return {};
	const item = {
		sheetId: String(callback.scopeObjectId),
		webhookId: String(callback.webhookId),
		webhookStatus: status,
		timestamp: callback.timestamp ?? null,
	};
	return { workflowData: [ctx.helpers.returnJsonArray([item])] };
}

/** Adds `row` (flat, by column title) to row and cell items; null when the row is gone. */
async function attachRows(
	ctx: IWebhookFunctions,
	sheetId: string,
	items: IDataObject[],
): Promise<void> {
	const withRows = items.filter((item) => typeof item.rowId === 'string');
	if (withRows.length === 0) return;
	const live = withRows.filter(
		(item) => !(item.objectType === 'row' && item.eventType === 'deleted'),
	);
	try {
		const rows = live.length
			? await rowsById(
					triggerClient(ctx, { maxRetryWaitMs: 15_000 }),
					sheetId,
					live.map((item) => item.rowId as string),
					'trigger:rows',
				)
			: new Map();
		for (const item of withRows) item.row = rows.get(item.rowId as string) ?? null;
	} catch (error) {
		if (!(error instanceof SmartsheetRequestError))
			throw new NodeOperationError(ctx.getNode(), error as Error);
		// The event still counts; the item says why its row is missing.
		for (const item of live) item.smartsheetFailure = error.failure;
	}
}
