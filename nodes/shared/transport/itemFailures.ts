// Diagnoses for failures that are not one HTTP answer: input that cannot become a request, a row
// Smartsheet rejected inside a bulk answer that succeeded as a whole, and a write whose outcome
// stayed unknown after reading back. Built here so every diagnosis has the same shape and no
// HTTP status is invented for them.
import type { SmartsheetClient } from './index';
import { classify, type FailureAnswer, type SmartsheetFailure } from './failure';
import { ruleForCode } from './failureTable';

/** The builder's input cannot become a request (nothing was sent): Payload. */
export function invalidInputFailure(
	client: SmartsheetClient,
	operation: string,
	message: string,
): SmartsheetFailure {
	const answer: FailureAnswer = { httpStatus: null, errorCode: null, message, refId: null };
	return {
		...client.failure({ operation }, answer, answer, 0, null, null).failure,
		class: 'payload',
		action: `Fix the node's input: ${message}`,
	};
}

/** One row Smartsheet refused inside a bulk answer; the others were saved. Nothing of this row was written. */
export function rejectedRowFailure(
	client: SmartsheetClient,
	operation: string,
	error: { errorCode?: number; message?: string; refId?: string },
	rowId: string | null | undefined,
): SmartsheetFailure {
	const answer: FailureAnswer = {
		httpStatus: null, // the request as a whole succeeded; this row's own error says why it did not
		errorCode: error.errorCode ?? null,
		message: error.message ?? 'Smartsheet rejected this row',
		refId: error.refId ?? null,
		detail: rowId ? { rowId } : undefined,
	};
	const failure = client.failure({ operation }, answer, answer, 1, null, null).failure;
	// A row error without a code Smartsheet documents is still about this row: Payload.
	return ruleForCode(answer.errorCode ?? undefined)
		? { ...failure, class: classify(answer) }
		: { ...failure, class: 'payload' };
}

/** A write that may have happened and that reading back could not confirm either way: Throttled, never re-sent. */
export function unconfirmedWriteFailure(
	failure: SmartsheetFailure,
	where: string,
): SmartsheetFailure {
	return {
		...failure,
		class: 'throttled',
		outcome: 'unknown',
		action: `Smartsheet may have carried out this write; reading back could not tell. Check ${where} before running the item again, or it may be written twice.`,
	};
}
