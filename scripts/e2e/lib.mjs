// Shared pieces of the real-n8n end-to-end run: processes, ports, HTTP with a cookie jar, n8n's
// environment, the emulator, and a tiny assertion log that ends with "N passed, M failed".
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const project = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const n8nVersion = process.env.N8N_VERSION ?? '2.41.1';
export const cacheDir = process.env.E2E_CACHE ?? `${process.env.HOME}/.cache/n8n-smartsheet-e2e`;
export const n8nBin = `${cacheDir}/n8n-${n8nVersion}/node_modules/.bin/n8n`;
export const workDir = mkdtempSync(join(tmpdir(), 'smartsheet-e2e-'));

const children = new Set();

export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Starts a long-running process whose output goes to a log file; stopped by stopAll(). */
export function start(name, command, args, options = {}) {
	const log = join(workDir, `${name}.log`);
	const stream = createWriteStream(log);
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	child.stdout.pipe(stream);
	child.stderr.pipe(stream);
	child.logFile = log;
	child.name = name;
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

export function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-3000)}`))));
	});
}

export async function stopAll() {
	for (const child of children) {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {}
	}
	const deadline = Date.now() + 15_000;
	while (children.size > 0 && Date.now() < deadline) await sleep(200);
	for (const child of children) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
	}
}

export async function waitFor(what, check, timeoutMs = 60_000, intervalMs = 250) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** fetch with a cookie jar (n8n's REST API authenticates with the n8n-auth cookie). */
export class Http {
	constructor(base) {
		this.base = base;
		this.cookies = new Map();
	}

	async request(method, path, { body, headers = {}, redirect = 'manual', raw = false } = {}) {
		const url = path.startsWith('http') ? path : `${this.base}${path}`;
		const cookie = [...this.cookies].map(([key, value]) => `${key}=${value}`).join('; ');
		const response = await fetch(url, {
			method,
			redirect,
			headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		for (const line of response.headers.getSetCookie?.() ?? []) {
			const [pair] = line.split(';');
			const index = pair.indexOf('=');
			this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
		}
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {}
		if (!raw && response.status >= 400) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
		return { status: response.status, headers: response.headers, text, json };
	}
}

export const results = { passed: 0, failed: 0 };

export async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.passed++;
		console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	} catch (error) {
		results.failed++;
		console.log(`FAIL ${name}: ${error.message}`);
	}
}

export function assert(condition, message) {
	if (!condition) throw new Error(message);
}
