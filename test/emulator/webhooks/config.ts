// How the emulator delivers webhooks: Smartsheet's rules by default, relaxable for tests and demos
// (http://127.0.0.1 callbacks), and Smartsheet's retry schedule compressible in time.

export interface WebhookOptions {
	/**
	 * Accept any callbackUrl (http, any port, private addresses such as 127.0.0.1). Default false:
	 * Smartsheet's rules (HTTPS, port 443/8000/8008/8080/8443, no private IP).
	 */
	allowInsecureCallbacks?: boolean;
	/** Multiplies Smartsheet's retry delays (minutes to hours); 1 = real time (default). */
	retryTimeScale?: number;
	/** How long one callback may take before it counts as a timeout (default 30 s). */
	callbackTimeoutMs?: number;
	/** A verification request every this many callbacks (Smartsheet: 100). */
	reverifyEvery?: number;
}

export type WebhookConfig = Required<WebhookOptions>;

export function webhookConfigFrom(options: WebhookOptions = {}): WebhookConfig {
	return {
		allowInsecureCallbacks: options.allowInsecureCallbacks ?? false,
		retryTimeScale: options.retryTimeScale ?? 1,
		callbackTimeoutMs: options.callbackTimeoutMs ?? 30_000,
		reverifyEvery: options.reverifyEvery ?? 100,
	};
}

const CHECKS: Record<keyof WebhookConfig, (value: unknown) => boolean> = {
	allowInsecureCallbacks: (value) => typeof value === 'boolean',
	retryTimeScale: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
	callbackTimeoutMs: (value) => typeof value === 'number' && Number.isInteger(value) && value > 0,
	reverifyEvery: (value) => typeof value === 'number' && Number.isInteger(value) && value > 0,
};

/** Applies a change from POST /__admin/webhooks/config, or says what is wrong (and changes nothing). */
export function applyWebhookConfig(
	config: WebhookConfig,
	change: Record<string, unknown>,
): string | null {
	for (const [key, value] of Object.entries(change)) {
		const check = CHECKS[key as keyof WebhookConfig];
		if (!check) return `unknown webhook setting ${key} (known: ${Object.keys(CHECKS).join(', ')})`;
		if (!check(value)) return `invalid value ${JSON.stringify(value)} for ${key}`;
	}
	Object.assign(config, change);
	return null;
}

/**
 * Smartsheet retries a failed callback up to 14 times: "the first 7 retry attempts … exponential
 * backoff; thereafter … once every three hours". The backoff's base is not documented; one
 * minute doubling is assumed.
 */
export function retryDelayMs(retry: number, timeScale: number): number {
	const minute = 60_000;
	const real = retry <= 7 ? minute * 2 ** (retry - 1) : 3 * 60 * minute;
	return real * timeScale;
}

export const MAX_RETRIES = 14;
