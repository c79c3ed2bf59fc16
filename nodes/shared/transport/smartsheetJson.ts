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
 * every ID field (`id`, `rowId`, `columnId`, …) into a string. The quoting happens in the text and
 * the native JSON.parse does the rest, so grammar, `__proto__` keys and nesting depth are exactly
 * JSON.parse's (measured in `npm run bench`: a plain JSON.parse plus a fraction).
 */
export function parseSmartsheetJson(text: string): unknown {
	const withIds = isPretty(text) ? text.replace(ID_FIELD, '$1"$2"') : quoteCompactIdFields(text);
	return JSON.parse(hasLongDigits(withIds) ? quoteLongIntegers(withIds) : withIds);
}

// Whitespace around a key's colon: not Smartsheet's compact JSON, so the regex finds the IDs.
const PRETTY = /"[ \t\n\r]+:|"[ \t\n\r]*:[ \t\n\r]/;
// A document is laid out one way throughout, so its start tells (a scan of a whole 9 MiB sheet
// costs a tenth of its parse). Should a document change layout later, IDs there stay numbers and
// hasLongDigits still keeps every integer above 2^53 exact.
const LAYOUT_SAMPLE = 4096;

function isPretty(text: string): boolean {
	return PRETTY.test(text.length > LAYOUT_SAMPLE ? text.slice(0, LAYOUT_SAMPLE) : text);
}

/** Whether an integer of 16 or more digits may stand where a value starts (then the tokenizer decides). */
function hasLongDigits(text: string): boolean {
	return LONG_DIGITS.test(text) || LEADING_LONG_DIGITS.test(text);
}

// An ID key, its colon and a valid integer that ends the value (so `0123` or `1.5` never match).
// Inside a JSON string both quotes of `"key"` would be escaped, and the look-behind refuses that.
const ID_FIELD =
	/(?<!\\)("(?:id|[a-z][A-Za-z]*Id)"[ \t\n\r]*:[ \t\n\r]*)(-?(?:0|[1-9][0-9]*))(?=[ \t\n\r]*[,}\]])/g;
// 16 digits where a value starts: maybe an integer above 2^53 that is not an ID (digits in a
// string, as in a permalink, rarely follow `:`, `,` or `[`; when they do, the tokenizer decides).
// (Two expressions: an alternation with `^` is tried at every position and costs twice as much.)
const LONG_DIGITS = /[:,[][ \t\n\r]*-?[0-9]{16}/;
const LEADING_LONG_DIGITS = /^[ \t\n\r]*-?[0-9]{16}/;

/**
 * ID_FIELD for compact JSON, jumping between `d":` with native indexOf (several times faster on
 * Node 20 than the regex): every ID key ends in `id":` or `Id":`.
 */
function quoteCompactIdFields(text: string): string {
	let out = '';
	let copied = 0; // text before this index is already in `out`
	let at = text.indexOf('d":');
	while (at !== -1) {
		const valueStart = at + 3;
		const end = integerEnd(text, valueStart);
		if (end !== -1 && isIdKeyEndingAt(text, at)) {
			out += `${text.slice(copied, valueStart)}"${text.slice(valueStart, end)}"`;
			copied = end;
		}
		at = text.indexOf('d":', valueStart);
	}
	return copied === 0 ? text : out + text.slice(copied);
}

/** The end of a valid JSON integer starting at `start` that ends its value, or -1. */
function integerEnd(text: string, start: number): number {
	let end = text.charCodeAt(start) === MINUS ? start + 1 : start;
	const digits = end;
	while (isDigit(text.charCodeAt(end))) end++;
	if (end === digits || (text.charCodeAt(digits) === ZERO && end - digits > 1)) return -1;
	const next = text.charCodeAt(end);
	return next === COMMA || next === CLOSE_OBJECT || next === CLOSE_ARRAY ? end : -1;
}

/** Whether the `d` at `d` ends a key `"id"` or `"[a-z][A-Za-z]*Id"` whose opening quote is not escaped. */
function isIdKeyEndingAt(text: string, d: number): boolean {
	const before = text.charCodeAt(d - 1);
	if (before === 0x69)
		return text.charCodeAt(d - 2) === QUOTE && text.charCodeAt(d - 3) !== BACKSLASH; // "id"
	if (before !== 0x49) return false; // …Id
	let i = d - 2;
	while (isLetter(text.charCodeAt(i))) i--;
	const first = text.charCodeAt(i + 1);
	return (
		i < d - 2 &&
		text.charCodeAt(i) === QUOTE &&
		first >= 0x61 &&
		first <= 0x7a &&
		text.charCodeAt(i - 1) !== BACKSLASH
	);
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

function isLetter(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
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
