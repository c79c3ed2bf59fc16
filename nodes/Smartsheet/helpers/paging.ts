import type { IDataObject } from 'n8n-workflow';

import { hasDataList, type SmartsheetClient } from '../transport';

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
			expect: hasDataList,
		});
		yield answer.data ?? [];
		const totalPages = answer.totalPages ?? 1;
		if ((answer.pageNumber ?? page) >= totalPages || totalPages < 0) return;
	}
}

const TOKEN_PAGE_SIZE = 100;

/** Smartsheet's token paging (maxItems, lastKey): stops at the page that carries no lastKey. */
export async function* tokenPages(
	client: SmartsheetClient,
	path: string,
	operation: string,
	qs: IDataObject = {},
): AsyncGenerator<IDataObject[]> {
	let lastKey: string | undefined;
	do {
		const answer = await client.request<{ data?: IDataObject[]; lastKey?: string | null }>({
			method: 'GET',
			path,
			qs: { ...qs, maxItems: TOKEN_PAGE_SIZE, ...(lastKey ? { lastKey } : {}) },
			operation,
			expect: hasDataList,
		});
		yield answer.data ?? [];
		lastKey = answer.lastKey || undefined;
	} while (lastKey);
}

/** The items of all pages, or of as many as `limit` needs (later pages are never requested). */
export async function collect<T>(pages: AsyncGenerator<T[]>, limit?: number): Promise<T[]> {
	const items: T[] = [];
	for await (const page of pages) {
		items.push(...page);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
	}
	return items;
}
