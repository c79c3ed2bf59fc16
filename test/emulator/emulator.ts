// The server and the pipeline every /2.0 call goes through:
//   faults → route → token and scope → rate limit → sheet access → write order → handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { authenticate, bearerToken } from './auth';
import { configFrom, latencyDraw, type EmulatorConfig, type EmulatorOptions } from './config';
import type { Answer, RequestContext } from './context';
import { ApiError } from './errors';
import { FaultSchedule, type FaultResponse } from './faults';
import { errorAnswer, jsonBody, readBody, send } from './http';
import { RateLimiter } from './rateLimiter';
import { Router } from './router';
import { adminRoutes } from './routes/admin';
import { apiRoutes } from './routes/api';
import { FILES_PATH, serveAttachmentFile } from './routes/attachments';
import { authorize } from './routes/oauth';
import { seed } from './seed';
import { ACCESS_RANK, EmulatorState } from './state';
import { Stats, type LogEntry } from './stats';
import { observeSheetChanges } from './webhooks/events';
import { WriteLocks } from './writeLocks';

export type { EmulatorConfig, EmulatorOptions } from './config';
export { DEFAULT_CLIENT, DEFAULT_PAT } from './config';

export class Emulator {
	config: EmulatorConfig;
	state = new EmulatorState();
	readonly stats = new Stats();
	readonly faults = new FaultSchedule();
	readonly rateLimiter = new RateLimiter(
		() => this.config.rateLimitPerMinute,
		() => this.config.rateWindowMs,
	);
	private readonly writeLocks = new WriteLocks();
	private readonly router = new Router(apiRoutes);
	private readonly sockets = new Set<Socket>();
	private server: Server | null = null;

	constructor(readonly options: EmulatorOptions = {}) {
		this.config = configFrom(options);
		this.reset();
	}

	/** Back to the state the emulator started in: data, tokens, counters, faults, settings. */
	reset(): void {
		this.config = configFrom(this.options);
		this.state.webhooks.stop(); // no callback of the old state may reach anyone
		this.state.clock.release(); // nor may a write or a delay wait for a clock nobody will move
		this.state = new EmulatorState();
		if (this.config.seed) seed(this.state);
		for (const pat of this.config.pats) {
			this.state.accessTokens.set(pat, {
				userId: this.state.user.id,
				clientId: null,
				scopes: 'all',
				expiresAt: null,
				revoked: false,
			});
		}
		this.stats.reset();
		this.faults.clear();
		this.rateLimiter.clear();
		this.writeLocks.clear();
	}

