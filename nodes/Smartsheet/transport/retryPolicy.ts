// When a failed request is worth sending again, and how long to wait first. Smartsheet says to
// retry 4001–4004 and 429, never a 4xx; other 5xx and network errors only where a repeat cannot
// do the work twice (idempotent methods). Backoff is exponential with full jitter, honours a
// Retry-After header, and never waits past the builder's maximum.
import type { FailureAnswer } from './failure';

const ALWAYS_RETRYABLE_CODES = new Set([4001, 4002, 4003, 4004]);

export interface RetrySettings {
	/** Longest total time one request may spend waiting between attempts. */
	maxWaitMs: number;
	/** First backoff step; it doubles each attempt. */
	initialDelayMs: number;
	maxAttempts: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxWaitMs: 60_000, initialDelayMs: 1_000, maxAttempts: 6 };

export function isRetryable(answer: FailureAnswer, idempotent: boolean): boolean {
	if (answer.errorCode !== null && ALWAYS_RETRYABLE_CODES.has(answer.errorCode)) return true;
	if (answer.httpStatus === 429) return true;
	if (answer.network) return idempotent;
	if (answer.httpStatus !== null && answer.httpStatus >= 500) return idempotent && answer.httpStatus !== 501;
	return false;
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
