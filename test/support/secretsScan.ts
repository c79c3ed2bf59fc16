// The secrets check (issue #3, point 8): no access token, refresh token or client secret may
// appear whole in any output item, execution error or log line of a test file's runs.
import assert from 'node:assert/strict';

import { capturedLines } from '../harness/captureLogger';
import { allRunResults, issuedSecrets } from './smartsheetFixture';

export function assertNoSecretLeaked(): void {
	const haystacks = [
		...allRunResults.map((result) => JSON.stringify(result.run.data)),
		...capturedLines.map((line) => `${line.message} ${line.meta}`),
	];
	assert.ok(allRunResults.length > 0, 'the scan saw runs');
	for (const secret of issuedSecrets) {
		const leaks = haystacks.filter((text) => text.includes(secret)).length;
		assert.equal(
			leaks,
			0,
			`a secret ending in …${secret.slice(-6)} appeared in ${leaks} output(s) or log line(s)`,
		);
	}
}
