// What a route is, what its handler gets, and what it answers. Add a resource by writing a
// routes/<resource>.ts that exports Route[] and listing it in routes/api.ts.
import type { IncomingMessage } from 'node:http';

import type { Emulator } from './emulator';
import type { AccessLevel } from './state';

export interface Route {
	method: string;
	/** Path template, e.g. /2.0/sheets/{sheetId}/rows; also the key of stats.byRoute. */
	path: string;
	/** OAuth scope the token needs; null = any valid token; 'none' = no token at all. */
	scope: string | null | 'none';
	/** Rate-limit weight (attachments and cell history weigh 10); default 1. */
	weight?: number;
	/**
	 * A write to the sheet named by {sheetId}: held for writeLatencyMs, and answers 4004 when the
	 * same token is already writing that sheet (with writeCollisions on).
	 */
	write?: boolean;
	/**
	 * The access level the user needs on the {sheetId} sheet: default VIEWER for reads and EDITOR
	 * for writes. Below it: 403/1004. A sheet that does not exist: 404/1006.
	 */
	access?: Exclude<AccessLevel, 'NONE'>;
	handler: (ctx: RequestContext) => Promise<Answer> | Answer;
}

export interface Answer {
	status?: number;
	/** An object is written as JSON (IDs as bare numbers); a string or a Buffer is sent as it is. */
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
	/** The JSON body (IDs as digit strings); a missing or malformed body answers 1008, another content type 1124. */
	json(): unknown;
	/** The bearer token, if one was sent. */
	token: string | null;
}
