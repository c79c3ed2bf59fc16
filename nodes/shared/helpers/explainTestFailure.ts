import type { IDataObject } from 'n8n-workflow';

/** A failed credential test in words a builder can act on. */
export function explainTestFailure(status: number, body: unknown, region: string): string {
	const record = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const code = typeof record.errorCode === 'number' ? record.errorCode : undefined;
	const said = typeof record.message === 'string' ? `Smartsheet says "${record.message}"` : `Smartsheet answered HTTP ${status}`;
	const codeText = code === undefined ? '' : ` (errorCode ${code})`;
	const hints: Record<number, string> = {
		1001: 'No token reached Smartsheet.',
		1002: `The token is not valid in the selected region (${region.toUpperCase()}). Tokens only work in the region where they were created: pick the right Region, or create a new token.`,
		1003: 'The access token has expired. Reconnect the credential: Switch account ("Reconnect" in older n8n such as 2.8), or paste a new access token.',
		1004: 'The token works but may not read the current user; check its scopes.',
		1005: 'This account must sign in through Single Sign-On: reconnect (Switch account, or "Reconnect" in older n8n) and use SSO.',
	};
	const hint = code !== undefined ? hints[code] : status === 401 ? hints[1002] : undefined;
	return `${said}${codeText}.${hint ? ` ${hint}` : ''}`;
}
