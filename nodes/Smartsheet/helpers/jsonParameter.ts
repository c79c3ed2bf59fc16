import { InvalidInput, parseSmartsheetJson } from '../../shared';

/** A JSON parameter's value; text is parsed so that IDs above 2^53 keep every digit. */
export function jsonParameter(value: unknown, what: string): unknown {
	if (typeof value !== 'string') return value;
	const parsed = parsedJson(value);
	if ('problem' in parsed) throw new InvalidInput(`${what} is not valid JSON: ${parsed.problem}`);
	return parsed.json;
}

function parsedJson(text: string): { json: unknown } | { problem: string } {
	try {
		return { json: parseSmartsheetJson(text) };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}
