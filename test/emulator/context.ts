// What a route handler gets, and the shape of a route.
import type { IncomingMessage } from 'node:http';

import type { Emulator } from './emulator';

export interface Route {
	method: string;
	/** Path template, e.g. /2.0/sheets/{sheetId}/rows; also the key of stats.byRoute. */
	path: string;
	/** OAuth scope the token needs; null = any valid token; 'none' = no token at all. */
	scope: string | null | 'none';
	/** Rate-limit weight (attachments and cell history weigh 10). */
	weight?: number;
	/** A write to the sheet named by {sheetId}: access level EDITOR needed, serialized per token. */
	write?: boolean;
	handler: (ctx: RequestContext) => Promise<Answer> | Answer;
}

export interface Answer {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface RequestContext {
	emulator: Emulator;
	request: IncomingMessage;
	params: Record<string, string>;
	query: URLSearchParams;
	rawBody: string;
	/** The body's bytes (uploads). */
	bodyBuffer: Buffer;
	/** The JSON body (IDs as strings); parsing errors answer 1008. */
	json(): unknown;
	token: string | null;
}
