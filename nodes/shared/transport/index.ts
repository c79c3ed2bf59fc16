// The one way the Smartsheet node talks to Smartsheet. Every request goes through here:
// token lifecycle (tokenLifecycle.ts) → pacing and per-sheet write order (pacing.ts) → the HTTP
// call through n8n (send.ts) → classification (failure.ts, failureTable.ts; outcome.ts: may a
// failed write have happened?) → retry or refresh (retryPolicy.ts). Operations describe requests
// and get bodies or a SmartsheetRequestError back.
import { sleep, type IDataObject, type IHttpRequestMethods } from 'n8n-workflow';

import type { SmartsheetContext } from './context';
import {
	actionFor,
	answerFromResponse,
	classify,
	networkAnswer,
	SmartsheetRequestError,
	unexpectedBodyAnswer,
	type FailureAnswer,
	type SmartsheetFailure,
} from './failure';
import { mayHaveActed } from './outcome';
import { acquireRateBudget, reportRateLimited, withSheetWriteLock } from './pacing';
import { redactAnswer } from './redact';
import { ServerClock } from './serverClock';
import { isRetryable, nextDelayMs, type RetrySettings } from './retryPolicy';
import { sendOnce } from './send';
import { stringifySmartsheetJson } from './smartsheetJson';
import {
	RefreshFailed,
	TokenLifecycle,
	type AuthKind,
	type LifecycleCounters,
} from './tokenLifecycle';

export interface SmartsheetRequest {
	method: IHttpRequestMethods;
	/** Path under the API base, e.g. `/sheets/123/rows`. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	/** Raw upload body with its own headers (attachments). */
	upload?: { data: Buffer; headers: Record<string, string> };
	/** Writes to one sheet are sent one at a time per credential. */
	sheetId?: string;
	/** Rate-limit weight: 10 for attachments and cell history. */
	weight?: number;
	/** The operation name shown in diagnoses, e.g. `row:add`. */
	operation: string;
	/** What a 2xx body must look like besides being JSON; any other 2xx is a proxy's, not Smartsheet's. */
	expect?: (body: unknown) => boolean;
}

export interface ClientSettings {
	retry: RetrySettings;
	requestsPerMinute: number;
	refreshMarginSeconds?: number;
	timeoutMs: number;
	changeAgent: string;
	/** Per-item reads one execution keeps in flight (Options → Concurrency); writes go one at a time. */
	readConcurrency?: number;
}

/** What this execution did, for the optional summary (counts only, never a token). */
export interface ClientCounters {
	requests: number;
	retries: number;
	waitedForRateMs: number;
	backoffMs: number;
	throttledAnswers: number;
	/** Requests as Smartsheet counts them against its limit: attachments and cell history weigh 10. */
	rateUnits: number;
}

const INTEGRATION_SOURCE = 'APPLICATION,,n8n-nodes-smartsheet-resilient';

export class SmartsheetClient {
	readonly lifecycle: TokenLifecycle;

	/** Smartsheet's time, for watermarks of read-backs. */
	readonly serverClock = new ServerClock();

	/** Changed only here, by the client's own requests; others read `snapshot()`. */
	private readonly counters: ClientCounters = {
		requests: 0,
		retries: 0,
		waitedForRateMs: 0,
		backoffMs: 0,
		throttledAnswers: 0,
		rateUnits: 0,
	};

	constructor(
		private readonly ctx: SmartsheetContext,
		kind: AuthKind,
		readonly settings: ClientSettings,
	) {
		this.lifecycle = new TokenLifecycle(ctx, kind, settings.refreshMarginSeconds);
	}

	/** This execution's counts so far (requests, retries, waits, token refreshes): a copy, read-only. */
	snapshot(): Readonly<ClientCounters & LifecycleCounters> {
		return Object.freeze({ ...this.counters, ...this.lifecycle.snapshot() });
	}

	/** Counts a request sent outside `request()`: an attachment's download from its presigned URL. */
	countDownload(): void {
		this.counters.requests++;
	}

