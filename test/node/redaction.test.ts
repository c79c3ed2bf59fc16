// Answers that echo the request never carry a secret into the output: a gateway's 502 page printing
// the Authorization header, a proxy in front of the token endpoint printing the refresh form.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { CLIENT, jsonOf, OUTPUT, PAT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('redaction of echoed secrets', () => {
	const suite = useEmulator();
	const fault = async (
		method: string,
		path: string,
		count: number,
		body: string,
		contentType = 'text/html',
	) =>
		await suite.fx.admin('POST', '/faults', {
			match: { method, path },
			count,
			response: { kind: 'raw', status: 502, contentType, body },
		});

	test('a gateway 502 page echoing the Authorization header: no full token anywhere in the output item', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		// Twice: the add is ambiguous, read back (not there), sent once more, and ambiguous again.
		await fault(
			'POST',
			'/2.0/sheets/*/rows',
			2,
			`<html><body>Bad Gateway<pre>Authorization: Bearer ${PAT}\nX-Debug: token=${PAT} raw ${PAT}</pre></body></html>`,
		);
		const result = await suite.fx.run(
			{
				resource: 'row',
				operation: 'add',
				authentication: 'accessToken',
				sheetId: { __rl: true, mode: 'id', value: sheet.id },
			},
			[{ Task: 'gateway' }],
		);
		const [item] = jsonOf(result, OUTPUT.throttled);
		const failure = item.smartsheetFailure as any;
		assert.equal(failure.httpStatus, 502);
		assert.match(failure.message, /Bad Gateway/, 'the page still explains itself');
		assert.match(
			failure.message,
			new RegExp(`redacted …${PAT.slice(-6)}`),
			'the token shows as its last 6 characters at most',
		);
		assert.equal(
			JSON.stringify(result.run.data).includes(PAT),
			false,
			'not in the item, its hints or the run',
		);
	});

	test('an OAuth2 refresh through a proxy that echoes the form: no refresh token or client secret in the output', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair, { expiresAtMs: Date.now() - 1000 });
		const echo = `grant_type=refresh_token&refresh_token=${pair.refresh_token}&client_id=${CLIENT.clientId}&client_secret=${CLIENT.clientSecret} (seen ${pair.refresh_token})`;
		await fault(
			'POST',
			'/2.0/token',
			5,
			JSON.stringify({ error: 'bad_gateway', message: `Upstream refused: ${echo}` }),
			'application/json',
		);
		const result = await suite.fx.run({
			resource: 'user',
			operation: 'getCurrent',
			authentication: 'oAuth2',
		});
		const items = [OUTPUT.auth, OUTPUT.throttled].flatMap((output) => jsonOf(result, output));
		assert.equal(items.length, 1);
		const text = JSON.stringify(result.run.data);
		for (const secret of [pair.refresh_token, pair.access_token, CLIENT.clientSecret])
			assert.equal(text.includes(secret), false, `…${secret.slice(-6)}`);
	});
});
