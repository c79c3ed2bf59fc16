// A credentials helper for n8n's real execution engine that behaves like n8n's CLI one where it
// matters here: it reads from the store on every call, resolves the credential type's defaults
// (including `={{ }}` expressions over `$self`), marks OAuth2 types as children of `oAuth2Api` so
// n8n-core's own refresh path runs, and persists what that refresh writes.
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type INodeProperties,
} from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly store: CredentialStore,
		private readonly types: Record<string, ICredentialType>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const auth = this.types[typeName]?.authenticate;
		if (!auth || typeof auth === 'function' || auth.type !== 'generic') return requestOptions;
		const headers = { ...(requestOptions.headers ?? {}) };
		for (const [key, value] of Object.entries(auth.properties.headers ?? {})) {
			headers[key] = resolveTemplate(String(value), credentials);
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error(
			'getCredentials (encrypted form) is not used by the execution paths under test',
		);
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (!nodeCredentials.id) throw new Error('Found credential with no ID');
		const stored = this.store.read(nodeCredentials.id);
		if (stored.type !== type)
			throw new Error(`Credential ${nodeCredentials.id} is a ${stored.type}, not a ${type}`);
		return withDefaults(this.getCredentialsProperties(type), stored.data);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.writeFull(nodeCredentials.id!, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.writeTokenData(nodeCredentials.id!, data.oauthTokenData);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.types[type];
		if (!credentialType) throw new Error(`Unknown credential type ${type}`);
		return credentialType.properties;
	}
}

/** Fills missing fields with their defaults; `={{ … }}` defaults are evaluated over `$self`. */
function withDefaults(
	properties: INodeProperties[],
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const result: ICredentialDataDecryptedObject = { ...data };
	for (const property of properties) {
		if (result[property.name] === undefined && property.default !== undefined) {
			result[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
	}
	for (const property of properties) {
		const value = result[property.name];
		if (typeof value === 'string' && value.startsWith('={{') && value.endsWith('}}')) {
			result[property.name] = evaluate(value.slice(3, -2), { $self: result });
		}
	}
	return result;
}

function resolveTemplate(template: string, credentials: ICredentialDataDecryptedObject): string {
	if (!template.startsWith('=')) return template;
	return template
		.slice(1)
		.replace(/\{\{(.+?)\}\}/g, (_match, expression: string) =>
			String(evaluate(expression, { $credentials: credentials })),
		);
}

function evaluate(
	expression: string,
	scope: Record<string, unknown>,
): ICredentialDataDecryptedObject[string] {
	const names = Object.keys(scope);
	// Test-only evaluation of the package's own credential expressions.
	return new Function(...names, `return (${expression});`)(...names.map((name) => scope[name]));
}
