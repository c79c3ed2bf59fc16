// The emulator's options, their defaults, and the subset that can change while it runs.
import { webhookConfigFrom, type WebhookConfig, type WebhookOptions } from './webhooks/config';

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	redirectUri?: string;
}

export interface EmulatorOptions {
	/** 0 = a random free port (the default). */
	port?: number;
	/** Lifetime of OAuth access tokens; Smartsheet's is 604799 s (about 7 days). */
	accessTokenTtlSeconds?: number;
	/** Per token; Smartsheet allows 300. */
	rateLimitPerMinute?: number;
	/** Length of the rate-limit window: 60 s like Smartsheet (shorter only so tests need not wait). */
	rateWindowMs?: number;
	/** When set, 429 answers carry `Retry-After: <n>`; Smartsheet documents none (default). */
	retryAfterSeconds?: number | null;
	/** Concurrent writes to one sheet by one token answer 500/4004. */
	writeCollisions?: boolean;
	/** How long a write holds its sheet (makes collisions observable). */
	writeLatencyMs?: number;
	/** Delay before every API answer: a fixed number of ms or a `[min, max]` range (default 0). */
	latencyMs?: Latency;
	/** Accepted personal access tokens. */
	pats?: string[];
	/** Registered OAuth apps. */
	clients?: OAuthClient[];
	/** Seed the demo data (default true). */
	seed?: boolean;
	/** How long a change takes to reach the search index (Smartsheet's lags too); default 1000. */
	searchLagMs?: number;
	/** Webhook delivery (callback URL rules, retry time scale): webhooks/config.ts. */
	webhooks?: WebhookOptions;
}

export interface EmulatorConfig {
	accessTokenTtlSeconds: number;
	rateLimitPerMinute: number;
	rateWindowMs: number;
	retryAfterSeconds: number | null;
	writeCollisions: boolean;
	writeLatencyMs: number;
	latencyMs: Latency;
	pats: string[];
	clients: OAuthClient[];
	seed: boolean;
	searchLagMs: number;
	webhooks: WebhookConfig;
}

/** Fixed milliseconds, or a `[min, max]` range each answer draws from uniformly. */
export type Latency = number | [number, number];

export function isLatency(value: unknown): value is Latency {
	if (isCount(value)) return true;
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		isCount(value[0]) &&
		isCount(value[1]) &&
		value[0] <= value[1]
	);
}

/** One answer's delay under `latency`; `random` is injectable so tests can pin it. */
export function latencyDraw(latency: Latency, random: () => number = Math.random): number {
	if (typeof latency === 'number') return latency;
	return Math.round(latency[0] + random() * (latency[1] - latency[0]));
}

export const DEFAULT_PAT = 'demo-personal-access-token-000001';
export const DEFAULT_CLIENT: OAuthClient = {
	clientId: 'emulator-client-id',
	clientSecret: 'emulator-client-secret',
};

export function configFrom(options: EmulatorOptions): EmulatorConfig {
	return {
		accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 604_799,
		rateLimitPerMinute: options.rateLimitPerMinute ?? 300,
		rateWindowMs: options.rateWindowMs ?? 60_000,
		retryAfterSeconds: options.retryAfterSeconds ?? null,
		writeCollisions: options.writeCollisions ?? false,
		writeLatencyMs: options.writeLatencyMs ?? 0,
		latencyMs: options.latencyMs ?? 0,
		pats: [...(options.pats ?? [DEFAULT_PAT])],
		clients: (options.clients ?? [DEFAULT_CLIENT]).map((client) => ({ ...client })),
		seed: options.seed ?? true,
		searchLagMs: options.searchLagMs ?? 1000,
		webhooks: webhookConfigFrom(options.webhooks),
	};
}

/** What POST /__admin/config may change, and what each value must be. */
const RUNTIME_SETTINGS: Record<string, (value: unknown) => boolean> = {
	accessTokenTtlSeconds: (value) => isCount(value) && value > 0,
	rateLimitPerMinute: (value) => isCount(value) && value > 0,
	rateWindowMs: (value) => isCount(value) && value > 0,
	retryAfterSeconds: (value) => value === null || isCount(value),
	writeCollisions: (value) => typeof value === 'boolean',
	writeLatencyMs: (value) => isCount(value),
	latencyMs: isLatency,
	searchLagMs: (value) => isCount(value),
};

/** Applies a runtime change, or says which setting is wrong (and changes nothing). */
export function applyRuntimeConfig(config: EmulatorConfig, change: unknown): string | null {
	if (change === null || typeof change !== 'object' || Array.isArray(change))
		return 'the body must be a JSON object';
	const entries = Object.entries(change);
	for (const [key, value] of entries) {
		const valid = RUNTIME_SETTINGS[key];
		if (!valid)
			return `unknown setting ${key} (known: ${Object.keys(RUNTIME_SETTINGS).join(', ')})`;
		if (!valid(value)) return `invalid value ${JSON.stringify(value)} for ${key}`;
	}
	Object.assign(config, Object.fromEntries(entries));
	return null;
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
