// n8n's credential store, in memory: what `getCredentials` reads and what n8n's OAuth refresh
// writes back. Each read is a deep copy (as n8n decrypts afresh from the database on every call),
// so nothing a node holds can change behind the store's back.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export class CredentialStore {
	private readonly credentials = new Map<string, StoredCredential>();

	/** Every write n8n made, in order (full credential updates and OAuth token updates). */
	readonly writes: Array<{ id: string; kind: 'oauthTokenData' | 'full'; at: number }> = [];

	reads = 0;

	/** Runs after each read has been copied out (a test's way to act between two reads). */
	afterRead: ((reads: number) => void) | null = null;

	put(credential: StoredCredential): void {
		this.credentials.set(credential.id, structuredClone(credential));
	}

	read(id: string): StoredCredential {
		const credential = this.credentials.get(id);
		if (!credential) throw new Error(`Credential ${id} does not exist in the test store`);
		this.reads++;
		const copy = structuredClone(credential);
		this.afterRead?.(this.reads);
		return copy;
	}

	writeTokenData(id: string, oauthTokenData: unknown): void {
		const credential = this.credentials.get(id);
		if (!credential) throw new Error(`Credential ${id} does not exist in the test store`);
		// One write holds access and refresh token together, as n8n's single UPDATE does.
		credential.data = {
			...credential.data,
			oauthTokenData: structuredClone(oauthTokenData) as ICredentialDataDecryptedObject,
		};
		this.writes.push({ id, kind: 'oauthTokenData', at: Date.now() });
	}

	writeFull(id: string, data: ICredentialDataDecryptedObject): void {
		const credential = this.credentials.get(id);
		if (!credential) throw new Error(`Credential ${id} does not exist in the test store`);
		credential.data = structuredClone(data);
		this.writes.push({ id, kind: 'full', at: Date.now() });
	}

	/** Changes the stored token as another worker's refresh (or a reconnect) would. */
	setTokenData(id: string, patch: Record<string, unknown>): void {
		const credential = this.credentials.get(id);
		if (!credential) throw new Error(`Credential ${id} does not exist in the test store`);
		const current = (credential.data.oauthTokenData ?? {}) as Record<string, unknown>;
		credential.data = {
			...credential.data,
			oauthTokenData: { ...current, ...patch } as ICredentialDataDecryptedObject,
		};
	}

	tokenData(id: string): Record<string, unknown> {
		return structuredClone(
			(this.credentials.get(id)?.data.oauthTokenData ?? {}) as Record<string, unknown>,
		);
	}
}
