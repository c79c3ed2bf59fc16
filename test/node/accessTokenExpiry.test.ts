// Smartsheet admins can set personal API access tokens to expire
// (https://help.smartsheet.com/articles/2483100-configure-access-token-expiration-time): such a
// token then fails like any refused token, on Auth with what to do, and nothing tries a refresh.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT, PAT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('a personal access token past the expiry its Smartsheet admin set', () => {
	const suite = useEmulator();

	test('every item goes to Auth (401/1003) with the new-token action, and no refresh is tried', async () => {
		await suite.fx.admin('POST', '/tokens/expire', { token: PAT });
		const result = await suite.fx.run(
			{ resource: 'user', operation: 'getCurrent', authentication: 'accessToken' },
			[{}, {}, {}],
		);
		assert.equal(jsonOf(result, OUTPUT.success).length, 0);
		const failed = jsonOf(result, OUTPUT.auth);
		assert.equal(failed.length, 3);
		for (const item of failed) {
			const failure = item.smartsheetFailure as Record<string, unknown>;
			assert.equal(failure.httpStatus, 401);
			assert.equal(failure.errorCode, 1003);
			assert.match(String(failure.action), /create a new one in Smartsheet and paste it/);
		}
		assert.equal((await suite.fx.stats()).tokenRefreshes, 0);
	});
});
