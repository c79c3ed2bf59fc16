// The credential dialog's test (GET /users/me) against the emulator, for both credential types.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { ICredentialTestFunctions } from 'n8n-workflow';

import { smartsheetCredentialTest } from '../../nodes/shared/methods/credentialTest';
import { PAT, SmartsheetFixture } from '../support/smartsheetFixture';

let fx: SmartsheetFixture;
before(async () => (fx = await SmartsheetFixture.start()));
after(async () => await fx.close());

/** n8n hands credential tests a request-promise style `request`; this one does real HTTP. */
const context = {
	helpers: {
		request: async (options: { uri: string; method: string; headers: Record<string, string> }) => {
			const response = await fetch(options.uri, { method: options.method, headers: options.headers });
			const text = await response.text();
			return { statusCode: response.status, body: text ? JSON.parse(text) : undefined };
		},
	},
} as unknown as ICredentialTestFunctions;

const check = async (data: Record<string, unknown>) =>
	await smartsheetCredentialTest.call(context, { id: 'c', name: 'c', type: 't', data: data as never });

test('a working access token: OK with the user', async () => {
	const result = await check({ region: 'custom', apiBaseUrl: fx.emulator.apiBase, accessToken: PAT });
	assert.deepEqual(result, { status: 'OK', message: 'Connected as demo.user@example.com' });
});

test('a working OAuth2 connection: OK', async () => {
	const pair = await fx.issueTokens();
	const result = await check({ region: 'custom', apiBaseUrl: fx.emulator.apiBase, oauthTokenData: pair });
	assert.equal(result.status, 'OK');
});

test("a token from another region: Smartsheet's message, errorCode 1002 and the region hint", async () => {
	const result = await check({ region: 'custom', apiBaseUrl: fx.emulator.apiBase, accessToken: 'token-created-in-the-eu-region-0000' });
	assert.equal(result.status, 'Error');
	assert.match(result.message, /Smartsheet says "Your Access Token is invalid." \(errorCode 1002\)/);
	assert.match(result.message, /Tokens only work in the region where they were created/);
	assert.ok(!result.message.includes('token-created-in-the-eu-region-0000'), 'the token is not echoed');
});

test('not connected yet, and an unreachable host, are explained', async () => {
	assert.match((await check({ region: 'custom', apiBaseUrl: fx.emulator.apiBase })).message, /Not connected yet/);
	const unreachable = await check({ region: 'custom', apiBaseUrl: 'http://127.0.0.1:9/2.0', accessToken: PAT });
	assert.match(unreachable.message, /Could not reach Smartsheet at http:\/\/127.0.0.1:9\/2.0/);
});
