// The HTTP server and the request pipeline every /2.0 call goes through: faults → token →
// scope → rate limit → sheet access and write order → the route's handler → Smartsheet's answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Answer, RequestContext, Route } from './context';
import { ApiError, refId } from './errors';
import { FaultSchedule, type FaultResponse } from './faults';
import { parseJson, stringifyJson } from './json';
import { RateLimiter } from './rateLimiter';
import { adminRoutes } from './routes/admin';
import { apiRoutes } from './routes/api';
import { authorize } from './routes/oauth';
import { EmulatorState, seed } from './state';
import { Stats } from './stats';

export interface EmulatorOptions {
	port?: number;
	accessTokenTtlSeconds?: number;
	rateLimitPerMinute?: number;
	/** Length of the rate-limit window; 60 s like Smartsheet (shorter only in tests). */
	rateWindowMs?: number;
	retryAfterSeconds?: number | null;
	writeCollisions?: boolean;
	writeLatencyMs?: number;
	pats?: string[];
	clients?: Array<{ clientId: string; clientSecret: string; redirectUri?: string }>;
	seed?: boolean;
}

export type EmulatorConfig = Required<Omit<EmulatorOptions, 'port' | 'retryAfterSeconds'>> & { retryAfterSeconds: number | null };

export const DEFAULT_PAT = 'demo-personal-access-token-000001';
export const DEFAULT_CLIENT = { clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret' };

export class Emulator {
	config: EmulatorConfig;
	state = new EmulatorState();
	readonly stats = new Stats();
	readonly faults = new FaultSchedule();
	readonly rateLimiter = new RateLimiter(
		() => this.config.rateLimitPerMinute,
		() => this.config.rateWindowMs,
	);
	private readonly writesInFlight = new Set<string>();
	private readonly sockets = new Set<Socket>();
	private server: Server | null = null;
	private readonly routes: Array<Route & { pattern: RegExp; names: string[] }>;

	constructor(readonly options: EmulatorOptions) {
		this.config = Emulator.configFrom(options);
		this.routes = apiRoutes.map((route) => ({ ...route, ...compile(route.path) }));
		this.reset();
	}

	static configFrom(options: EmulatorOptions): EmulatorConfig {
		return {
			accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 604_799,
			rateLimitPerMinute: options.rateLimitPerMinute ?? 300,
			rateWindowMs: options.rateWindowMs ?? 60_000,
			retryAfterSeconds: options.retryAfterSeconds ?? null,
			writeCollisions: options.writeCollisions ?? false,
			writeLatencyMs: options.writeLatencyMs ?? 0,
			pats: options.pats ?? [DEFAULT_PAT],
			clients: options.clients ?? [{ ...DEFAULT_CLIENT }],
			seed: options.seed ?? true,
		};
	}

	/** Back to the state the emulator started in. */
	reset(): void {
		this.config = Emulator.configFrom(this.options);
		this.state = new EmulatorState();
		if (this.config.seed) seed(this.state);
		for (const pat of this.config.pats) {
			this.state.accessTokens.set(pat, { userId: this.state.user.id, clientId: null, scopes: 'all', expiresAt: null, revoked: false });
		}
		this.stats.reset();
		this.faults.clear();
		this.rateLimiter.clear();
	}

	async listen(port: number): Promise<string> {
		this.server = createServer((request, response) => void this.handle(request, response));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', () => resolve());
		});
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = (request.method ?? 'GET').toUpperCase();
		try {
			const bodyBuffer = await readBody(request);
			const rawBody = bodyBuffer.toString('utf8');
			if (url.pathname.startsWith('/__admin')) {
				return send(response, await adminRoutes(this, method, url, rawBody));
			}
			if (url.pathname === '/b/authorize') return send(response, authorize(this, url));
			if (!url.pathname.startsWith('/2.0')) throw new ApiError(1006);
			await this.handleApi(request, response, method, url, rawBody, bodyBuffer);
		} catch (error) {
			send(response, errorAnswer(error));
		}
	}

	private async handleApi(
		request: IncomingMessage,
		response: ServerResponse,
		method: string,
		url: URL,
		rawBody: string,
		bodyBuffer: Buffer,
	): Promise<void> {
		const matched = this.match(method, url.pathname);
		const routeKey = matched ? `${method} ${matched.route.path}` : `${method} ${url.pathname}`;
		const isTokenCall = url.pathname === '/2.0/token' && method === 'POST';
		const token = bearer(request);
		const entry = this.stats.begin(method, url.pathname, routeKey, token, isTokenCall);
		const finish = (answer: Answer) => {
			const body = answer.body as { errorCode?: number } | undefined;
			this.stats.end(entry, answer.status ?? 200, body?.errorCode);
			send(response, answer);
		};
		try {
			const fault = this.faults.take(method, url.pathname);
			if (fault) {
				this.stats.faultsInjected++;
				if (fault.kind === 'drop') {
					this.stats.end(entry, 0);
					request.socket.destroy();
					return;
				}
				if (fault.kind === 'delay') await sleep(fault.ms);
				else return finish(faultAnswer(fault));
			}
			if (!matched) {
				const pathExists = this.routes.some((route) => route.pattern.test(url.pathname));
				throw new ApiError(pathExists ? 1010 : 1006);
			}
			const { route, params } = matched;
			const context: RequestContext = {
				emulator: this,
				request,
				params,
				query: url.searchParams,
				rawBody,
				bodyBuffer,
				token,
				json: () => parseBody(request, rawBody),
			};
			if (route.scope !== 'none') this.authenticate(token, route.scope, entry);
			if (token && route.scope !== 'none' && !this.rateLimiter.take(token, route.weight ?? 1)) {
				const headers: Record<string, string> =
					this.config.retryAfterSeconds === null ? {} : { 'Retry-After': String(this.config.retryAfterSeconds) };
				return finish({ status: 429, body: new ApiError(4003).body(), headers });
			}
			const sheetId = params.sheetId;
			if (sheetId) this.checkSheetAccess(sheetId, route.write === true);
			if (route.write && sheetId && token) return finish(await this.serializedWrite(`${token}:${sheetId}`, sheetId, () => route.handler(context)));
			return finish(await route.handler(context));
		} catch (error) {
			finish(errorAnswer(error));
		}
	}

	private match(method: string, path: string) {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const found = route.pattern.exec(path);
			if (found) return { route, params: Object.fromEntries(route.names.map((name, index) => [name, found[index + 1]])) };
		}
		return undefined;
	}

	private authenticate(token: string | null, scope: string | null, entry: { expired?: boolean }): void {
		if (!token) throw new ApiError(1001);
		const grant = this.state.accessTokens.get(token);
		if (!grant || grant.revoked) throw new ApiError(1002);
		if (grant.expiresAt !== null && grant.expiresAt <= Date.now()) {
			entry.expired = true;
			throw new ApiError(1003);
		}
		if (scope && grant.scopes !== 'all' && !grant.scopes.has(scope)) throw new ApiError(1004);
	}

	private checkSheetAccess(sheetId: string, write: boolean): void {
		if (!this.state.sheets.has(sheetId)) throw new ApiError(1006);
		const level = this.state.accessLevel(sheetId);
		if (level === 'NONE' || (write && level === 'VIEWER')) throw new ApiError(1004);
	}

	private async serializedWrite(key: string, sheetId: string, work: () => Promise<Answer> | Answer): Promise<Answer> {
		if (this.config.writeCollisions && this.writesInFlight.has(key)) {
			throw new ApiError(4004, [], {
				message: `Request failed because sheetId ${sheetId} is currently being updated by another request that uses the same access token. Please retry your request once the previous request has completed.`,
			});
		}
		this.writesInFlight.add(key);
		try {
			if (this.config.writeLatencyMs > 0) await sleep(this.config.writeLatencyMs);
			return await work();
		} finally {
			this.writesInFlight.delete(key);
		}
	}
}

