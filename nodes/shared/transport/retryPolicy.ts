// When a failed request is worth sending again, and how long to wait first. An answer that
// proves the request was refused before it acted (outcome.ts) is retried for every method; one
// after which it may have acted only for reads, never a 4xx. Backoff is exponential with jitter,
// honours a Retry-After header, and is bounded by time (Max Retry Wait), not by a count of
// attempts: the last attempt lands when the budget ends, so a rate-limit window that reopens
// within it lets the item through.
import type { FailureAnswer } from './failure';
import { isTransientRefusal, mayHaveActed } from './outcome';

export interface RetrySettings {
	/** Longest total time one request may spend waiting between attempts. */
	maxWaitMs: number;
	/** First backoff step; it doubles each attempt. */
	initialDelayMs: number;
	/** Optional cap on attempts per request; 0 means the wait budget alone ends the retries. */
	maxAttempts: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxWaitMs: 60_000,
	initialDelayMs: 1_000,
	maxAttempts: 0,
};

/** Smartsheet counts its limit per minute: no single backoff step needs to be longer. */
export const RATE_WINDOW_MS = 60_000;

/** `idempotent`: sending the request twice cannot do anything twice (reads). */
export function isRetryable(answer: FailureAnswer, idempotent: boolean): boolean {
	if (isTransientRefusal(answer)) return true;
	return idempotent && mayHaveActed(answer);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or null when the budget is spent.
 * Each step doubles up to a minute and waits a random share between half and all of it (so
 * attempts stay few); the step that would pass the budget is cut to end exactly at it.
 * `random` is injectable so tests can pin the jitter.
 */
export function nextDelayMs(
	attempt: number,
	answer: FailureAnswer,
	waitedMs: number,
	settings: RetrySettings,
	random: () => number = Math.random,
): number | null {
	if (settings.maxAttempts > 0 && attempt >= settings.maxAttempts) return null;
	const remaining = settings.maxWaitMs - waitedMs;
	if (remaining <= 0) return null;
	const ceiling = Math.min(
		Math.max(1, settings.initialDelayMs) * 2 ** (attempt - 1),
		RATE_WINDOW_MS,
	);
	let delay = Math.max(1, Math.round(ceiling / 2 + (random() * ceiling) / 2));
	if (answer.retryAfterSeconds !== undefined) {
		const floor = answer.retryAfterSeconds * 1000;
		if (floor > remaining) return null; // Smartsheet said it will not answer within the budget
		delay = Math.max(delay, floor);
	}
	return Math.min(delay, remaining);
}
