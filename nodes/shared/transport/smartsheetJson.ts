// Smartsheet IDs are 64-bit integers; JavaScript numbers lose digits above 2^53. Responses are
// parsed so that every ID becomes a string, and requests write ID strings back as bare numbers.

const ID_KEY = /^(id|[a-z][A-Za-z]*Id)$/;
const LONG_INTEGER = 16; // digits from which an integer may exceed Number.MAX_SAFE_INTEGER

/** JSON.parse that keeps long integers as strings and turns every ID field into a string. */
export function parseSmartsheetJson(text: string): unknown {
	return normalizeIds(JSON.parse(quoteLongIntegers(text)));
}

/** Wraps integer literals of 16+ digits (outside strings) in quotes, so they survive parsing. */
function quoteLongIntegers(text: string): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (ch === '"') {
			const end = endOfString(text, i);
			out += text.slice(i, end);
			i = end;
		} else if (ch === '-' || (ch >= '0' && ch <= '9')) {
			let end = i + 1;
			while (end < text.length && /[0-9eE.+-]/.test(text[end])) end++;
			const literal = text.slice(i, end);
			const digits = literal.replace('-', '');
			out += /^-?\d+$/.test(literal) && digits.length >= LONG_INTEGER ? `"${literal}"` : literal;
			i = end;
		} else {
			out += ch;
			i++;
		}
	}
	return out;
}

function endOfString(text: string, start: number): number {
	let i = start + 1;
	while (i < text.length) {
		if (text[i] === '\\') i += 2;
		else if (text[i] === '"') return i + 1;
		else i++;
	}
	return text.length;
}

function normalizeIds(value: unknown, key = ''): unknown {
	if (Array.isArray(value)) return value.map((entry) => normalizeIds(entry, key));
	if (value !== null && typeof value === 'object') {
		const result: Record<string, unknown> = {};
		for (const [innerKey, inner] of Object.entries(value)) result[innerKey] = normalizeIds(inner, innerKey);
		return result;
	}
	if (typeof value === 'number' && Number.isInteger(value) && ID_KEY.test(key)) return String(value);
	return value;
}

/** JSON.stringify that writes digit-string IDs (and ID arrays) as bare JSON numbers. */
export function stringifySmartsheetJson(value: unknown): string {
	const marker = `__ssid_${Math.random().toString(36).slice(2)}__`;
	const json = JSON.stringify(value, function (this: unknown, key: string, inner: unknown) {
		const holderKey = Array.isArray(this) ? '' : key;
		if (typeof inner === 'string' && /^\d+$/.test(inner) && (ID_KEY.test(holderKey) || isIdArrayEntry(this))) {
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
