// Smartsheet IDs are 64-bit integers; JavaScript numbers lose digits above 2^53. Responses are
// parsed so that every ID becomes a string, and requests write ID strings back as bare numbers.

const ID_KEY = /^(id|[a-z][A-Za-z]*Id)$/;
const MAX_EXACT = '9007199254740992'; // 2^53: every integer up to it is exact as a number
const INTEGER = /^-?(0|[1-9][0-9]*)$/;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * JSON.parse that keeps integers above 2^53 exact (as strings) and turns the integer value of
 * every ID field (`id`, `rowId`, `columnId`, …) into a string. The native JSON.parse reads the
 * text, so grammar, `__proto__` keys and nesting depth are exactly its own; a walk over the result
 * then writes the IDs as strings (`npm run bench -- parse`: mostly 1.2–1.4× a plain JSON.parse, the
 * previous quote-in-the-text parser beside it 2–2.3×).
 * Only when some number is 2^53 or more in magnitude, where a double may have lost digits, is the
 * text read again with those integers quoted first.
 */
export function parseSmartsheetJson(text: string): unknown {
	const parsed: unknown = JSON.parse(text);
	if (idsToStrings(parsed)) return parsed;
	const exact: unknown = JSON.parse(quoteLongIntegers(text));
	idsToStrings(exact);
	return exact;
}

const EXACT_LIMIT = 2 ** 53; // below it in magnitude, every integer is exact as a double

/**
 * Writes every integer under an ID key as its digit string, in place and without recursion (the
 * depth JSON.parse accepts is the depth we accept). Returns false when some number may have lost
 * digits (2^53 or more in magnitude).
 */
function idsToStrings(root: unknown): boolean {
	let exact = true;
	const pending: unknown[] = [root];
	while (pending.length > 0) {
		const value = pending.pop();
		if (typeof value === 'number') {
			if (!isExact(value)) exact = false; // only the root can be a bare number here
		} else if (Array.isArray(value)) {
			for (let index = 0; index < value.length; index++) {
				const entry: unknown = value[index];
				if (typeof entry === 'object' && entry !== null) pending.push(entry);
				else if (typeof entry === 'number' && !isExact(entry)) exact = false;
			}
		} else if (typeof value === 'object' && value !== null) {
			const record = value as Record<string, unknown>;
			// JSON.parse's objects inherit nothing enumerable, so for…in sees their own keys (fast).
			for (const key in record) {
				const entry = record[key];
				if (typeof entry === 'number') {
					if (!isExact(entry)) exact = false;
					if (Number.isInteger(entry) && isIdKey(key)) record[key] = String(entry);
				} else if (typeof entry === 'object' && entry !== null) pending.push(entry);
			}
		}
	}
	return exact;
}

function isExact(value: number): boolean {
	return value < EXACT_LIMIT && value > -EXACT_LIMIT;
}

/**
 * `id` or `[a-z][A-Za-z]*Id` (ID_KEY), by character codes: a regex per key made the whole parse
 * about a tenth slower.
 */
function isIdKey(key: string): boolean {
	const last = key.length - 1;
	if (key.charCodeAt(last) !== 0x64) return false; // d
	const beforeLast = key.charCodeAt(last - 1);
	if (beforeLast === 0x69) return last === 1; // "id"
	if (beforeLast !== 0x49 || last < 2 || !isLowerCase(key.charCodeAt(0))) return false; // …Id
	for (let index = 1; index < last - 1; index++) {
		const code = key.charCodeAt(index);
		if (!isLowerCase(code) && !(code >= 0x41 && code <= 0x5a)) return false;
	}
	return true;
}

function isLowerCase(code: number): boolean {
	return code >= 0x61 && code <= 0x7a;
}

/** The text with every integer above 2^53 outside strings in quotes (a tokenizer, for the rare case). */
function quoteLongIntegers(text: string): string {
	let out = '';
	let copied = 0;
	let afterColon = false; // a number here is an object's value, not a (malformed) key
	const inArray: boolean[] = []; // per open container: array (true) or object (false)
	let i = 0;
	const length = text.length;
	while (i < length) {
		const code = text.charCodeAt(i);
		if (code === QUOTE) {
			i = endOfString(text, i);
			afterColon = false;
		} else if (code === MINUS || isDigit(code)) {
			let end = i + 1;
			while (end < length && isNumberChar(text.charCodeAt(end))) end++;
			const literal = text.slice(i, end);
			const isValue = afterColon || inArray[inArray.length - 1] !== false;
			if (isValue && INTEGER.test(literal) && isLong(literal)) {
				out += `${text.slice(copied, i)}"${literal}"`;
				copied = end;
			}
			afterColon = false;
			i = end;
		} else {
			if (code === COLON) afterColon = true;
			else if (code === OPEN_OBJECT) inArray.push(false);
			else if (code === OPEN_ARRAY) inArray.push(true);
			else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) inArray.pop();
			if (code === COMMA) afterColon = false;
			i++;
		}
	}
	return copied === 0 ? text : out + text.slice(copied);
}

/** The index just past the closing quote of the string opening at `start`. */
function endOfString(text: string, start: number): number {
	let quote = text.indexOf('"', start + 1);
	while (quote !== -1) {
		let backslashes = 0;
		while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
		if (backslashes % 2 === 0) return quote + 1;
		quote = text.indexOf('"', quote + 1);
	}
	return text.length;
}

function isDigit(code: number): boolean {
	return code >= ZERO && code <= NINE;
}

function isNumberChar(code: number): boolean {
	return (
		isDigit(code) ||
		code === 0x2e ||
		code === 0x65 ||
		code === 0x45 ||
		code === 0x2b ||
		code === MINUS
	); // . e E + -
}

/** Above 2^53 in magnitude: from there a double no longer holds every integer. */
function isLong(literal: string): boolean {
	const digits = literal.charCodeAt(0) === MINUS ? literal.slice(1) : literal;
	return (
		digits.length > MAX_EXACT.length || (digits.length === MAX_EXACT.length && digits > MAX_EXACT)
	);
}

/** JSON.stringify that writes digit-string IDs (and ID arrays) as bare JSON numbers. */
export function stringifySmartsheetJson(value: unknown): string {
	const marker = `__ssid_${Math.random().toString(36).slice(2)}__`;
	const json = JSON.stringify(value, function (this: unknown, key: string, inner: unknown) {
		const holderKey = Array.isArray(this) ? '' : key;
		if (
			typeof inner === 'string' &&
			/^\d+$/.test(inner) &&
			(ID_KEY.test(holderKey) || isIdArrayEntry(this))
		) {
			return `${marker}${inner}`;
		}
		return inner;
	});
	return json.replace(new RegExp(`"${marker}(\\d+)"`, 'g'), '$1');
}

// Arrays of IDs (rowIds, columnIds) are marked by the key that holds them.
const idArrayHolders = new WeakSet<object>();
function isIdArrayEntry(holder: unknown): boolean {
	return Array.isArray(holder) && idArrayHolders.has(holder);
}

/** Marks an array of ID strings so the serializer writes its entries as bare numbers. */
export function idArray(ids: string[]): string[] {
	const copy = [...ids];
	idArrayHolders.add(copy);
	return copy;
}
