// Sends callbacks the way Smartsheet does: serialised per webhook, signed with
// HMAC-SHA256 of the exact body, a verification challenge on enable and every N callbacks, retries
// on 4xx (but 410), 5xx and timeouts on Smartsheet's schedule, then DISABLED_CALLBACK_FAILED.
import { createHmac, randomBytes } from 'node:crypto';

import { stringifyJson } from '../json';
import { MAX_RETRIES, retryDelayMs, type WebhookConfig } from './config';
import type { Webhook } from './model';

export type CallbackKind = 'verification' | 'event' | 'status';

/** One HTTP attempt, for GET /__admin/webhooks/deliveries (never a secret). */
export interface DeliveryRecord {
	webhookId: string;
	kind: CallbackKind;
	/** 0 = the first attempt of this callback. */
	retry: number;
	/** The subscriber's HTTP status; null when none came (timeout, refused connection). */
	httpStatus: number | null;
	outcome: 'delivered' | 'verified' | 'retrying' | 'failed';
	reason?: string;
	events?: number;
	at: string;
	durationMs: number;
}

const MAX_RECORDS = 5000;

interface Attempt {
	httpStatus: number | null;
	headers: Headers | null;
	text: string;
	reason?: string;
	timedOut: boolean;
}

export class WebhookDelivery {
	readonly records: DeliveryRecord[] = [];
	private readonly queues = new Map<string, Promise<void>>();
	private readonly stopper = new AbortController();

	/** Ends every delivery in flight and waits for none (reset, close). */
	stop(): void {
		this.stopper.abort();
	}

	get stopped(): boolean {
		return this.stopper.signal.aborted;
	}

