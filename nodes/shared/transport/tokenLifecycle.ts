// The token lifecycle of one execution: read the credential from n8n's store before every request
// (nothing token-shaped outlives the request), refresh through n8n before a token is about to
// expire and once after Smartsheet calls it expired, let one refresh run per credential per
// process, recover when another worker rotated the refresh token first, and stop at a dead one.
import { sleep, type IDataObject } from 'n8n-workflow';

import { customApiBaseProblem, resolveApiBase } from '../../../credentials/regions';
import type { SmartsheetContext } from './context';
import { secretSuffix, type FailureAnswer } from './failure';
import { redactAnswer } from './redact';

export type AuthKind = 'oAuth2' | 'accessToken';

/** The credential type name behind each choice of the node's Authentication parameter. */
export function credentialTypeOf(kind: AuthKind): string {
	return kind === 'oAuth2' ? 'smartsheetOAuth2Api' : 'smartsheetApi';
}

/** What one request needs to know about the credential, read fresh from n8n's store. */
export interface AuthSnapshot {
	apiBase: string;
	tokenSuffix: string | null;
	/** Held only for the duration of one request, to notice whether the stored token changed. */
	accessToken: string | null;
	/** The credential's secrets, held as long as the token: cut out of any answer text (redact.ts). */
	secrets: string[];
}

export interface CredentialFacts extends IDataObject {
	tokenType: string;
	region: string;
	apiBase: string;
	tokenSuffix: string | null;
	expiresAt: string | null;
	secondsLeft: number | null;
	lifetimeSeconds: number | null;
	refreshTokenPresent: boolean;
	scopes: string[];
}

export type RefreshOutcome =
	| { kind: 'refreshed' }
	| { kind: 'changedElsewhere' }
	| { kind: 'dead'; answer: FailureAnswer }
	| { kind: 'failed'; answer: FailureAnswer };

// One refresh in flight per credential per process. The promise settles to an outcome, never to
// a token: everyone waiting re-reads the credential from n8n's store afterwards.
const inFlightRefreshes = new Map<string, Promise<RefreshOutcome>>();

/** How long to keep re-reading after invalid_grant, while the worker that won may still be saving. */
const REREAD_ATTEMPTS = 8;
const REREAD_INTERVAL_MS = 250;

export interface LifecycleCounters {
	refreshes: number;
	proactiveRefreshes: number;
	reactiveRefreshes: number;
	credentialReads: number;
}

export class TokenLifecycle {
	readonly credentialType: string;

	readonly credentialName: string | null;

	private readonly credentialId: string;

	/** Set once the refresh token is known dead: later items go straight to the Auth output. */
	private deadAnswer: FailureAnswer | null = null;

	private readonly counters: LifecycleCounters = {
		refreshes: 0,
		proactiveRefreshes: 0,
		reactiveRefreshes: 0,
		credentialReads: 0,
	};

	constructor(
		private readonly ctx: SmartsheetContext,
		readonly kind: AuthKind,
		/** Seconds before expiry at which to refresh; undefined = the default rule. */
		private readonly refreshMarginSeconds?: number,
	) {
		this.credentialType = credentialTypeOf(kind);
		const reference = ctx.getNode().credentials?.[this.credentialType];
		this.credentialName = reference?.name ?? null;
		this.credentialId = reference?.id ?? this.credentialType;
	}

	/** The key pacing and write locks use: the credential, never its token. */
	get credentialKey(): string {
		return this.credentialId;
	}

	/** The refresh counts so far: a copy, changed only by this lifecycle. */
	snapshot(): LifecycleCounters {
		return { ...this.counters };
	}

	get dead(): FailureAnswer | null {
		return this.deadAnswer;
	}

	/** Facts about the stored credential that are safe to show: never a token beyond its suffix. */
	async inspect(): Promise<CredentialFacts> {
		const { auth, tokenData, credentials } = await this.read();
		const expiresAt = this.kind === 'oAuth2' ? expiryOf(tokenData) : null;
		const lifetimeSeconds = Number(tokenData.expires_in);
		const scope = String(tokenData.scope ?? credentials.scope ?? '');
		return {
			tokenType: this.kind === 'oAuth2' ? 'OAuth2' : 'Access token',
			region: String(credentials.region ?? 'us'),
			apiBase: auth.apiBase,
			tokenSuffix: auth.tokenSuffix,
			expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
			secondsLeft: expiresAt === null ? null : Math.round((expiresAt - Date.now()) / 1000),
			lifetimeSeconds: Number.isFinite(lifetimeSeconds) ? lifetimeSeconds : null,
			refreshTokenPresent:
				this.kind === 'oAuth2'
					? typeof tokenData.refresh_token === 'string' && tokenData.refresh_token.length > 0
					: false,
			scopes:
				this.kind === 'oAuth2'
					? scope.split(/[\s,]+/).filter(Boolean)
					: ['all (personal access token)'],
		};
	}