	async request<T = unknown>(request: SmartsheetRequest): Promise<T> {
		const write = request.method !== 'GET';
		// Only a read may be repeated after an answer that leaves open whether it acted.
		const idempotent = request.method === 'GET';
		let attempts = 0;
		let first: FailureAnswer | null = null;
		let refreshed = false;
		let waitedMs = 0;
		let retryAfterSeen: number | null = null;
		let tokenSuffix: string | null = null;

		for (;;) {
			let answer: FailureAnswer;
			let accessToken: string | null = null;
			try {
				const auth = await this.lifecycle.prepare();
				tokenSuffix = auth.tokenSuffix;
				accessToken = auth.accessToken;
				this.counters.waitedForRateMs += await acquireRateBudget(
					this.lifecycle.credentialKey,
					request.weight ?? 1,
					this.settings.requestsPerMinute,
				);
				attempts++;
				this.counters.requests++;
				this.counters.rateUnits += request.weight ?? 1;
				const send = async () =>
					await sendOnce(this.ctx, this.lifecycle.credentialType, {
						method: request.method,
						url: `${auth.apiBase}${request.path}`,
						qs: request.qs,
						headers: this.headers(request, write),
						body: request.upload
							? request.upload.data
							: request.body === undefined
								? undefined
								: stringifySmartsheetJson(request.body),
						timeoutMs: this.settings.timeoutMs,
					});
				const raw =
					write && request.sheetId
						? await withSheetWriteLock(`${this.lifecycle.credentialKey}:${request.sheetId}`, send)
						: await send();
				this.serverClock.observe(raw.headers.date);
				if (raw.status >= 200 && raw.status < 300) {
					if (isSmartsheetBody(raw.body, request.expect)) return raw.body as T;
					answer = redactAnswer(
						unexpectedBodyAnswer(raw.status, raw.text, raw.headers),
						auth.secrets,
					);
				} else {
					answer = redactAnswer(
						answerFromResponse(raw.status, raw.body, raw.text, raw.headers),
						auth.secrets,
					);
				}
			} catch (error) {
				if (error instanceof RefreshFailed) {
					throw this.failure(
						notSent(request),
						error.answer,
						first ?? error.answer,
						attempts,
						retryAfterSeen,
						tokenSuffix,
					);
				}
				answer = redactAnswer(networkAnswer(error), [accessToken]);
			}

			first ??= answer;
			if (answer.retryAfterSeconds !== undefined)
				retryAfterSeen = Math.max(retryAfterSeen ?? 0, answer.retryAfterSeconds);
			if (answer.httpStatus === 429 || answer.errorCode === 4003) {
				this.counters.throttledAnswers++;
				reportRateLimited(
					this.lifecycle.credentialKey,
					this.settings.requestsPerMinute,
					answer.retryAfterSeconds,
				);
			}

			// Expired or invalid token: one refresh, one retry. A second 401 is an Auth failure.
			if (
				answer.httpStatus === 401 &&
				isRefreshable(answer) &&
				!refreshed &&
				this.lifecycle.kind === 'oAuth2'
			) {
				refreshed = true;
				const outcome = await this.lifecycle.refreshAfterRejection(accessToken);
				if (outcome.kind === 'dead' || outcome.kind === 'failed') {
					throw this.failure(
						notSent(request),
						outcome.answer,
						first,
						attempts,
						retryAfterSeen,
						tokenSuffix,
					);
				}
				continue;
			}

			if (isRetryable(answer, idempotent)) {
				const delay = nextDelayMs(attempts, answer, waitedMs, this.settings.retry);
				if (delay !== null) {
					waitedMs += delay;
					this.counters.retries++;
					this.counters.backoffMs += delay;
					await sleep(delay);
					continue;
				}
			}
			throw this.failure(request, answer, first, attempts, retryAfterSeen, tokenSuffix);
		}
	}

	private headers(request: SmartsheetRequest, write: boolean): Record<string, string> {
		const headers: Record<string, string> = {
			Accept: 'application/json',
			'smartsheet-integration-source': INTEGRATION_SOURCE,
		};
		if (write) headers['Smartsheet-Change-Agent'] = this.settings.changeAgent;
		if (request.upload) Object.assign(headers, request.upload.headers);
		else if (request.body !== undefined) headers['Content-Type'] = 'application/json';
		return headers;
	}

	failure(
		request: Pick<SmartsheetRequest, 'operation'> & Partial<Pick<SmartsheetRequest, 'method'>>,
		last: FailureAnswer,
		first: FailureAnswer,
		attempts: number,
		retryAfterSeen: number | null,
		tokenSuffix: string | null,
	): SmartsheetRequestError {
		const credentialName = this.lifecycle.credentialName;
		const unknown = request.method !== undefined && request.method !== 'GET' && mayHaveActed(last);
		const diagnosis: SmartsheetFailure = {
			class: classify(last),
			httpStatus: last.httpStatus,
			errorCode: last.errorCode,
			message: last.message,
			refId: last.refId,
			firstHttpStatus: first.httpStatus,
			firstErrorCode: first.errorCode,
			firstMessage: first.message,
			attempts,
			retryAfterSeen,
			tokenSuffix,
			credentialName,
			action: unknown ? UNKNOWN_OUTCOME_ACTION : actionFor(last, credentialName),
			operation: request.operation,
			outcome: unknown ? 'unknown' : 'notApplied',
			...(last.detail ? { detail: last.detail } : {}),
		};
		return new SmartsheetRequestError(diagnosis);
	}
}

/** A failure of the token, not of the request: whatever the method, nothing was written. */
function notSent(request: SmartsheetRequest): Pick<SmartsheetRequest, 'operation'> {
	return { operation: request.operation };
}

const UNKNOWN_OUTCOME_ACTION =
	'Smartsheet may have carried out this write although its answer was lost or unreadable: check in Smartsheet whether it happened before running the item again.';

/** A 2xx from Smartsheet is JSON (an object or a list) of the shape the endpoint gives. */
function isSmartsheetBody(body: unknown, expect: SmartsheetRequest['expect']): boolean {
	return body !== null && typeof body === 'object' && (expect === undefined || expect(body));
}

/** 1002 (invalid) and 1003 (expired) may be cured by a refresh; 1001/1005/1030 never are. */
function isRefreshable(answer: FailureAnswer): boolean {
	return answer.errorCode === 1002 || answer.errorCode === 1003 || answer.errorCode === null;
}

export { hasDataList, hasListPage, hasResult, hasRowList } from './answerShapes';
export { invalidInputFailure, rejectedRowFailure, unconfirmedWriteFailure } from './itemFailures';
// What the rest of the API layer and the nodes need from the transport's own modules: nothing
// outside transport/ imports them directly.
export { downloadAttachmentFile, type DownloadedFile } from './download';
export { editorRequest } from './editorRequest';
export { secretSuffix, SmartsheetRequestError, type SmartsheetFailure } from './failure';
export type { FailureClass } from './failureTable';
export { DEFAULT_RETRY, type RetrySettings } from './retryPolicy';
export { idArray, parseSmartsheetJson, stringifySmartsheetJson } from './smartsheetJson';
export type { AuthKind } from './tokenLifecycle';
