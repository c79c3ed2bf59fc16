// Reading requests and writing answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Answer } from './context';
import { ApiError } from './errors';
import { JsonSyntaxError, parseJson, stringifyJson } from './json';

export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** A JSON request body: empty → 1024, another content type → 415/1124, malformed → 1008. */
export function jsonBody(request: IncomingMessage, rawBody: string): unknown {
	const type = String(request.headers['content-type'] ?? '').toLowerCase();
	if (type && !/^application\/([\w.+-]*\+)?json\b/.test(type)) throw new ApiError(1124);
	if (!rawBody.trim()) throw new ApiError(1024);
	try {
		return parseJson(rawBody);
	} catch (error) {
		if (error instanceof JsonSyntaxError) throw new ApiError(1008, [error.message]);
		throw error;
	}
}

export function send(response: ServerResponse, answer: Answer): void {
	if (response.headersSent || response.destroyed) return;
	const headers: Record<string, string> = { ...(answer.headers ?? {}) };
	let text: string | Buffer = '';
	if (typeof answer.body === 'string' || Buffer.isBuffer(answer.body)) text = answer.body;
	else if (answer.body !== undefined) {
		text = stringifyJson(answer.body);
		if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
			headers['Content-Type'] = 'application/json;charset=UTF-8';
	}
	headers['Content-Length'] = String(Buffer.byteLength(text));
	response.writeHead(answer.status ?? 200, headers);
	response.end(text);
}

/** The answer for anything a handler threw: Smartsheet's error, or 500/4000 without internals. */
export function errorAnswer(error: unknown): Answer {
	if (error instanceof ApiError) return { status: error.status, body: error.body() };
	return { status: 500, body: new ApiError(4000).body() };
}
