// Keeps one process under Smartsheet's per-token rate limit (300 requests a minute; attachments
// and cell history weigh 10) so a large run does not provoke 429s, and sends writes to one sheet
// one at a time (parallel writes with one token answer 500/4004).
// State is per credential id and per process: never a token, only send times and queues.
import { sleep } from 'n8n-workflow';

const WINDOW_MS = 61_000; // Smartsheet's minute, plus a second for clock skew and latency

interface Window {
	sends: Array<{ at: number; weight: number }>;
	queue: Promise<void>;
}

const windows = new Map<string, Window>();
const sheetLocks = new Map<string, Promise<void>>();

function windowFor(key: string): Window {
	let window = windows.get(key);
	if (!window) {
		window = { sends: [], queue: Promise.resolve() };
		windows.set(key, window);
	}
	return window;
}

/**
 * Waits until sending `weight` more units keeps the last minute under `limitPerMinute`, then
 * records the send. Callers are served in arrival order. Returns how long it waited.
 */
export async function acquireRateBudget(key: string, weight: number, limitPerMinute: number): Promise<number> {
	const window = windowFor(key);
	const started = Date.now();
	const turn = window.queue.then(async () => {
		for (;;) {
			const now = Date.now();
			while (window.sends.length > 0 && window.sends[0].at <= now - WINDOW_MS) window.sends.shift();
			const used = window.sends.reduce((sum, send) => sum + send.weight, 0);
			if (used + weight <= limitPerMinute || window.sends.length === 0) {
				window.sends.push({ at: now, weight });
				return;
			}
			// Wait until enough of the oldest sends leave the window.
			let freed = 0;
			let until = now;
			for (const send of window.sends) {
				freed += send.weight;
				until = send.at + WINDOW_MS;
				if (used - freed + weight <= limitPerMinute) break;
			}
			await sleep(Math.max(1, until - now));
		}
	});
	window.queue = turn.catch(() => undefined);
	await turn;
	return Date.now() - started;
}

/** Runs `work` while holding the write lock of one sheet for one credential. */
export async function withSheetWriteLock<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = sheetLocks.get(key) ?? Promise.resolve();
	let release!: () => void;
	const mine = new Promise<void>((resolve) => (release = resolve));
	const chained = previous.then(() => mine);
	sheetLocks.set(key, chained);
	await previous;
	try {
		return await work();
	} finally {
		release();
		if (sheetLocks.get(key) === chained) sheetLocks.delete(key);
	}
}
