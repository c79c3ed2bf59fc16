// Smartsheet sends IDs as bare 64-bit JSON numbers, some above 2^53, where a JavaScript number
// loses digits. The emulator keeps every ID as a string of digits, and this reader and writer move
// them in and out of JSON without ever passing one through a float.
//
// Which numbers are IDs is decided by their key, as Smartsheet names them: `id`, `…Id` (sheetId,
// columnId, parentId, scopeObjectId …) and lists under `ids` / `…Ids` (rowIds, columnIds …).

const ID_KEY = /^(id|[a-z][A-Za-z0-9]*Id)$/;
const ID_LIST_KEY = /^(ids|[a-z][A-Za-z0-9]*Ids)$/;
/** Keys that end like an ID but are not one. */
const NOT_ID_KEYS = new Set(['refId']);
const MAX_DEPTH = 256;
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** A number written verbatim (an ID in a place no key names, e.g. the result list of a delete). */
export class RawNumber {
	constructor(readonly digits: string) {}
}

export class JsonSyntaxError extends Error {}

type Context = 'value' | 'id' | 'idList';

function contextOf(key: string): Context {
	if (NOT_ID_KEYS.has(key)) return 'value';
	if (ID_KEY.test(key)) return 'id';
	if (ID_LIST_KEY.test(key)) return 'idList';
	return 'value';
}

/**
 * Parses JSON. Integers in ID places come back as digit strings (exact at any size); every other
 * number is a JavaScript number, as Smartsheet holds cell numbers as doubles.
 */
export function parseJson(text: string): unknown {
	const reader = new Reader(text);
	reader.space();
	const value = reader.value('value', 0);
	reader.space();
	if (!reader.atEnd()) reader.fail('unexpected content after the JSON value');
	return value;
}

class Reader {
	private at = 0;

	constructor(private readonly text: string) {}

	atEnd(): boolean {
		return this.at >= this.text.length;
	}

	fail(what: string): never {
		throw new JsonSyntaxError(`${what} at position ${this.at}`);
	}

	space(): void {
		while (this.at < this.text.length) {
			const ch = this.text.charCodeAt(this.at);
			if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) return;
			this.at++;
		}
	}

	value(context: Context, depth: number): unknown {
		if (depth > MAX_DEPTH) this.fail('the JSON is nested too deeply');
		const ch = this.text[this.at];
		if (ch === '{') return this.object(depth);
		if (ch === '[') return this.array(context === 'idList' ? 'id' : context, depth);
		if (ch === '"') return this.string();
		if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number(context);
		for (const [word, result] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (this.text.startsWith(word, this.at)) {
				this.at += word.length;
				return result;
			}
		}
		return this.fail(
			ch === undefined
				? 'unexpected end of the JSON'
				: `unexpected character ${JSON.stringify(ch)}`,
		);
	}

	private object(depth: number): Record<string, unknown> {
		const result: Record<string, unknown> = {};
		this.at++;
		this.space();
		if (this.text[this.at] === '}') {
			this.at++;
			return result;
		}
		for (;;) {
			this.space();
			if (this.text[this.at] !== '"') this.fail('expected a property name');
			const key = this.string();
			this.space();
			if (this.text[this.at] !== ':') this.fail('expected ":"');
			this.at++;
			this.space();
			// defineProperty: a key named __proto__ stays a plain property.
			Object.defineProperty(result, key, {
				value: this.value(contextOf(key), depth + 1),
				enumerable: true,
				writable: true,
				configurable: true,
			});
			this.space();
			const next = this.text[this.at++];
			if (next === '}') return result;
			if (next !== ',') {
				this.at--;
				this.fail('expected "," or "}"');
			}
		}
	}

	private array(context: Context, depth: number): unknown[] {
		const result: unknown[] = [];
		this.at++;
		this.space();
		if (this.text[this.at] === ']') {
			this.at++;
			return result;
		}
		for (;;) {
			this.space();
			result.push(this.value(context, depth + 1));
			this.space();
			const next = this.text[this.at++];
			if (next === ']') return result;
			if (next !== ',') {
				this.at--;
				this.fail('expected "," or "]"');
			}
		}
	}

	private string(): string {
		const start = this.at;
		let end = start + 1;
		for (;;) {
			if (end >= this.text.length) this.fail('unterminated string');
			const ch = this.text[end];
			if (ch === '"') break;
			end += ch === '\\' ? 2 : 1;
		}
		this.at = end + 1;
		try {
			return JSON.parse(this.text.slice(start, end + 1)) as string; // escapes, done by the platform
		} catch {
			this.at = start;
			return this.fail('invalid string');
		}
	}

	private number(context: Context): number | string {
		NUMBER.lastIndex = this.at;
		const match = NUMBER.exec(this.text);
		if (!match) return this.fail('invalid number');
		const literal = match[0];
		this.at += literal.length;
		const integer = match[2] === undefined && match[3] === undefined;
		if (context === 'id' && integer) return literal;
		return Number(literal);
	}
}