	/** Starts listening on 127.0.0.1 and answers the base URL. */
	async listen(port: number): Promise<string> {
		const server = createServer((request, response) => void this.handle(request, response));
		// Idle connections are closed by the client (undici: after 4 s, or the hint below less 2 s), never
		// by the server just as the client reuses one: Node's 5 s default lets a loop blocked by a big
		// request (a 20,000-row sheet on a busy machine) close sockets a client is about to write to.
		server.keepAliveTimeout = 65_000;
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		server.on('clientError', (_error, socket) => socket.destroy());
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		const server = this.server;
		this.server = null;
		this.state.webhooks.stop();
		if (!server) return;
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		try {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			const method = (request.method ?? 'GET').toUpperCase();
			const bodyBuffer = await readBody(request);
			const rawBody = bodyBuffer.toString('utf8');
			if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) {
				return send(response, await adminRoutes(this, method, url, rawBody));
			}
			if (url.pathname === '/b/authorize' && (method === 'GET' || method === 'POST')) {
				return send(response, authorize(this, url, method === 'POST' ? rawBody : ''));
			}
			if (url.pathname.startsWith(FILES_PATH) && method === 'GET')
				return send(response, serveAttachmentFile(this, url));
			await this.handleApi(request, response, { method, url, rawBody, bodyBuffer });
		} catch (error) {
			send(response, errorAnswer(error));
		}
	}

	private async handleApi(
		request: IncomingMessage,
		response: ServerResponse,
		call: { method: string; url: URL; rawBody: string; bodyBuffer: Buffer },
	): Promise<void> {
		const { method, url } = call;
		const path = url.pathname;
		const isTokenCall = method === 'POST' && path === '/2.0/token';
		const token = bearerToken(request);
		const template = path.startsWith('/2.0') ? this.router.template(path) : undefined;
		const entry = this.stats.begin(
			method,
			path,
			`${method} ${template ?? '(no route)'}`,
			token,
			isTokenCall,
		);
		const finish = (answer: Answer) => {
			const body = answer.body as { errorCode?: unknown } | undefined;
			this.stats.end(
				entry,
				answer.status ?? 200,
				typeof body?.errorCode === 'number' ? body.errorCode : undefined,
			);
			send(response, answer);
		};
		try {
			const fault = this.faults.take(method, path);
			if (fault) this.stats.faultsInjected++;
			if (fault && !fault.afterActing) {
				const wrong = fault.response;
				if (wrong.kind === 'drop') return this.drop(request, entry);
				if (wrong.kind === 'delay') await this.state.clock.sleep(wrong.ms);
				else return finish(faultAnswer(wrong));
			}
			// Smartsheet's latency, before anything is decided (so a 429 costs a round trip too).
			const latency = latencyDraw(this.config.latencyMs);
			if (latency > 0) await this.state.clock.sleep(latency);
			if (!path.startsWith('/2.0/') && path !== '/2.0') throw new ApiError(1006);
			const answer = await this.dispatchOrError(request, call, token, entry);
			if (!fault?.afterActing) return finish(answer);
			// The request was carried out; now its answer goes missing or wrong.
			const wrong = fault.response;
			if (wrong.kind === 'drop') return this.drop(request, entry);
			if (wrong.kind === 'delay') await this.state.clock.sleep(wrong.ms);
			finish(wrong.kind === 'delay' ? answer : faultAnswer(wrong));
		} catch (error) {
			if (!(error instanceof ApiError))
				entry.internalError = (error as Error)?.message ?? String(error);
			finish(errorAnswer(error));
		}
	}

	/** The route's answer, a Smartsheet error included (so an after-acting fault sees what it replaces). */
	private async dispatchOrError(
		request: IncomingMessage,
		call: { method: string; url: URL; rawBody: string; bodyBuffer: Buffer },
		token: string | null,
		entry: LogEntry,
	): Promise<Answer> {
		try {
			return await this.dispatch(request, call, token, entry);
		} catch (error) {
			if (!(error instanceof ApiError))
				entry.internalError = (error as Error)?.message ?? String(error);
			return errorAnswer(error);
		}
	}

	private drop(request: IncomingMessage, entry: LogEntry): void {
		this.stats.end(entry, 0);
		request.socket.destroy();
	}

	private async dispatch(
		request: IncomingMessage,
		call: { method: string; url: URL; rawBody: string; bodyBuffer: Buffer },
		token: string | null,
		entry: LogEntry,
	): Promise<Answer> {
		const { route, params } = this.router.match(call.method, call.url.pathname);
		const context: RequestContext = {
			emulator: this,
			request,
			params,
			query: call.url.searchParams,
			rawBody: call.rawBody,
			bodyBuffer: call.bodyBuffer,
			token,
			json: () => jsonBody(request, call.rawBody),
		};
		if (route.scope === 'none') return await route.handler(context);
		authenticate(this.state, token, route.scope, () => (entry.expired = true));
		if (!this.rateLimiter.take(token!, route.weight ?? 1, this.state.now())) {
			const headers: Record<string, string> =
				this.config.retryAfterSeconds === null
					? {}
					: { 'Retry-After': String(this.config.retryAfterSeconds) };
			return { status: 429, body: new ApiError(4003).body(), headers };
		}
		this.stats.charge(entry, route.weight ?? 1);
		const sheetId = params.sheetId;
		if (sheetId !== undefined)
			this.checkSheetAccess(sheetId, route.access ?? (route.write ? 'EDITOR' : 'VIEWER'));
		if (route.write && sheetId !== undefined) {
			const options = {
				collide: this.config.writeCollisions,
				latencyMs: this.config.writeLatencyMs,
				clock: this.state.clock,
			};
			return await this.writeLocks.run(token!, sheetId, options, () =>
				observeSheetChanges(context, sheetId, () => route.handler(context)),
			);
		}
		return await route.handler(context);
	}

	private checkSheetAccess(sheetId: string, needed: keyof typeof ACCESS_RANK): void {
		if (!this.state.sheets.has(sheetId)) throw new ApiError(1006);
		if (ACCESS_RANK[this.state.accessLevel(sheetId)] < ACCESS_RANK[needed])
			throw new ApiError(1004);
	}
}

/** A fault's delay; it alone does not keep the process alive (a test may end while an answer is held). */
function faultAnswer(fault: Exclude<FaultResponse, { kind: 'drop' } | { kind: 'delay' }>): Answer {
	if (fault.kind === 'raw')
		return {
			status: fault.status,
			body: fault.body,
			headers: { 'Content-Type': fault.contentType ?? 'text/plain' },
		};
	const error = new ApiError(fault.errorCode, [], { status: fault.status, message: fault.message });
	return {
		status: error.status,
		body: error.body(),
		headers:
			fault.retryAfterSeconds === undefined
				? {}
				: { 'Retry-After': String(fault.retryAfterSeconds) },
	};
}