function compile(path: string): { pattern: RegExp; names: string[] } {
	const names: string[] = [];
	const source = path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		names.push(name);
		return '([^/]+)';
	});
	return { pattern: new RegExp(`^${source}/?$`), names };
}

function bearer(request: IncomingMessage): string | null {
	const header = request.headers.authorization;
	if (!header) return null;
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	return match ? match[1].trim() : header.trim();
}

function parseBody(request: IncomingMessage, rawBody: string): unknown {
	if (!rawBody.trim()) throw new ApiError(1008, ['the request body is empty']);
	const type = String(request.headers['content-type'] ?? '');
	if (type && !type.includes('json')) throw new ApiError(1124);
	try {
		return parseJson(rawBody);
	} catch (error) {
		throw new ApiError(1008, [(error as Error).message]);
	}
}

function faultAnswer(fault: Exclude<FaultResponse, { kind: 'drop' } | { kind: 'delay' }>): Answer {
	if (fault.kind === 'raw') {
		return { status: fault.status, body: fault.body, headers: { 'Content-Type': fault.contentType ?? 'text/plain' } };
	}
	const error = new ApiError(fault.errorCode, [], { status: fault.status, message: fault.message });
	return {
		status: error.status,
		body: error.body(),
		headers: fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) },
	};
}

function errorAnswer(error: unknown): Answer {
	if (error instanceof ApiError) return { status: error.status, body: error.body() };
	return { status: 500, body: { errorCode: 4000, message: 'An unexpected error has occurred.', refId: refId() } };
}

function send(response: ServerResponse, answer: Answer): void {
	if (response.headersSent || response.destroyed) return;
	const status = answer.status ?? 200;
	const headers = { ...(answer.headers ?? {}) };
	let text = '';
	if (typeof answer.body === 'string') text = answer.body;
	else if (answer.body !== undefined) {
		text = stringifyJson(answer.body);
		headers['Content-Type'] ??= 'application/json;charset=UTF-8';
	}
	response.writeHead(status, headers);
	response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
