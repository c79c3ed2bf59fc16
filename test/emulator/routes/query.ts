// Query-string parameters, checked the way Smartsheet checks them: a bad value answers
// 400/1018 "The value {0} was not valid for the parameter {1}."
import { ApiError } from '../errors';

export function positiveInt(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null) return undefined;
	const value = Number(raw);
	if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1)
		throw new ApiError(1018, [raw, name]);
	return value;
}

export function flag(query: URLSearchParams, name: string): boolean {
	const raw = query.get(name);
	if (raw === null) return false;
	if (raw !== 'true' && raw !== 'false') throw new ApiError(1018, [raw, name]);
	return raw === 'true';
}

/** A comma-separated list of IDs (digits only). */
export function idList(query: URLSearchParams, name: string): string[] | undefined {
	const raw = query.get(name);
	if (raw === null) return undefined;
	const ids = raw
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
	if (ids.some((id) => !/^\d+$/.test(id))) throw new ApiError(1018, [raw, name]);
	return ids;
}

/** A comma-separated list of words (include=…, exclude=…). */
export function words(query: URLSearchParams, name: string): Set<string> {
	return new Set(
		(query.get(name) ?? '')
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean),
	);
}

/** An ISO-8601 timestamp (or epoch milliseconds), as epoch milliseconds. */
export function timestamp(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null) return undefined;
	const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
	if (!/^\d{4}-\d{2}-\d{2}/.test(raw) && !/^\d+$/.test(raw)) throw new ApiError(1018, [raw, name]);
	if (Number.isNaN(ms)) throw new ApiError(1018, [raw, name]);
	return ms;
}
