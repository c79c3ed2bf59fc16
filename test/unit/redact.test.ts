// What the redaction cuts out of answer text: known secrets (also URL-encoded), and token-shaped
// text it was not told about (a token rotated since); ordinary text stays readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { redactAnswer, redactText } from '../../nodes/shared/transport/redact.ts';

const TOKEN = 'at_0123456789abcdefghijklmnop';
const SECRET = 'client+secret/with=odd&chars-123456';

test('known secrets become their last 6 characters at most, also URL-encoded', () => {
	const text = redactText(
		`token ${TOKEN} and form client_id=x&secret=${encodeURIComponent(SECRET)} and raw ${SECRET}`,
		[TOKEN, SECRET, null, undefined],
	);
	assert.equal(text.includes(TOKEN), false);
	assert.equal(text.includes(SECRET), false);
	assert.equal(text.includes(encodeURIComponent(SECRET)), false);
	assert.match(text, /token \[redacted …klmnop\] and form/);
	assert.match(text, /raw \[redacted …123456\]/);
});

test('token-shaped text is cut even when the secret is not known', () => {
	const text = redactText(
		'Authorization: Bearer rotated_token_value_999 {"refresh_token":"rt_abcdef123456","access_token": "at_zzzzzzzz"} client_secret=s3cr3tvalue&x=1',
		[],
	);
	assert.doesNotMatch(text, /rotated_token_value_999|rt_abcdef123456|at_zzzzzzzz|s3cr3tvalue/);
	assert.match(text, /Bearer \[redacted\]/);
	assert.match(text, /"refresh_token":"\[redacted\]"/);
	assert.match(text, /&x=1/, 'what follows stays');
});

test('ordinary text, short values and the answer fields other than texts are left alone', () => {
	assert.equal(
		redactText('Bad Gateway: upstream timed out after 30 s (token expired)', ['short', 'Gateway']),
		'Bad Gateway: upstream timed out after 30 s (token expired)',
	);
	const answer = {
		httpStatus: 502,
		errorCode: null,
		message: `echo ${TOKEN}`,
		refId: 'ref-1',
		detail: { rows: [{ id: 9007199254740993n, note: `again ${TOKEN}` }] } as never,
	};
	const clean = redactAnswer(answer, [TOKEN]);
	assert.deepEqual([clean.httpStatus, clean.refId], [502, 'ref-1']);
	assert.equal(
		JSON.stringify(clean, (_key, value) =>
			typeof value === 'bigint' ? value.toString() : value,
		).includes(TOKEN),
		false,
	);
	assert.equal(
		(clean.detail as any).rows[0].id,
		9007199254740993n,
		'non-text values are kept as they are',
	);
	assert.equal(answer.message, `echo ${TOKEN}`, 'the original is not changed');
});
