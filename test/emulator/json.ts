// Smartsheet sends IDs as bare 64-bit JSON numbers, some above 2^53. The emulator keeps every ID
// as a string of digits and reads and writes JSON without ever passing an ID through a float.

const ID_KEY = /^(id|[a-z][A-Za-z]*Id)$/;

/** A number written as-is into JSON (for ID arrays, where no key says "this is an ID"). */
export class RawNumber {
	constructor(readonly digits: string) {}
}

/** Parses JSON; integers of 16+ digits and every ID field come back as digit strings. */
export function parseJson(text: string): unknown {
	return normalize(JSON.parse(quoteLongIntegers(text)), '');
}

function quoteLongIntegers(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; ) {
		const ch = text[i];
		if (ch === '"') {
			let end = i + 1;
			while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			out += text.slice(i, end + 1);
			i = end + 1;
		} else if (ch === '-' || (ch >= '0' && ch <= '9')) {
			let end = i + 1;
			while (end < text.length && /[0-9eE.+-]/.test(text[end])) end++;
			const literal = text.slice(i, end);
			out += /^-?\d{16,}$/.test(literal) ? `"${literal}"` : literal;
			i = end;
		} else {
			out += ch;
			i++;
		}
	}
	return out;
}

function normalize(value: unknown, key: string): unknown {
	if (Array.isArray(value)) return value.map((entry) => normalize(entry, key));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([inner, v]) => [inner, normalize(v, inner)]));
	}
	if (typeof value === 'number' && Number.isInteger(value) && (ID_KEY.test(key) || /Ids$/.test(key))) return String(value);
	return value;
}

/** Writes JSON with ID fields (digit strings under id / *Id keys) and RawNumbers as bare numbers. */
export function stringifyJson(value: unknown): string {
	const marker = `\u0001id${Math.random().toString(36).slice(2)}:`;
	const text = JSON.stringify(value, (key, inner) => {
		if (inner instanceof RawNumber) return `${marker}${inner.digits}`;
		if (typeof inner === 'string' && ID_KEY.test(key) && /^-?\d+$/.test(inner)) return `${marker}${inner}`;
		return inner;
	});
	const escaped = JSON.stringify(marker).slice(1, -1);
	return text.replace(new RegExp(`"${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-?\\d+)"`, 'g'), '$1');
}
