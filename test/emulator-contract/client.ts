// A small HTTP client for the contract tests. It keeps the raw text (so ID precision can be checked
// on the wire) and parses JSON on its own, independently of the emulator's JSON code: integers of
// 15 digits or more (IDs) come back as exact digit strings.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';

import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';

export const CLIENT = {
	clientId: 'contract-client',
	clientSecret: 'contract-secret-0123456789',
	redirectUri: 'http://127.0.0.1:9/callback',
};
export const PAT = 'contract-pat-0123456789abcdefghij';
export const TWO_TO_53 = 2n ** 53n;

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

/** One emulator for the file (port 0), back to its start state before each test. */
export function useEmulator(options: EmulatorOptions = {}): { readonly emu: RunningEmulator } {
	const holder = {} as { emu: RunningEmulator };
	before(async () => (holder.emu = await start(options)));
	after(async () => await holder.emu.close());
	beforeEach(async () => await admin(holder.emu, 'POST', '/reset'));
	return holder;
}

export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	return await startEmulator({ port: 0, clients: [CLIENT], pats: [PAT], ...options });
}

/** JSON.parse, with long integers (IDs) as exact digit strings, read from the source text. */
export function exactJson(text: string): any {
	const parse = JSON.parse as (
		text: string,
		reviver: (key: string, value: unknown, context: { source?: string }) => unknown,
	) => unknown;
	return parse(text, (_key, value, context) =>
		typeof value === 'number' && context?.source && /^-?\d{15,}$/.test(context.source)
			? context.source
			: value,
	);
}

export async function call(
	emulator: RunningEmulator,
	method: string,
	path: string,
	options: {
		token?: string | null;
		body?: unknown;
		raw?: string;
		headers?: Record<string, string>;
	} = {},
): Promise<Reply> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	const token = options.token === undefined ? PAT : options.token;
	if (token) headers.authorization = `Bearer ${token}`;
	let body: string | undefined = options.raw;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const response = await fetch(`${emulator.url}${path}`, {
		method,
		headers,
		body,
		redirect: 'manual',
	});
	const text = await response.text();
	let json: any;
	try {
		json = exactJson(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** A JSON body with IDs written as bare numbers (as Smartsheet clients send them). */
export function rawJson(value: unknown): string {
	return JSON.stringify(value, (key, inner) =>
		typeof inner === 'string' && /^\d{15,}$/.test(inner) && /(^id$|Id$|^\d+$)/.test(key)
			? `@@${inner}@@`
			: inner,
	).replace(/"@@(\d+)@@"/g, '$1');
}

export async function admin(
	emulator: RunningEmulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<any> {
	const reply = await call(emulator, method, `/__admin${path}`, { token: null, body });
	if (reply.status >= 400) throw new Error(`admin ${path}: ${reply.status} ${reply.text}`);
	return reply.json;
}

export async function tokenRequest(
	emulator: RunningEmulator,
	params: Record<string, string>,
): Promise<Reply> {
	const response = await fetch(`${emulator.apiBase}/token`, {
		method: 'POST',
		body: new URLSearchParams(params),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** A seeded sheet by name: its ID, column IDs by title, and row IDs in order. */
export async function sheetByName(
	emulator: RunningEmulator,
	name: string,
): Promise<{ id: string; columns: Record<string, string>; rowIds: string[] }> {
	const list = await call(emulator, 'GET', '/2.0/sheets?includeAll=true');
	const summary = list.json.data.find((candidate: any) => candidate.name === name);
	if (!summary) throw new Error(`no sheet named ${name}`);
	const sheet = await call(emulator, 'GET', `/2.0/sheets/${summary.id}`);
	return {
		id: String(summary.id),
		columns: Object.fromEntries(
			sheet.json.columns.map((column: any) => [column.title, String(column.id)]),
		),
		rowIds: sheet.json.rows.map((row: any) => String(row.id)),
	};
}

export async function tracker(emulator: RunningEmulator) {
	return await sheetByName(emulator, 'Project Tracker');
}

/** Asserts Smartsheet's error shape: the status that goes with the code, errorCode, message, refId. */
export function assertError(reply: Reply, status: number, errorCode: number): void {
	assert.deepEqual([reply.status, reply.json?.errorCode], [status, errorCode], reply.text);
	assert.equal(typeof reply.json.message, 'string', reply.text);
	assert.ok(reply.json.message.length > 0, reply.text);
	assert.match(reply.json.refId, /^[a-z0-9]{6,}$/, reply.text);
	assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
}

/** Stops the emulator's clock (until the next reset) and answers where it stopped. */
export async function stopClock(emulator: RunningEmulator, at?: number): Promise<number> {
	return (await admin(emulator, 'POST', '/clock/stop', at === undefined ? {} : { at })).now;
}

/** Moves the stopped clock: what waits on it (write latency, delay faults) and what ages by it move along. */
export async function advanceClock(emulator: RunningEmulator, ms: number): Promise<void> {
	await admin(emulator, 'POST', '/clock/advance', { ms });
}

/** How many waits hold on the stopped clock. */
export async function clockWaits(emulator: RunningEmulator): Promise<number> {
	return (await admin(emulator, 'GET', '/clock')).sleeping;
}

/** Asks until `ready(waits)`: a request under way has reached the clock (no timer involved). */
export async function untilClock(
	emulator: RunningEmulator,
	ready: (waits: number) => boolean,
): Promise<void> {
	while (!ready(await clockWaits(emulator)));
}
