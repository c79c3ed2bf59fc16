import assert from 'node:assert/strict';
import { test } from 'node:test';

import { idArray, parseSmartsheetJson, stringifySmartsheetJson } from '../../nodes/shared/transport/smartsheetJson';

test('IDs above 2^53 survive parsing as exact strings', () => {
	const parsed = parseSmartsheetJson('{"id":9007199254740993,"rows":[{"id":9223372036854775807,"rowNumber":1}]}') as any;
	assert.equal(parsed.id, '9007199254740993');
	assert.equal(parsed.rows[0].id, '9223372036854775807');
	assert.equal(parsed.rows[0].rowNumber, 1);
});

test('small IDs become strings too, other numbers stay numbers', () => {
	const parsed = parseSmartsheetJson('{"id":42,"columnId":7,"version":3,"cells":[{"value":1.5}]}') as any;
	assert.deepEqual(parsed, { id: '42', columnId: '7', version: 3, cells: [{ value: 1.5 }] });
});

test('digits inside strings are left alone', () => {
	const parsed = parseSmartsheetJson('{"message":"row 12345678901234567 \\" failed","n":-12}') as any;
	assert.equal(parsed.message, 'row 12345678901234567 " failed');
	assert.equal(parsed.n, -12);
});

test('ID strings are written back as bare numbers, other strings as strings', () => {
	const text = stringifySmartsheetJson({ id: '9007199254740993', cells: [{ columnId: '123', value: '456' }], rowIds: idArray(['9007199254740995']) });
	assert.equal(text, '{"id":9007199254740993,"cells":[{"columnId":123,"value":"456"}],"rowIds":[9007199254740995]}');
});
