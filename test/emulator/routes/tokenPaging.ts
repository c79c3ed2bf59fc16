// Smartsheet's token paging: maxItems and an opaque lastKey; the answer is {data, lastKey}
// and the last page has no lastKey. Used where Smartsheet replaced offset paging (workspaces,
// workspace and folder children).
import { ApiError } from '../errors';
import { positiveInt } from './query';

/** Default and ceiling of maxItems: not documented; 100 as for offset pages, 1000 as the largest seen. */
const DEFAULT_MAX_ITEMS = 100;
const MAX_ITEMS = 1000;

export function tokenPaged<T>(items: T[], query: URLSearchParams): { data: T[]; lastKey?: string } {
	const maxItems = Math.min(positiveInt(query, 'maxItems') ?? DEFAULT_MAX_ITEMS, MAX_ITEMS);
	const from = offsetOf(query.get('lastKey'));
	const to = from + maxItems;
	return { data: items.slice(from, to), ...(to < items.length ? { lastKey: keyFor(to) } : {}) };
}

/** Where a lastKey points; one the emulator never issued answers 1018. */
function offsetOf(lastKey: string | null): number {
	if (lastKey === null) return 0;
	const decoded = /^o(\d+)$/.exec(Buffer.from(lastKey, 'base64url').toString('latin1'));
	if (!decoded || keyFor(Number(decoded[1])) !== lastKey)
		throw new ApiError(1018, [lastKey, 'lastKey']);
	return Number(decoded[1]);
}

function keyFor(offset: number): string {
	return Buffer.from(`o${offset}`, 'latin1').toString('base64url');
}

/** Offset-paging parameters that Smartsheet removed from an endpoint (2026 deprecations). */
export function refuseOffsetPaging(query: URLSearchParams): void {
	for (const name of ['page', 'pageSize', 'includeAll']) {
		const value = query.get(name);
		if (value !== null) throw new ApiError(1018, [value, name]);
	}
}