	/** Reads the credential and, for OAuth2 near its expiry, refreshes first (proactive). */
	async prepare(): Promise<AuthSnapshot> {
		let snapshot = await this.read();
		const problem = customApiBaseProblem(snapshot.credentials);
		if (problem) throw new UnusableCredential(problem);
		if (this.kind !== 'oAuth2' || !this.isNearExpiry(snapshot.tokenData)) return snapshot.auth;
		if (this.deadAnswer) {
			// Known dead refresh token: no more token calls. A token that has not yet expired
			// still works for its last minutes; an expired (or undatable) one cannot.
			if (this.isUsable(snapshot.tokenData)) return snapshot.auth;
			throw new RefreshFailed(this.deadAnswer);
		}
		this.counters.proactiveRefreshes++;
		const outcome = await this.refresh(snapshot.auth.accessToken);
		if (outcome.kind === 'dead' || outcome.kind === 'failed') {
			if (this.isUsable(snapshot.tokenData)) return snapshot.auth;
			throw new RefreshFailed(outcome.answer);
		}
		snapshot = await this.read();
		return snapshot.auth;
	}

	/** After Smartsheet said the token is expired or invalid: refresh once (reactive). */
	async refreshAfterRejection(rejectedAccessToken: string | null): Promise<RefreshOutcome> {
		if (this.kind !== 'oAuth2') return { kind: 'failed', answer: noRefreshAnswer() };
		this.counters.reactiveRefreshes++;
		return await this.refresh(rejectedAccessToken);
	}

	private async read(): Promise<{
		auth: AuthSnapshot;
		tokenData: IDataObject;
		credentials: IDataObject;
	}> {
		this.counters.credentialReads++;
		const credentials = (await this.ctx.getCredentials(this.credentialType)) as IDataObject;
		const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
		const accessToken =
			this.kind === 'oAuth2'
				? typeof tokenData.access_token === 'string'
					? tokenData.access_token
					: null
				: typeof credentials.accessToken === 'string'
					? credentials.accessToken
					: null;
		return {
			auth: {
				apiBase: resolveApiBase(credentials),
				tokenSuffix: secretSuffix(accessToken),
				accessToken,
				secrets: secretsOf(credentials),
			},
			tokenData,
			credentials,
		};
	}

	private isUsable(tokenData: IDataObject): boolean {
		const expiresAt = expiryOf(tokenData);
		return expiresAt !== null && expiresAt > Date.now();
	}

	private isNearExpiry(tokenData: IDataObject): boolean {
		const expiresAt = expiryOf(tokenData);
		if (expiresAt === null) return false; // n8n before 2.33 stamps no expiry: reactive only
		const lifetimeSeconds = Number(tokenData.expires_in);
		return expiresAt - Date.now() <= marginMs(lifetimeSeconds, this.refreshMarginSeconds);
	}

	private async refresh(staleAccessToken: string | null): Promise<RefreshOutcome> {
		if (this.deadAnswer) return { kind: 'dead', answer: this.deadAnswer };
		let pending = inFlightRefreshes.get(this.credentialId);
		if (!pending) {
			pending = this.runRefresh(staleAccessToken).finally(() =>
				inFlightRefreshes.delete(this.credentialId),
			);
			inFlightRefreshes.set(this.credentialId, pending);
		}
		const outcome = await pending;
		if (outcome.kind === 'dead') this.deadAnswer = outcome.answer;
		return outcome;
	}

	private async runRefresh(staleAccessToken: string | null): Promise<RefreshOutcome> {
		// Someone (another execution, another worker) may have refreshed since we read.
		const current = await this.read();
		if (current.auth.accessToken !== staleAccessToken) return { kind: 'changedElsewhere' };
		try {
			// n8n refreshes, persists access and refresh token together, and (2.30+) coordinates
			// across workers. Its answer holds the new tokens: it is deliberately not kept.
			await this.ctx.helpers.refreshOAuth2Token.call(
				seeing(this.ctx, current.credentials),
				this.credentialType,
			);
			this.counters.refreshes++;
			return { kind: 'refreshed' };
		} catch (error) {
			const answer = redactAnswer(answerFromRefreshError(error), secretsOf(current.credentials));
			if (!answer.invalidGrant) {
				return answer.httpStatus !== null && answer.httpStatus < 500
					? { kind: 'dead', answer }
					: { kind: 'failed', answer };
			}
			// invalid_grant: another worker may have rotated the refresh token first and not have
			// saved yet. Only if the stored token stays the same is the refresh token really dead.
			for (let attempt = 0; attempt < REREAD_ATTEMPTS; attempt++) {
				if ((await this.read()).auth.accessToken !== staleAccessToken)
					return { kind: 'changedElsewhere' };
				await sleep(REREAD_INTERVAL_MS);
			}
			return { kind: 'dead', answer };
		}
	}
}