	/** Resolves when no callback is queued or in flight (or after `timeoutMs`). */
	async idle(timeoutMs: number): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		while (this.queues.size > 0) {
			if (Date.now() >= deadline) return false;
			await Promise.race([
				Promise.allSettled([...this.queues.values()]),
				sleep(Math.max(1, deadline - Date.now())),
			]);
		}
		return true;
	}

	/**
	 * The verification handshake: a challenge the subscriber must echo with HTTP 200, in the
	 * Smartsheet-Hook-Response header or as {"smartsheetHookResponse": …}. Failing it disables the
	 * webhook (DISABLED_VERIFICATION_FAILED).
	 */
	async verify(webhook: Webhook, config: WebhookConfig): Promise<boolean> {
		const challenge = randomBytes(16).toString('hex');
		const body = stringifyJson({ challenge, webhookId: webhook.id });
		const started = Date.now();
		const attempt = await this.post(
			webhook.callbackUrl,
			body,
			{ 'Smartsheet-Hook-Challenge': challenge },
			config,
		);
		let echoed = attempt.headers?.get('smartsheet-hook-response') === challenge;
		if (!echoed) {
			try {
				echoed =
					(JSON.parse(attempt.text) as { smartsheetHookResponse?: unknown })
						.smartsheetHookResponse === challenge;
			} catch {
				echoed = false;
			}
		}
		const ok = attempt.httpStatus === 200 && echoed;
		const reason = ok
			? undefined
			: attempt.httpStatus === null
				? `No response from the callback URL (${attempt.reason})`
				: attempt.httpStatus !== 200
					? `The callback URL answered the verification request with HTTP ${attempt.httpStatus}`
					: 'The response to the verification request did not echo the challenge';
		this.record({
			webhookId: webhook.id,
			kind: 'verification',
			retry: 0,
			httpStatus: attempt.httpStatus,
			outcome: ok ? 'verified' : 'failed',
			reason,
			at: new Date(started).toISOString(),
			durationMs: Date.now() - started,
		});
		if (this.stopped) return false;
		webhook.modifiedAt = Date.now();
		if (ok) {
			webhook.status = 'ENABLED';
			delete webhook.disabledDetails;
			webhook.callbacksSinceVerification = 0;
		} else {
			webhook.status = 'DISABLED_VERIFICATION_FAILED';
			webhook.disabledDetails = reason;
		}
		return ok;
	}

	/** Queues a callback behind the webhook's others: one callback at a time per webhook. */
	enqueue(
		webhook: Webhook,
		kind: 'event' | 'status',
		payload: Record<string, unknown>,
		config: () => WebhookConfig,
	): void {
		if (this.stopped) return;
		const previous = this.queues.get(webhook.id) ?? Promise.resolve();
		const next = previous
			.then(() => this.deliver(webhook, kind, payload, config))
			.catch(() => undefined);
		this.queues.set(webhook.id, next);
		void next.finally(() => {
			if (this.queues.get(webhook.id) === next) this.queues.delete(webhook.id);
		});
	}

	private async deliver(
		webhook: Webhook,
		kind: 'event' | 'status',
		payload: Record<string, unknown>,
		config: () => WebhookConfig,
	): Promise<void> {
		// Events that happen while a webhook is disabled are never delivered later.
		if (kind === 'event' && webhook.status !== 'ENABLED') return;
		if (kind === 'event' && webhook.callbacksSinceVerification >= config().reverifyEvery) {
			if (!(await this.verify(webhook, config()))) return;
		}
		const body = stringifyJson(payload);
		const signature = createHmac('sha256', webhook.sharedSecret).update(body).digest('hex');
		const events = Array.isArray(payload.events) ? payload.events.length : undefined;
		for (let retry = 0; ; retry++) {
			if (this.stopped || (kind === 'event' && webhook.status !== 'ENABLED')) return;
			const started = Date.now();
			const attempt = await this.post(
				webhook.callbackUrl,
				body,
				{ 'Smartsheet-Hmac-SHA256': signature },
				config(),
			);
			if (this.stopped) return;
			webhook.stats.lastCallbackAttempt = started;
			webhook.stats.lastCallbackAttemptRetryCount = retry;
			const verdict = judge(attempt);
			const lastTry = retry >= MAX_RETRIES || kind === 'status';
			const outcome =
				verdict === 'delivered'
					? 'delivered'
					: verdict === 'retry' && !lastTry
						? 'retrying'
						: 'failed';
			this.record({
				webhookId: webhook.id,
				kind,
				retry,
				httpStatus: attempt.httpStatus,
				outcome,
				reason: attempt.reason,
				events,
				at: new Date(started).toISOString(),
				durationMs: Date.now() - started,
			});
			if (outcome === 'delivered') {
				webhook.stats.lastSuccessfulCallback = started;
				if (kind === 'event') webhook.callbacksSinceVerification++;
				return;
			}
			if (outcome === 'failed') {
				if (kind === 'event') {
					webhook.status = 'DISABLED_CALLBACK_FAILED';
					webhook.disabledDetails = `The callback failed${retry > 0 ? ` after ${retry} retries` : ''}: ${describe(attempt)}`;
					webhook.modifiedAt = Date.now();
				}
				return;
			}
			await sleep(retryDelayMs(retry + 1, config().retryTimeScale), this.stopper.signal);
		}
	}

	private async post(
		url: string,
		body: string,
		headers: Record<string, string>,
		config: WebhookConfig,
	): Promise<Attempt> {
		const timeout = AbortSignal.timeout(config.callbackTimeoutMs);
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'User-Agent': 'Smartsheet-Emulator-Webhooks',
					...headers,
				},
				body,
				redirect: 'manual',
				signal: AbortSignal.any([timeout, this.stopper.signal]),
			});
			const text = await response.text();
			return { httpStatus: response.status, headers: response.headers, text, timedOut: false };
		} catch (error) {
			const timedOut = timeout.aborted;
			const cause = (error as { cause?: { code?: string } }).cause?.code;
			return {
				httpStatus: null,
				headers: null,
				text: '',
				timedOut,
				reason: timedOut ? 'timeout' : (cause ?? (error as Error).message),
			};
		}
	}

	private record(entry: DeliveryRecord): void {
		this.records.push(entry);
		if (this.records.length > MAX_RECORDS)
			this.records.splice(0, this.records.length - MAX_RECORDS);
	}
}

/**
 * Smartsheet's table: 2xx delivered; 4xx except 410, 5xx and timeouts retried; 410, 3xx and
 * anything else not retried (the webhook is disabled). A refused connection is treated as a timeout.
 */
function judge(attempt: Attempt): 'delivered' | 'retry' | 'terminal' {
	const status = attempt.httpStatus;
	if (status === null) return 'retry';
	if (status >= 200 && status <= 299) return 'delivered';
	if (status === 410) return 'terminal';
	if ((status >= 400 && status <= 499) || (status >= 500 && status <= 599)) return 'retry';
	return 'terminal';
}

function describe(attempt: Attempt): string {
	return attempt.httpStatus === null
		? `no response (${attempt.reason})`
		: `HTTP ${attempt.httpStatus}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal?.aborted) return resolve();
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
		signal?.addEventListener('abort', done, { once: true });
	});
}
