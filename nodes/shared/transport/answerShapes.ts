// What Smartsheet's 2xx answers look like, for `SmartsheetRequest.expect`: a 2xx without that shape
// came from something between here and Smartsheet (a proxy, a captive portal), not from the API.

/** A create or update: `{message, resultCode, result}` with the object (or list) made or changed. */
export function hasResult(body: unknown): boolean {
	const result = (body as { result?: unknown }).result;
	return result !== null && typeof result === 'object';
}

/** A sheet with its rows (perhaps none): `GET /sheets/{id}`. */
export function hasRowList(body: unknown): boolean {
	return Array.isArray((body as { rows?: unknown }).rows);
}

/** A page of a list: `{data: [...]}` (perhaps empty). */
export function hasDataList(body: unknown): boolean {
	return Array.isArray((body as { data?: unknown }).data);
}

/** A page of a token-paged list: `{data: [...]}`, or `{items: [...]}` for /shares. */
export function hasListPage(body: unknown): boolean {
	return hasDataList(body) || Array.isArray((body as { items?: unknown }).items);
}