/**
 * The node's context, except that n8n's refresh starts from the credential this process just read
 * instead of reading it again. n8n's refresh reads the credential, takes its lock, reads the store
 * once more and refreshes only if the stored token is still the one it started from. Left to read
 * for itself, it could start from a token another worker saved a moment after our read, find that
 * token unchanged under the lock, and refresh a second time. Started from what we saw, it finds the
 * other worker's token and uses it. Nothing is written here: n8n still persists what it refreshes.
 */
function seeing<T extends SmartsheetContext>(ctx: T, credentials: IDataObject): T {
	return new Proxy(ctx, {
		get: (target, property) =>
			property === 'getCredentials'
				? async () => credentials
				: Reflect.get(target, property, target),
	});
}

/** Every secret a credential holds (either type), to redact from answers. */
function secretsOf(credentials: IDataObject): string[] {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [
		credentials.accessToken,
		credentials.clientSecret,
		tokenData.access_token,
		tokenData.refresh_token,
	].filter((value): value is string => typeof value === 'string');
}

/** A refresh that could not produce a usable token; carries the token endpoint's answer. */
export class RefreshFailed extends Error {
	constructor(readonly answer: FailureAnswer) {
		super(answer.message);
		this.name = 'RefreshFailed';
	}
}

/**
 * The stored credential cannot be used as it is (a bad Custom API base URL): nothing is sent, the
 * item goes to Auth with the fix. A RefreshFailed, so the transport ends the item without retrying.
 */
export class UnusableCredential extends RefreshFailed {
	constructor(problem: string) {
		super({
			httpStatus: null,
			errorCode: null,
			message: problem,
			refId: null,
			refusal: {
				failureClass: 'auth',
				action:
					'In the credential {credential}, set API Base URL to the https:// address of the Smartsheet API, ending in /2.0 (e.g. https://api.smartsheet.com/2.0), or choose your Region instead of Custom.',
			},
		});
		this.name = 'UnusableCredential';
	}
}

/** Default margin: the larger of 10 % of the lifetime and 5 minutes, but never over half of it. */
export function marginMs(lifetimeSeconds: number, overrideSeconds?: number): number {
	if (overrideSeconds !== undefined && overrideSeconds >= 0) return overrideSeconds * 1000;
	if (!Number.isFinite(lifetimeSeconds) || lifetimeSeconds <= 0) return 5 * 60_000;
	const seconds = Math.min(Math.max(lifetimeSeconds * 0.1, 300), lifetimeSeconds * 0.5);
	return seconds * 1000;
}

/** The expiry n8n stamped (`n8n_expires_at`, ms since epoch), or an `expires_at` the provider sent. */
export function expiryOf(tokenData: IDataObject): number | null {
	const stamped = Number(tokenData.n8n_expires_at);
	if (Number.isFinite(stamped) && stamped > 0) return stamped;
	const provided = tokenData.expires_at;
	if (typeof provided === 'number' && provided > 0)
		return provided < 1e12 ? provided * 1000 : provided;
	if (typeof provided === 'string' && !Number.isNaN(Date.parse(provided)))
		return Date.parse(provided);
	return null;
}

interface RefreshAnswer extends FailureAnswer {
	invalidGrant: boolean;
}

/** What the token endpoint said, from whichever error shape n8n's OAuth client threw. */
export function answerFromRefreshError(error: unknown): RefreshAnswer {
	const e = error as {
		message?: string;
		status?: number;
		body?: unknown;
		code?: string;
		response?: { status?: number; data?: unknown };
		cause?: unknown;
	};
	const body = parseMaybeJson(e?.body ?? e?.response?.data) as IDataObject | undefined;
	const status = e?.status ?? e?.response?.status ?? null;
	const reconnectError = /needs to be reconnected/i.test(e?.message ?? '');
	const invalidGrant = reconnectError || body?.error === 'invalid_grant';
	const errorCode =
		typeof body?.errorCode === 'number' ? body.errorCode : invalidGrant ? 1071 : null;
	if (status === null && !invalidGrant && !body) {
		return {
			httpStatus: null,
			errorCode: null,
			message: `The token refresh got no answer from Smartsheet (${e?.code ?? 'network error'})`,
			refId: null,
			network: e?.code ?? 'NETWORK_ERROR',
			invalidGrant: false,
		};
	}
	const smartsheetMessage = typeof body?.message === 'string' ? body.message : undefined;
	return {
		httpStatus: status ?? 400,
		errorCode,
		message: invalidGrant
			? `Smartsheet refused the refresh token (invalid_grant: expired, already used or revoked)${smartsheetMessage ? `: ${smartsheetMessage}` : ''}`
			: `The token refresh failed: ${smartsheetMessage ?? e?.message ?? 'unknown error'}`,
		refId: typeof body?.refId === 'string' ? body.refId : null,
		invalidGrant,
	};
}

function parseMaybeJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

function noRefreshAnswer(): FailureAnswer {
	return {
		httpStatus: 401,
		errorCode: null,
		message: 'An access token cannot be refreshed',
		refId: null,
	};
}
