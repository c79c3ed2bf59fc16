import type { IDataObject } from 'n8n-workflow';

import type { SmartsheetClient } from '../transport';

const PAGE_SIZE = 100;

/** Smartsheet's offset paging: stops at totalPages (a page past the end repeats the last one). */
export async function* offsetPages(
	client: SmartsheetClient,
	path: string,
	operation: string,
	qs: IDataObject = {},
	weight = 1,
): AsyncGenerator<IDataObject[]> {
	for (let page = 1; ; page++) {
		const answer = await client.request<{ data?: IDataObject[]; totalPages?: number; pageNumber?: number }>({
			method: 'GET',
			path,
			qs: { ...qs, page, pageSize: PAGE_SIZE },
			weight,
			operation,
		});
		yield answer.data ?? [];
		const totalPages = answer.totalPages ?? 1;
		if ((answer.pageNumber ?? page) >= totalPages || totalPages < 0) return;
	}
}

/** Every entry of the pages, or the first `limit` (then no further page is requested). */
export async function collectPages(pages: AsyncGenerator<IDataObject[]>, limit?: number): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	for await (const page of pages) {
		entries.push(...page);
		if (limit !== undefined && entries.length >= limit) return entries.slice(0, limit);
	}
	return entries;
}
