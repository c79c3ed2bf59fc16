// Whether Smartsheet may have carried out a request that did not get a usable answer. Smartsheet
// has no idempotency key, so a write that may have happened is never sent again blindly: only an
// answer that proves the request was refused before it acted may be repeated for every method.
// Codes: https://developers.smartsheet.com/api/smartsheet/error-codes
import type { FailureAnswer } from './failure';

/** `notApplied`: nothing was written. `unknown`: the write may have happened. */
export type WriteOutcome = 'notApplied' | 'unknown';

// 4004 has two texts; only the lock one says the request lost a race before it was applied.
const LOCK_TEXT = /currently being updated by another request/i;
// Network errors raised before a byte of the request left this machine.
const NOTHING_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
// 4000 (unexpected), 4002 (server timeout), 4004 without the lock text: Smartsheet gives no cause.
const UNEXPLAINED_CODES = new Set([4000, 4002, 4004]);

/** Refused before acting and worth another try: 429/4003, 4001 (maintenance), 4004 lock, no connection. */
export function isTransientRefusal(answer: FailureAnswer): boolean {
	if (answer.network) return NOTHING_SENT.has(answer.network);
	if (answer.httpStatus === 429 || answer.errorCode === 4003 || answer.errorCode === 4001)
		return true;
	return answer.errorCode === 4004 && LOCK_TEXT.test(answer.message);
}

/** After this answer the request may or may not have been carried out. */
export function mayHaveActed(answer: FailureAnswer): boolean {
	if (isTransientRefusal(answer)) return false;
	if (answer.network || answer.unexpectedBody) return true;
	if (answer.errorCode !== null && UNEXPLAINED_CODES.has(answer.errorCode)) return true;
	const status = answer.httpStatus ?? 0;
	if (status >= 300 && status < 400) return true; // a proxy's redirect: the API never answered
	// A gateway's 5xx (no Smartsheet code) or an unknown 5xx code; 501 means "not implemented".
	return status >= 500 && status !== 501 && (answer.errorCode === null || answer.errorCode >= 4000);
}

export function writeOutcome(answer: FailureAnswer): WriteOutcome {
	return mayHaveActed(answer) ? 'unknown' : 'notApplied';
}
