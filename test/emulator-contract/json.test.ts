// The emulator's lossless JSON reader and writer: IDs of any size survive both ways.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	JsonSyntaxError,
	parseJson,
	RawNumber,
	stringifyJson,
	stringifyJsonPortable,
} from '../emulator/json';

describe('lossless JSON', () => {
	test('integers in ID places come back as exact digit strings; other numbers stay numbers', () => {
		const parsed = parseJson(
			'{"id":9007199254740993,"sheetId":1,"rowIds":[9007199254740995,2],"parentId":"12","value":9007199254740993,"refId":123,"n":1.5}',
		) as any;
		assert.deepEqual(parsed, {
			id: '9007199254740993',
			sheetId: '1',
			rowIds: ['9007199254740995', '2'],
			parentId: '12',
			value: 9007199254740992,
			refId: 123,
			n: 1.5,
		});
	});

	for (const [name, writer] of [
		['JSON.rawJSON', stringifyJson],
		['portable', stringifyJsonPortable],
	] as const) {
		test(`${name} writer: digit strings in ID places and RawNumbers are written bare; everything else like JSON.stringify`, () => {
			const value = {
				id: '9007199254740993',
				columnId: 'abc',
				rowIds: ['9007199254740995', 'x'],
				refId: '123456789012',
				name: '42',
				zero: '007',
				ownerId: '007',
				result: [new RawNumber('9007199254740997')],
				skip: undefined,
				n: NaN,
				big: 12n,
				nested: [{ sheetId: '7' }],
			};
			assert.equal(
				writer(value),
				'{"id":9007199254740993,"columnId":"abc","rowIds":[9007199254740995,"x"],"refId":"123456789012","name":"42","zero":"007","ownerId":"007","result":[9007199254740997],"n":null,"big":12,"nested":[{"sheetId":7}]}',
			);
			const plain = {
				a: [1, 'two', true, null, { b: 'é\n"', at: new Date(0) }],
				c: -0.5e-7,
				d: [undefined],
			};
			assert.equal(writer(plain), JSON.stringify(plain));
			assert.equal(writer(undefined), 'null');
		});
	}

	test('round trip: what is written reads back the same', () => {
		const text =
			'{"id":18446744073709551615,"cells":[{"columnId":9223372036854775807,"value":"x"}]}';
		assert.equal(stringifyJson(parseJson(text)), text);
	});

	test('syntax errors name the position; deep nesting and __proto__ are safe', () => {
		for (const bad of [
			'',
			'{',
			'{"a":}',
			'[1,]',
			'{"a" 1}',
			'tru',
			'"\\x"',
			'01',
			'{"a":1} x',
			'['.repeat(10_000),
		]) {
			assert.throws(() => parseJson(bad), JsonSyntaxError, bad.slice(0, 20));
		}
		assert.throws(() => parseJson('{"a":}'), /at position 5/);
		const parsed = parseJson('{"__proto__":{"polluted":1}}') as any;
		assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
		assert.deepEqual(Object.keys(parsed), ['__proto__']);
		assert.equal(({} as any).polluted, undefined);
	});
});
