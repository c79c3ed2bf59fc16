// The exact-ID parsers measured beside the package's own in `npm run bench -- parse`, so the
// choice stays a measurement: each keeps every ID and every integer above 2^53 exact on the bench
// sheet (checked there against the package's result before it is timed).

const ID_KEY = /^(id|[a-z][A-Za-z]*Id)$/;
const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const EXACT_LIMIT = 2 ** 53;

/**
 * The previous parser: a single pass quoting every ID integer in the text, jumping between `d":`
 * with native indexOf, then one native JSON.parse (after a check for other long integers).
 */
export function quoteIdsThenParse(text: string): unknown {
	let out = '';
	let copied = 0;
	let at = text.indexOf('d":');
	while (at !== -1) {
		const valueStart = at + 3;
		let end = text.charCodeAt(valueStart) === 0x2d ? valueStart + 1 : valueStart;
		while (text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
		const next = text.charCodeAt(end);
		if (end > valueStart && (next === 0x2c || next === 0x7d) && idKeyEndsAt(text, at)) {
			out += `${text.slice(copied, valueStart)}"${text.slice(valueStart, end)}"`;
			copied = end;
		}
		at = text.indexOf('d":', valueStart);
	}
	const quoted = copied === 0 ? text : out + text.slice(copied);
	if (/[:,[][ \t\n\r]*-?[0-9]{16}/.test(quoted)) throw new Error('long integers: not benchmarked');
	return JSON.parse(quoted);
}

/** Whether the `d` at `d` ends a key `"id"` or `"[a-z][A-Za-z]*Id"` whose opening quote is not escaped. */
function idKeyEndsAt(text: string, d: number): boolean {
	const before = text.charCodeAt(d - 1);
	if (before === 0x69) return text.charCodeAt(d - 2) === 0x22 && text.charCodeAt(d - 3) !== 0x5c;
	if (before !== 0x49) return false;
	let i = d - 2;
	while (isLetter(text.charCodeAt(i))) i--;
	const first = text.charCodeAt(i + 1);
	return (
		i < d - 2 &&
		text.charCodeAt(i) === 0x22 &&
		first >= 0x61 &&
		first <= 0x7a &&
		text.charCodeAt(i - 1) !== 0x5c
	);
}

function isLetter(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

type SourceContext = { source?: string };

/**
 * JSON.parse with a reviver reading each number's source text (Node 22 and later; on Node 20
 * `context` is undefined and this returns undefined, so the bench skips it).
 */
export function reviverWithSource(text: string): unknown {
	let hasSource = false;
	const parsed: unknown = JSON.parse(text, function (
		this: unknown,
		key: string,
		value: unknown,
		context?: SourceContext,
	) {
		if (typeof value !== 'number' || context?.source === undefined) return value;
		hasSource = true;
		const source = context.source;
		if (!Array.isArray(this) && ID_KEY.test(key) && INTEGER.test(source)) return source;
		if ((value >= EXACT_LIMIT || value <= -EXACT_LIMIT) && INTEGER.test(source)) return source;
		return value;
	} as (this: unknown, key: string, value: unknown) => unknown);
	return hasSource ? parsed : undefined;
}
