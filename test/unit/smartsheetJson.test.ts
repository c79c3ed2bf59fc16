import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
	idArray,
	parseSmartsheetJson,
	stringifySmartsheetJson,
} from '../../nodes/shared/transport/smartsheetJson';

test('IDs above 2^53 survive parsing as exact strings', () => {
	const parsed = parseSmartsheetJson(
		'{"id":9007199254740993,"rows":[{"id":9223372036854775807,"rowNumber":1}]}',
	) as any;
	assert.equal(parsed.id, '9007199254740993');
	assert.equal(parsed.rows[0].id, '9223372036854775807');
	assert.equal(parsed.rows[0].rowNumber, 1);
});

test('small IDs become strings too, other numbers stay numbers', () => {
	const parsed = parseSmartsheetJson(
		'{"id":42,"columnId":7,"version":3,"cells":[{"value":1.5}]}',
	) as any;
	assert.deepEqual(parsed, { id: '42', columnId: '7', version: 3, cells: [{ value: 1.5 }] });
});

test('digits inside strings are left alone', () => {
	const parsed = parseSmartsheetJson(
		'{"message":"row 12345678901234567 \\" failed","n":-12}',
	) as any;
	assert.equal(parsed.message, 'row 12345678901234567 " failed');
	assert.equal(parsed.n, -12);
});

test('long integers are decided by value: above 2^53 a string, up to it a number, whatever the digit count', () => {
	const parsed = parseSmartsheetJson(
		'{"a":9007199254740992,"b":9007199254740993,"c":-9007199254740993,"d":1234567890123456,"e":[18446744073709551615,1],"f":12345678901234567890.5e-3}',
	) as any;
	assert.deepEqual(parsed, {
		a: 9007199254740992,
		b: '9007199254740993',
		c: '-9007199254740993',
		d: 1234567890123456,
		e: ['18446744073709551615', 1],
		f: Number('12345678901234567890.5e-3'),
	});
});

test('IDs are exact in compact and in pretty-printed JSON alike', () => {
	const body = {
		id: 'X9223372036854775807',
		rows: [{ id: 'X42', rowNumber: 7, cells: [{ columnId: 'X9007199254740993', value: 3 }] }],
		parentId: 'X-5',
	};
	const compact = JSON.stringify(body).replace(/"X(-?\d+)"/g, '$1');
	const pretty = JSON.stringify(body, null, 2).replace(/"X(-?\d+)"/g, '$1');
	const expected = {
		id: '9223372036854775807',
		rows: [{ id: '42', rowNumber: 7, cells: [{ columnId: '9007199254740993', value: 3 }] }],
		parentId: '-5',
	};
	assert.deepEqual(parseSmartsheetJson(compact), expected);
	assert.deepEqual(parseSmartsheetJson(pretty), expected);
	assert.deepEqual(parseSmartsheetJson(' { "id" :\n 12 } '), { id: '12' });
});

test('only ID keys are IDs: `Ids`, `bid`, `Id`, upper-case and non-integer values stay as they are (an ID is decided by value: 2e3 is the integer 2000)', () => {
	const parsed = parseSmartsheetJson(
		'{"rowIds":[1,2],"bid":3,"Id":4,"ID":5,"userId":1.5,"sheetId":2e3,"ownerId":null,"columnId":"7"}',
	);
	assert.deepEqual(parsed, {
		rowIds: [1, 2],
		bid: 3,
		Id: 4,
		ID: 5,
		userId: 1.5,
		sheetId: '2000',
		ownerId: null,
		columnId: '7',
	});
});

test('an ID key is exactly `id` or `[a-z][A-Za-z]*Id`, whatever the characters around it', () => {
	const idKey = /^(id|[a-z][A-Za-z]*Id)$/;
	const keys = ['id', 'Id', 'd', '', 'xid', 'aId', 'rowId', 'rowID', 'row_Id', 'row1Id', 'ÿId'];
	for (const first of ['a', 'Z', '_', '1', 'é']) {
		for (const middle of ['', 'b', 'B', '-', '9', 'ü'])
			for (const end of ['Id', 'id', 'ID', 'Idd', 'd']) keys.push(`${first}${middle}${end}`);
	}
	for (const key of keys) {
		const parsed = parseSmartsheetJson(JSON.stringify({ [key]: 12 })) as Record<string, unknown>;
		assert.equal(parsed[key], idKey.test(key) ? '12' : 12, `key ${JSON.stringify(key)}`);
	}
});

