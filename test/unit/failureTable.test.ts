import assert from 'node:assert/strict';
import { test } from 'node:test';

import { classify } from '../../nodes/shared/transport/failure';
import { FAILURE_RULES } from '../../nodes/shared/transport/failureTable';

const answer = (httpStatus: number | null, errorCode: number | null, network?: string) => ({
	httpStatus,
	errorCode,
	message: 'm',
	refId: null,
	network,
});

// The classification, code by code (issue #4).
const expected: Array<[number, number, string]> = [
	[401, 1001, 'auth'],
	[401, 1002, 'auth'],
	[401, 1003, 'auth'],
	[401, 1005, 'auth'],
	[401, 1030, 'auth'],
	[400, 1071, 'auth'],
	[400, 1132, 'auth'],
	[401, 1067, 'auth'],
	[400, 1238, 'auth'],
	[403, 1004, 'permission'],
	[403, 1013, 'permission'],
	[403, 1039, 'permission'],
	[403, 1045, 'permission'],
	[403, 1050, 'permission'],
	[403, 1092, 'permission'],
	[403, 1212, 'permission'],
	[403, 1356, 'permission'],
	[403, 1361, 'permission'],
	[403, 1362, 'permission'],
	[403, 1363, 'permission'],
	[400, 1008, 'payload'],
	[400, 1009, 'payload'],
	[400, 1012, 'payload'],
	[400, 1018, 'payload'],
	[400, 1031, 'payload'],
	[400, 1032, 'payload'],
	[400, 1036, 'payload'],
	[400, 1037, 'payload'],
	[400, 1038, 'payload'],
	[400, 1041, 'payload'],
	[400, 1042, 'payload'],
	[400, 1062, 'payload'],
	[400, 1063, 'payload'],
	[400, 1064, 'payload'],
	[400, 1115, 'payload'],
	[400, 1123, 'payload'],
	[400, 1130, 'payload'],
	[400, 1162, 'payload'],
	[400, 1163, 'payload'],
	[404, 1006, 'payload'],
	[404, 1114, 'payload'],
	[405, 1010, 'payload'],
	[406, 1052, 'payload'],
	[415, 1124, 'payload'],
	[429, 4003, 'throttled'],
	[503, 4001, 'throttled'],
	[500, 4002, 'throttled'],
	[500, 4004, 'throttled'],
	[500, 4000, 'throttled'],
];

for (const [status, code, cls] of expected) {
	test(`${status}/${code} → ${cls}`, () => assert.equal(classify(answer(status, code)), cls));
}

test('unknown codes fall to their HTTP status family, never to success', () => {
	assert.equal(classify(answer(401, 9999)), 'auth');
	assert.equal(classify(answer(403, 9999)), 'permission');
	assert.equal(classify(answer(429, null)), 'throttled');
	assert.equal(classify(answer(502, null)), 'throttled');
	assert.equal(classify(answer(418, null)), 'payload');
	assert.equal(classify(answer(400, 5151)), 'permission');
});

test('network errors are throttled', () =>
	assert.equal(classify(answer(null, null, 'ECONNRESET')), 'throttled'));

test('every code appears in the table once', () => {
	const codes = FAILURE_RULES.flatMap((rule) => rule.codes);
	assert.equal(new Set(codes).size, codes.length);
});
