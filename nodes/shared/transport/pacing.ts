// Keeps one process under Smartsheet's per-token rate limit (300 requests a minute; attachments
// and cell history weigh 10) so a large run does not provoke 429s, and sends writes to one sheet
// one at a time (parallel writes with one token get 500/4004). Sends are spread over the minute
// (a tenth of it may go at once): when processes share a token and its window fills, few of their
// requests are on the way at that moment, so few are answered 429.
// n8n gives nodes no store shared between workers, so each process adapts its own rate per
// credential: a 429 lowers it (multiplicative decrease, and to no more than this process sent
// in the last minute, since the window is full; a Retry-After holds every send), and while no 429
// arrives it grows back slowly, never above the configured Requests per Minute. Several processes
// on one token thereby settle under Smartsheet's limit.
// State is per credential id and per process: never a token, only send times, a rate and queues.
import { sleep } from 'n8n-workflow';

const WINDOW_MS = 61_000; // Smartsheet's minute, plus a second for clock skew and latency
/** A 429 multiplies the rate by this… */
const DECREASE = 0.8;
/** …and to no less than a quarter, so a process that has just started is not starved. */
const DEEPEST_CUT = 0.25;
/** 429s this close to a cut answer requests sent before it: they cut no further. */
const CUT_SETTLE_MS = 2_000;
/** Growth while no 429 arrives, as a share of the configured limit per minute. */
const GROWTH_PER_MINUTE = 0.02;
/** The share of a minute's rate that may go at once; the rest is spread evenly. */
const BURST_SHARE = 0.1;

interface Send {
	at: number;
	weight: number;
}

interface Budget {
	sends: Send[];
	queue: Promise<void>;
	/** The lowered rate (units a minute) since `cutAt`; null while the configured limit holds. */
	rate: number | null;
	cutAt: number;
	/** No send before this time (a Retry-After). */
	holdUntil: number;
	/** Units that may go now without waiting for the pace (a token bucket), as of `refilledAt`. */
	tokens: number;
	refilledAt: number;
}

const budgets = new Map<string, Budget>();
const sheetLocks = new Map<string, Promise<void>>();

function budgetFor(key: string): Budget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = {
			sends: [],
			queue: Promise.resolve(),
			rate: null,
			cutAt: 0,
			holdUntil: 0,
			tokens: Number.POSITIVE_INFINITY,
			refilledAt: 0,
		};
		budgets.set(key, budget);
	}
	return budget;
}

/** The rate allowed now: the lowered rate plus its growth since the cut, at most the limit. */
function rateNow(budget: Budget, limitPerMinute: number, now: number): number {
	if (budget.rate === null) return limitPerMinute;
	const grown = budget.rate + (limitPerMinute * GROWTH_PER_MINUTE * (now - budget.cutAt)) / 60_000;
	if (grown < limitPerMinute) return grown;
	budget.rate = null;
	return limitPerMinute;
}

function unitsInWindow(budget: Budget, now: number): number {
	while (budget.sends.length > 0 && budget.sends[0].at <= now - WINDOW_MS) budget.sends.shift();
	return budget.sends.reduce((sum, send) => sum + send.weight, 0);
}

/**
 * Waits until sending `weight` more units keeps the last minute under the credential's current
 * rate (at most `limitPerMinute`), then records the send. Callers are served in arrival order.
 * Returns how long it waited.
 */
export async function acquireRateBudget(
	key: string,
	weight: number,
	limitPerMinute: number,
): Promise<number> {
	const budget = budgetFor(key);
	const started = Date.now();
	const turn = budget.queue.then(async () => {
		for (;;) {
			const now = Date.now();
			if (now < budget.holdUntil) {
				await sleep(budget.holdUntil - now);
				continue;
			}
			const used = unitsInWindow(budget, now);
			const rate = rateNow(budget, limitPerMinute, now);
			const burst = Math.max(weight, rate * BURST_SHARE); // a heavy send may still go alone
			budget.tokens = Math.min(burst, budget.tokens + ((now - budget.refilledAt) * rate) / 60_000);
			budget.refilledAt = now;
			const paceWait =
				budget.tokens >= weight ? 0 : Math.ceil(((weight - budget.tokens) * 60_000) / rate);
			if (paceWait === 0 && (used + weight <= rate || budget.sends.length === 0)) {
				budget.tokens -= weight;
				budget.sends.push({ at: now, weight });
				return;
			}
			// Wait for the pace, and until enough of the oldest sends leave the window.
			let freed = 0;
			let until = now;
			if (used + weight > rate) {
				for (const sent of budget.sends) {
					freed += sent.weight;
					until = sent.at + WINDOW_MS;
					if (used - freed + weight <= rate) break;
				}
			}
			await sleep(Math.max(1, paceWait, until - now));
		}
	});
	budget.queue = turn.catch(() => undefined);
	await turn;
	return Date.now() - started;
}

/**
 * Smartsheet answered a send with 429: this credential's rate comes down. The refused send stays
 * in the window (handing its slot back at once only invites the next 429). `retryAfterSeconds`,
 * when Smartsheet sends it, holds every send that long.
 */
export function reportRateLimited(
	key: string,
	limitPerMinute: number,
	retryAfterSeconds?: number,
): void {
	const budget = budgetFor(key);
	const now = Date.now();
	if (retryAfterSeconds !== undefined)
		budget.holdUntil = Math.max(budget.holdUntil, now + retryAfterSeconds * 1000);
	if (budget.rate !== null && now - budget.cutAt < CUT_SETTLE_MS) return;
	const rate = rateNow(budget, limitPerMinute, now);
	const sentInWindow = unitsInWindow(budget, now);
	budget.rate = Math.max(1, rate * DEEPEST_CUT, Math.min(rate * DECREASE, sentInWindow));
	budget.cutAt = now;
}

/** The rate a credential is paced at now (for the execution summary and tests). */
export function currentRate(key: string, limitPerMinute: number): number {
	return rateNow(budgetFor(key), limitPerMinute, Date.now());
}

/** Forgets every credential's sends, rates and locks (tests start from a clean process). */
export function resetPacing(): void {
	budgets.clear();
	sheetLocks.clear();
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
