import type { IDataObject } from 'n8n-workflow';

import type { SmartsheetClient } from '../transport';

const PAGE_SIZE = 100;

/** Smartsheet's offset paging: stops at totalPages (a page past the end repeats the last one). */
export async function* offsetPages(
	client: SmartsheetClient,
	path: string,
	operation: string,
	qs: IDataObject = {},
): AsyncGenerator<IDataObject[]> {
	for (let page = 1; ; page++) {
		const answer = await client.request<{ data?: IDataObject[]; totalPages?: number; pageNumber?: number }>({
			method: 'GET',
			path,
			qs: { ...qs, page, pageSize: PAGE_SIZE },
			operation,
		});
		yield answer.data ?? [];
		const totalPages = answer.totalPages ?? 1;
		if ((answer.pageNumber ?? page) >= totalPages || totalPages < 0) return;
	}
}