test('one number at or above 2^53 anywhere: the text is read again, and the small IDs still become strings', () => {
	const parsed = parseSmartsheetJson(
		'{"id":5,"rows":[{"id":9007199254740993,"columnId":7,"value":1e300,"n":-9007199254740992},{"id":6}]}',
	);
	assert.deepEqual(parsed, {
		id: '5',
		rows: [
			{ id: '9007199254740993', columnId: '7', value: 1e300, n: -9007199254740992 },
			{ id: '6' },
		],
	});
});

test('digits, keys and escapes inside strings are left alone', () => {
	const text = String.raw`{"a":"\"id\":123, 9007199254740993","b":"x\\","id":5,"c":"\\\"rowId\":77","d":"tab\t 12345678901234567890 \u0022","e":"say \"columnId\":1}"}`;
	assert.deepEqual(parseSmartsheetJson(text), JSON.parse(text.replace('"id":5', '"id":"5"')));
	assert.deepEqual(
		parseSmartsheetJson('{"x\\"id":5}'),
		{ 'x"id': 5 },
		'a key ending in an escaped quote is not the ID key',
	);
});

test('a top-level long integer and one after whitespace stay exact', () => {
	assert.equal(parseSmartsheetJson('9007199254740993'), '9007199254740993');
	assert.deepEqual(parseSmartsheetJson('[ 1,\n  9007199254740993 ]'), [1, '9007199254740993']);
	assert.deepEqual(
		parseSmartsheetJson('{"permalink":"https://x/sheets/9007199254740993","n":9007199254740993}'),
		{ permalink: 'https://x/sheets/9007199254740993', n: '9007199254740993' },
	);
});

test('a compact start and a pretty-printed rest (past the layout sample): every integer above 2^53 stays exact', () => {
	const filler = `{"id":1,"name":"${'x'.repeat(5000)}",`;
	const parsed = parseSmartsheetJson(
		`${filler}"rows": [ { "id" : 9007199254740993, "total" : 12345678901234567890 } ]}`,
	) as any;
	assert.equal(parsed.id, '1');
	assert.equal(parsed.rows[0].id, '9007199254740993');
	assert.equal(parsed.rows[0].total, '12345678901234567890');
});

test('strings ending in backslashes end where JSON says', () => {
	const parsed = parseSmartsheetJson(
		String.raw`["\\",9007199254740993,"\\\\",9007199254740995,"\\\"",1]`,
	) as any;
	assert.deepEqual(parsed, ['\\', '9007199254740993', '\\\\', '9007199254740995', '\\"', 1]);
});

test('invalid JSON stays invalid: leading zeros, a number as key, trailing garbage', () => {
	for (const text of [
		'{"id":0123}',
		'{"a":0123}',
		'[-01]',
		'{"a":1,12345678901234567890:2}',
		'{12345678901234567890:1}',
		'{"id":12}x',
		'{"id":12',
	]) {
		assert.throws(() => parseSmartsheetJson(text), SyntaxError, text);
	}
	assert.deepEqual(parseSmartsheetJson('{"id":0,"a":-0,"b":0.5}'), { id: '0', a: -0, b: 0.5 });
});

test('__proto__ and constructor are ordinary own keys, as with JSON.parse', () => {
	const parsed = parseSmartsheetJson(
		'{"__proto__":{"polluted":1},"constructor":{"id":9007199254740993}}',
	) as any;
	assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
	assert.deepEqual(Object.keys(parsed), ['__proto__', 'constructor']);
	assert.equal(parsed.__proto__.polluted, 1);
	assert.equal(({} as any).polluted, undefined);
	assert.equal(parsed.constructor.id, '9007199254740993');
});

test('nesting as deep as JSON.parse takes (100,000 levels; no recursion of our own)', () => {
	const depth = 100_000;
	let inner: any = parseSmartsheetJson(`${'['.repeat(depth)}9007199254740993${']'.repeat(depth)}`);
	for (let level = 0; level < depth; level++) inner = inner[0];
	assert.equal(inner, '9007199254740993');
	assert.doesNotThrow(() =>
		parseSmartsheetJson(`${'{"a":'.repeat(depth)}{"id":1}${'}'.repeat(depth)}`),
	);
});

test('ID strings are written back as bare numbers, other strings as strings', () => {
	const text = stringifySmartsheetJson({
		id: '9007199254740993',
		cells: [{ columnId: '123', value: '456' }],
		rowIds: idArray(['9007199254740995']),
	});
	assert.equal(
		text,
		'{"id":9007199254740993,"cells":[{"columnId":123,"value":"456"}],"rowIds":[9007199254740995]}',
	);
});
