// Everything a node test needs: a running emulator, a credential store holding OAuth2 and PAT
// credentials that point at it, and a `run` that executes the Smartsheet node through n8n's
// real execution engine.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SmartsheetApi } from '../../credentials/SmartsheetApi.credentials';
import { SmartsheetOAuth2Api } from '../../credentials/SmartsheetOAuth2Api.credentials';
// The explicit .ts: without it, resolution finds the codex file Smartsheet.node.json first.
import { Smartsheet } from '../../nodes/Smartsheet/Smartsheet.node.ts';
import { resetPacing } from '../../nodes/shared/transport/pacing';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';
import { CredentialStore } from '../harness/credentialStore';
import { runListSearch, runResourceMapping } from '../harness/listSearch';
import {
	runNode,
	type NodeUnderTest,
	type RunOptions,
	type RunResult,
} from '../harness/runWorkflow';

export const CLIENT = { clientId: 'test-client-id', clientSecret: 'test-client-secret-0123456789' };
export const PAT = 'test-personal-access-token-0123456789abcdef';
export const OAUTH_CREDENTIAL = { id: 'cred-oauth', name: 'Smartsheet OAuth (test)' };
export const PAT_CREDENTIAL = { id: 'cred-pat', name: 'Smartsheet PAT (test)' };

export interface TokenPair {
	access_token: string;
	refresh_token: string;
	expires_in: number;
	token_type: string;
}

/** Every secret a test handed out, so the secrets scan knows what to look for. */
export const issuedSecrets = new Set<string>([CLIENT.clientSecret, PAT]);

export class SmartsheetFixture {
	readonly store = new CredentialStore();

	private constructor(readonly emulator: RunningEmulator) {}

	static async start(options: EmulatorOptions = {}): Promise<SmartsheetFixture> {
		const emulator = await startEmulator({
			port: 0,
			clients: [CLIENT],
			pats: [PAT],
			...options,
		});
		const fixture = new SmartsheetFixture(emulator);
		fixture.putPat(PAT);
		return fixture;
	}

	async close(): Promise<void> {
		await this.emulator.close();
	}

