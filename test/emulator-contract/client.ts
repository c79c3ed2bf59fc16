// A tiny HTTP client for the contract tests: raw text kept, so ID precision can be checked.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';

export const CLIENT = { clientId: 'contract-client', clientSecret: 'contract-secret-0123456789', redirectUri: 'http://127.0.0.1:9/callback' };
export const PAT = 'contract-pat-0123456789abcdefghij';

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	return await startEmulator({ port: 0, clients: [CLIENT], pats: [PAT], ...options });
}

export async function call(
	emulator: RunningEmulator,
	method: string,
	path: string,
	options: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	const token = options.token === undefined ? PAT : options.token;
	if (token) headers.authorization = `Bearer ${token}`;
	let body: string | undefined = options.raw;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const response = await fetch(`${emulator.url}${path}`, { method, headers, body, redirect: 'manual' });
	const text = await response.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

export async function admin(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<any> {
	const reply = await call(emulator, method, `/__admin${path}`, { token: null, body });
	if (reply.status >= 400) throw new Error(`admin ${path}: ${reply.status} ${reply.text}`);
	return reply.json;
}

export async function tokenRequest(emulator: RunningEmulator, params: Record<string, string>): Promise<Reply> {
	const response = await fetch(`${emulator.apiBase}/token`, { method: 'POST', body: new URLSearchParams(params) });
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

/** The seeded Project Tracker: its ID and column IDs, read from the raw text (IDs are exact). */
export async function tracker(emulator: RunningEmulator): Promise<{ id: string; columns: Record<string, string> }> {
	const list = await call(emulator, 'GET', '/2.0/sheets?includeAll=true');
	const id = /"id":(\d+),"name":"Project Tracker"/.exec(list.text)![1];
	const columns = await call(emulator, 'GET', `/2.0/sheets/${id}/columns`);
	const ids = [...columns.text.matchAll(/"id":(\d+),"index":\d+,"title":"([^"]+)"/g)];
	return { id, columns: Object.fromEntries(ids.map((match) => [match[2], match[1]])) };
}
