// A subscriber for webhook callbacks on 127.0.0.1: records every request the emulator sends (raw
// body and headers) and answers as a test tells it. By default it answers challenges correctly
// (header and body) and events with 200.
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	headers: IncomingHttpHeaders;
	raw: string;
	json: any;
	at: number;
	/** How many requests were being handled at once when this one arrived (serialisation checks). */
	concurrent: number;
	/** How many requests had been answered when this one arrived (ordering checks, no clock). */
	answeredBefore: number;
	/** Whether the answer has been sent. */
	answered: boolean;
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	body?: string;
	delayMs?: number;
	/** Close the socket without an answer. */
	drop?: boolean;
}

export type Behaviour = (request: Received) => Reply;

/** The right answer to a verification request; 200 to anything else. */
export const echoChallenge: Behaviour = (request) => {
	const challenge = request.headers['smartsheet-hook-challenge'];
	if (typeof challenge === 'string') {
		return {
			status: 200,
			headers: { 'Smartsheet-Hook-Response': challenge, 'Content-Type': 'application/json' },
			body: JSON.stringify({ smartsheetHookResponse: challenge }),
		};
	}
	return { status: 200, body: '{}' };
};

export function isChallenge(request: Received): boolean {
	return typeof request.headers['smartsheet-hook-challenge'] === 'string';
}

export class CallbackReceiver {
	readonly received: Received[] = [];
	behaviour: Behaviour = echoChallenge;
	private active = 0;
	private answers = 0;

	private readonly server: Server;
	url = '';

	private constructor() {
		this.server = createServer((request, response) => void this.handle(request, response));
	}

	static async start(path = '/hook'): Promise<CallbackReceiver> {
		const receiver = new CallbackReceiver();
		await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
		receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}${path}`;
		return receiver;
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		let json: unknown;
		try {
			json = JSON.parse(raw);
		} catch {
			json = undefined;
		}
		this.active++;
		const entry: Received = {
			headers: request.headers,
			raw,
			json,
			at: Date.now(),
			concurrent: this.active,
			answeredBefore: this.answers,
			answered: false,
		};
		this.received.push(entry);
		try {
			const reply = this.behaviour(entry);
			if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
			if (reply.drop) {
				request.socket.destroy();
				return;
			}
			response.writeHead(reply.status ?? 200, reply.headers ?? {});
			response.end(reply.body ?? '');
			entry.answered = true;
			this.answers++;
		} finally {
			this.active--;
		}
	}

	events(): Received[] {
		return this.received.filter((request) => !isChallenge(request));
	}

	challenges(): Received[] {
		return this.received.filter(isChallenge);
	}

	clear(): void {
		this.received.length = 0;
		this.behaviour = echoChallenge;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
