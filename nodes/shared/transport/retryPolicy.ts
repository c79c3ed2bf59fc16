// When a failed request is worth sending again, and how long to wait first. An answer that
// proves the request was refused before it acted (outcome.ts) is retried for every method; one
// after which it may have acted only for reads, never a 4xx. Backoff is exponential with full
// jitter, honours a Retry-After header, and never waits past the builder's maximum.
import type { FailureAnswer } from './failure';
import { isTransientRefusal, mayHaveActed } from './outcome';

export interface RetrySettings {
	/** Longest total time one request may spend waiting between attempts. */
	maxWaitMs: number;
	/** First backoff step; it doubles each attempt. */
	initialDelayMs: number;
	maxAttempts: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxWaitMs: 60_000, initialDelayMs: 1_000, maxAttempts: 6 };

/** `idempotent`: sending the request twice cannot do anything twice (reads). */
export function isRetryable(answer: FailureAnswer, idempotent: boolean): boolean {
	if (isTransientRefusal(answer)) return true;
	return idempotent && mayHaveActed(answer);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or null when the budget is spent.
 * `random` is injectable so tests can pin the jitter.
 */
export function nextDelayMs(
	attempt: number,
	answer: FailureAnswer,
	waitedMs: number,
	settings: RetrySettings,
	random: () => number = Math.random,
): number | null {
	if (attempt >= settings.maxAttempts) return null;
	const ceiling = settings.initialDelayMs * 2 ** (attempt - 1);
	let delay = Math.round(random() * ceiling);
	if (answer.retryAfterSeconds !== undefined) delay = Math.max(delay, answer.retryAfterSeconds * 1000);
	if (waitedMs + delay > settings.maxWaitMs) return null;
	return delay;
}
