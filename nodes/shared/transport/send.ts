// Sends one HTTP request through n8n (which signs it with the credential) and hands back the raw
// answer. Status errors come back as answers, not throws: the transport, not n8n, decides about
// refreshes and retries, so n8n's own reactive refresh never runs behind its back.
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import type { SmartsheetContext } from './context';
import { parseSmartsheetJson } from './smartsheetJson';

export interface RawAnswer {
	status: number;
	headers: Record<string, unknown>;
	text: string;
	body: unknown;
}

export interface OutgoingRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	headers?: Record<string, string>;
	/** Already serialized JSON text, or a Buffer (uploads). */
	body?: string | Buffer;
	timeoutMs: number;
}

export async function sendOnce(
	ctx: SmartsheetContext,
	credentialType: string,
	request: OutgoingRequest,
): Promise<RawAnswer> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: request.headers,
		body: request.body,
		json: false,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs,
	};
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		credentialType,
		options,
	)) as {
		statusCode: number;
		headers: Record<string, unknown>;
		body: unknown;
	};
	const text = toText(response.body);
	return {
		status: response.statusCode,
		headers: lowerCaseKeys(response.headers ?? {}),
		text,
		body: parseBody(text),
	};
}

function toText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

function parseBody(text: string): unknown {
	if (!text) return undefined;
	try {
		return parseSmartsheetJson(text);
	} catch {
		return undefined; // a gateway's HTML page: the status alone classifies it
	}
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]),
	);
}