/** A JSON integer literal (no leading zeros), the only strings written bare. */
const INTEGER = /^-?(0|[1-9]\d*)$/;

/** Node ≥ 21: JSON.rawJSON lets the platform's JSON.stringify write a number verbatim. */
const rawJSON = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;

/**
 * Writes JSON like JSON.stringify, except that digit strings in ID places (and RawNumbers) are
 * written as bare numbers, exactly as Smartsheet sends IDs.
 */
export function stringifyJson(value: unknown): string {
	if (!rawJSON) return stringifyJsonPortable(value);
	const raw = rawJSON;
	const contexts = new Map<string, Context>(); // a few dozen distinct keys per answer
	const contextFor = (key: string) => {
		let context = contexts.get(key);
		if (context === undefined) contexts.set(key, (context = contextOf(key)));
		return context;
	};
	// Called for every value of the answer (hundreds of thousands for a big sheet): cheapest tests first.
	const text = JSON.stringify(value, function (this: Record<string, unknown>, key, inner: unknown) {
		if (typeof inner === 'string') {
			if (contextFor(key) === 'id' && INTEGER.test(inner)) return raw(inner);
			// n8n-workflow gives BigInt a toJSON that returns a string; in a process that loaded it, the
			// holder still has the bigint itself.
			return typeof this[key] === 'bigint' ? raw(inner) : inner;
		}
		if (typeof inner !== 'object' || inner === null)
			return typeof inner === 'bigint' ? raw(inner.toString()) : inner;
		if (inner instanceof RawNumber) return raw(inner.digits);
		if (Array.isArray(inner) && contextFor(key) === 'idList')
			return inner.map((entry) =>
				typeof entry === 'string' && INTEGER.test(entry) ? raw(entry) : entry,
			);
		return inner;
	}) as string | undefined;
	return text ?? 'null';
}

/** The same writer in plain JavaScript, for platforms without JSON.rawJSON (slower). */
export function stringifyJsonPortable(value: unknown): string {
	const out: string[] = [];
	return write(value, 'value', out) ? out.join('') : 'null';
}

function write(value: unknown, context: Context, out: string[]): boolean {
	if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return false;
	if (value === null) out.push('null');
	else if (value instanceof RawNumber) out.push(value.digits);
	else if (typeof value === 'string')
		out.push(context === 'id' && INTEGER.test(value) ? value : JSON.stringify(value));
	else if (typeof value === 'number') out.push(Number.isFinite(value) ? String(value) : 'null');
	else if (typeof value === 'bigint') out.push(value.toString());
	else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
	else if (Array.isArray(value)) {
		const inner = context === 'idList' ? 'id' : 'value';
		out.push('[');
		value.forEach((entry, index) => {
			if (index > 0) out.push(',');
			if (!write(entry, inner, out)) out.push('null');
		});
		out.push(']');
	} else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
		return write((value as { toJSON: () => unknown }).toJSON(), context, out);
	} else {
		out.push('{');
		let first = true;
		for (const key of Object.keys(value as object)) {
			const inner = (value as Record<string, unknown>)[key];
			if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') continue;
			out.push(first ? '' : ',', JSON.stringify(key), ':');
			write(inner, contextOf(key), out);
			first = false;
		}
		out.push('}');
	}
	return true;
}