	async admin<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.emulator.url}/__admin${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`admin ${method} ${path} → ${response.status} ${text}`);
		return (text ? parseWithStringIds(text) : undefined) as T;
	}

	/** Fresh emulator state and the default PAT credential back in the store. */
	async reset(): Promise<void> {
		await this.admin('POST', '/reset');
		resetPacing(); // the emulator forgot every send: so does the node's pacer
		this.store.afterRead = null;
		this.putPat(PAT);
	}

	async stats(): Promise<any> {
		return await this.admin('GET', '/stats');
	}

	/** Stops the emulator's clock at `at` (default now) until the next reset; only advanceClock moves it then. */
	async stopClock(at?: number): Promise<void> {
		await this.admin('POST', '/clock/stop', at === undefined ? {} : { at });
	}

	/** Moves the stopped emulator clock: timestamps, token lifetimes and the search lag follow it. */
	async advanceClock(ms: number): Promise<void> {
		await this.admin('POST', '/clock/advance', { ms });
	}

	/** Issues a token pair as if the Connect flow ran (the emulator's admin shortcut). */
	async issueTokens(options: { ttlSeconds?: number; scopes?: string[] } = {}): Promise<TokenPair> {
		const pair = await this.admin<TokenPair>('POST', '/tokens', {
			clientId: CLIENT.clientId,
			...options,
		});
		issuedSecrets.add(pair.access_token);
		issuedSecrets.add(pair.refresh_token);
		return pair;
	}

	/** Stores an OAuth2 credential as n8n would after Connect (n8n 2.33+ stamps n8n_expires_at). */
	putOAuth(
		pair: TokenPair,
		options: { expiresAtMs?: number | null; apiBaseUrl?: string } = {},
	): void {
		const expiresAt =
			options.expiresAtMs === undefined ? Date.now() + pair.expires_in * 1000 : options.expiresAtMs;
		this.store.put({
			...OAUTH_CREDENTIAL,
			type: 'smartsheetOAuth2Api',
			data: {
				region: 'custom',
				apiBaseUrl: options.apiBaseUrl ?? this.emulator.apiBase,
				appBaseUrl: this.emulator.url,
				clientId: CLIENT.clientId,
				clientSecret: CLIENT.clientSecret,
				oauthTokenData: {
					...pair,
					...(expiresAt === null ? {} : { n8n_expires_at: String(expiresAt) }),
				},
			},
		});
	}

	putPat(token: string, apiBaseUrl = this.emulator.apiBase): void {
		this.store.put({
			...PAT_CREDENTIAL,
			type: 'smartsheetApi',
			data: { region: 'custom', apiBaseUrl, accessToken: token },
		});
	}

	/**
	 * A PAT credential of its own, as `run`'s extra options. Pacing state is per credential and per
	 * process: a test that paces counts only its own sends with it, not those of earlier tests.
	 */
	ownPat(id: string): Pick<RunOptions, 'credentials'> {
		const credential = { id, name: `Smartsheet PAT (${id})` };
		this.store.put({
			...credential,
			type: 'smartsheetApi',
			data: { region: 'custom', apiBaseUrl: this.emulator.apiBase, accessToken: PAT },
		});
		return { credentials: { smartsheetApi: credential } };
	}

	/** Runs the Smartsheet node once with `items` as input. */
	async run(
		parameters: INodeParameters,
		items: IDataObject[] = [{}],
		extra: Partial<RunOptions> = {},
	): Promise<RunResult> {
		const authentication = (parameters.authentication as string) ?? 'oAuth2';
		const result = await runNode({
			subject: subject(),
			parameters: {
				authentication,
				failureRouting: 'outputs',
				...parameters,
				// Fast retries, and no pacing unless a test asks for it: pacing state is per process and per
				// credential, so it would otherwise carry over from one test to the next.
				options: {
					retryInitialDelayMs: 20,
					maxRetryWaitSeconds: 5,
					requestsPerMinute: 1_000_000,
					...((parameters.options as IDataObject) ?? {}),
				},
			},
			items,
			credentials: credentialsFor(authentication),
			store: this.store,
			...extra,
		});
		allRunResults.push(result);
		return result;
	}

	/** Calls an editor picker (listSearch method) as n8n's editor does, with the node's parameters. */
	async listSearch(
		method: string,
		parameters: INodeParameters = {},
		filter?: string,
		paginationToken?: string,
	) {
		return await runListSearch({ ...this.editorCall(method, parameters), filter, paginationToken });
	}

	/** Loads the column mapper's fields (resourceMapping method) as the editor does, with the node's parameters. */
	async resourceMapping(method: string, parameters: INodeParameters = {}) {
		return await runResourceMapping(this.editorCall(method, parameters));
	}

	/** An editor request of the node's `method`, with its parameters and the credential they choose. */
	private editorCall(method: string, parameters: INodeParameters) {
		const authentication = (parameters.authentication as string) ?? 'oAuth2';
		return {
			subject: subject(),
			method,
			parameters: { authentication, ...parameters },
			credentials: credentialsFor(authentication),
			store: this.store,
		};
	}

	/** A seeded sheet by name, with its columns. */
	async sheet(
		name: string,
	): Promise<{ id: string; columns: Array<{ id: string; title: string }> }> {
		const list = await this.api<any>('GET', '/sheets?includeAll=true');
		const sheet = list.data.find((candidate: any) => candidate.name === name);
		if (!sheet) throw new Error(`no seeded sheet named ${name}`);
		const id = String(sheet.id);
		const columns = await this.api<any>('GET', `/sheets/${id}/columns?includeAll=true`);
		return {
			id,
			columns: columns.data.map((column: any) => ({ id: String(column.id), title: column.title })),
		};
	}

	/** A seeded sheet by name, with its columns and its row IDs in order. */
	async sheetWithRows(
		name: string,
	): Promise<{ id: string; columns: Array<{ id: string; title: string }>; rowIds: string[] }> {
		const sheet = await this.sheet(name);
		const rows = (await this.api<any>('GET', `/sheets/${sheet.id}`)).rows as Array<{ id: string }>;
		return { ...sheet, rowIds: rows.map((row) => String(row.id)) };
	}

	/** A direct API call with the PAT (test setup, not the code under test). IDs come back as strings. */
	async api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.emulator.apiBase}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${PAT}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return parseWithStringIds(await response.text()) as T;
	}
}

/** JSON with every integer of 6 digits or more (IDs) as a string, so none loses precision. */
function parseWithStringIds(text: string): any {
	return JSON.parse(text.replace(/(:\s*|\[\s*|,\s*)(-?\d{6,})(?=\s*[,}\]])/g, '$1"$2"'));
}

function subject(): NodeUnderTest {
	return {
		type: 'n8n-nodes-smartsheet-resilient.smartsheet',
		node: new Smartsheet(),
		credentialTypes: [new SmartsheetOAuth2Api(), new SmartsheetApi()],
	};
}

function credentialsFor(authentication: string): Record<string, { id: string; name: string }> {
	return authentication === 'accessToken'
		? { smartsheetApi: PAT_CREDENTIAL }
		: { smartsheetOAuth2Api: OAUTH_CREDENTIAL };
}

/** Every run of the suite, for the secrets scan. */
export const allRunResults: RunResult[] = [];

export const OUTPUT = { success: 0, auth: 1, permission: 2, payload: 3, throttled: 4 } as const;

/** A sheet (or other) resource locator set to an ID. */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}

export function jsonOf(result: RunResult, output: number): IDataObject[] {
	return (result.outputs[output] ?? []).map((item) => item.json);
}
