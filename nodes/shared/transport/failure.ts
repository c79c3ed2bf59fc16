// The diagnosis a failed item carries (`smartsheetFailure`), and how a Smartsheet answer or a
// network error becomes one. Which class a code takes lives in failureTable.ts only.
import type { IDataObject } from 'n8n-workflow';

import {
	classByStatus,
	ruleForCode,
	STATUS_FAMILY_ACTIONS,
	type FailureClass,
} from './failureTable';
import type { WriteOutcome } from './outcome';

/** One failing answer (or the lack of one). */
export interface FailureAnswer {
	httpStatus: number | null;
	errorCode: number | null;
	message: string;
	refId: string | null;
	detail?: IDataObject;
	/** Seconds from a Retry-After header, when Smartsheet (or a gateway) sent one. */
	retryAfterSeconds?: number;
	/** A network error (timeout, dropped connection) rather than an HTTP answer. */
	network?: string;
	/** Refused by the node before sending (e.g. a bad Custom API base URL): its class and the fix. */
	refusal?: { failureClass: FailureClass; action: string };
	/** A 2xx whose body is not the JSON the endpoint gives (a proxy's page): nobody knows what happened. */
	unexpectedBody?: boolean;
}

export interface SmartsheetFailure extends IDataObject {
	class: FailureClass;
	httpStatus: number | null;
	errorCode: number | null;
	message: string;
	refId: string | null;
	/** The first failing answer of this item, before retries or a refresh changed the picture. */
	firstHttpStatus: number | null;
	firstErrorCode: number | null;
	firstMessage: string;
	attempts: number;
	retryAfterSeen: number | null;
	tokenSuffix: string | null;
	credentialName: string | null;
	action: string;
	operation: string;
	/** For writes: `unknown` when Smartsheet may have carried it out although the answer failed. */
	outcome: WriteOutcome;
	detail?: IDataObject;
}

/** Thrown by the transport; operations turn it into a failure result for their items. */
export class SmartsheetRequestError extends Error {
	constructor(readonly failure: SmartsheetFailure) {
		super(failure.message);
		this.name = 'SmartsheetRequestError';
	}
}

export function classify(answer: FailureAnswer): FailureClass {
	if (answer.refusal) return answer.refusal.failureClass;
	if (answer.network || answer.unexpectedBody) return 'throttled';
	const rule = ruleForCode(answer.errorCode ?? undefined);
	return rule ? rule.failureClass : classByStatus(answer.httpStatus ?? undefined);
}

export function actionFor(answer: FailureAnswer, credentialName: string | null): string {
	if (answer.refusal)
		return answer.refusal.action.replace('{credential}', credentialName ?? 'Smartsheet');
	const rule = ruleForCode(answer.errorCode ?? undefined);
	const action = rule ? rule.action : STATUS_FAMILY_ACTIONS[classify(answer)];
	return action.replace('{credential}', credentialName ?? 'Smartsheet');
}

/** Reads a Smartsheet error body; gateways send HTML or text, which is classified by status alone. */
export function answerFromResponse(
	httpStatus: number,
	body: unknown,
	rawText: string,
	headers: Record<string, unknown>,
): FailureAnswer {
	const record = body !== null && typeof body === 'object' ? (body as IDataObject) : undefined;
	const errorCode = typeof record?.errorCode === 'number' ? record.errorCode : null;
	const message =
		typeof record?.message === 'string'
			? record.message
			: `Smartsheet answered HTTP ${httpStatus}${rawText ? `: ${summarize(rawText)}` : ''}`;
	return {
		httpStatus,
		errorCode,
		message,
		refId: typeof record?.refId === 'string' ? record.refId : null,
		detail:
			record?.detail && typeof record.detail === 'object'
				? (record.detail as IDataObject)
				: undefined,
		retryAfterSeconds: parseRetryAfter(headers['retry-after']),
	};
}

/** A 2xx or 3xx that is not Smartsheet's JSON: something between here and Smartsheet answered. */
export function unexpectedBodyAnswer(
	httpStatus: number,
	rawText: string,
	headers: Record<string, unknown>,
): FailureAnswer {
	const type =
		typeof headers['content-type'] === 'string' ? headers['content-type'] : 'no content type';
	const shown = rawText ? `: ${summarize(rawText)}` : ' with an empty body';
	return {
		httpStatus,
		errorCode: null,
		message: `Smartsheet's answer was not its JSON (HTTP ${httpStatus}, ${type})${shown}`,
		refId: null,
		unexpectedBody: true,
	};
}

export function networkAnswer(error: unknown): FailureAnswer {
	const code = (error as { code?: string })?.code;
	const text = error instanceof Error ? error.message : String(error);
	const network = code ?? 'NETWORK_ERROR';
	return {
		httpStatus: null,
		errorCode: null,
		message: `No answer from Smartsheet (${network}): ${summarize(text)}`,
		refId: null,
		network,
	};
}

function parseRetryAfter(value: unknown): number | undefined {
	if (value === undefined || value === null) return undefined;
	const text = Array.isArray(value) ? String(value[0]) : String(value);
	const seconds = Number(text);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function summarize(text: string): string {
	const plain = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > 160 ? `${plain.slice(0, 157)}...` : plain;
}

/** At most the last 6 characters of a secret, as the only trace of it anywhere. */
export function secretSuffix(secret: unknown): string | null {
	// Short secrets show nothing: six characters of a short one would give too much away.
	return typeof secret === 'string' && secret.length >= 16 ? secret.slice(-6) : null;
}
