import assert from 'node:assert/strict';
import { test } from 'node:test';

import { explainTestFailure } from '../../nodes/shared/helpers/explainTestFailure';

test('1002 names the region as the likely cause', () => {
	const text = explainTestFailure(401, { errorCode: 1002, message: 'Your Access Token is invalid.' }, 'eu');
	assert.match(text, /Smartsheet says "Your Access Token is invalid." \(errorCode 1002\)/);
	assert.match(text, /region \(EU\)/);
});

test('an expired token says reconnect; a non-JSON answer still explains the status', () => {
	assert.match(explainTestFailure(401, { errorCode: 1003, message: 'expired' }, 'us'), /Reconnect/);
	assert.match(explainTestFailure(502, '<html>', 'us'), /HTTP 502/);
});
