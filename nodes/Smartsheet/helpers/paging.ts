// The two list styles most endpoints share, through the transport: page/pageSize with totals, and
// lastKey/maxItems tokens (nodes/shared/helpers/pager.ts holds the pager and every endpoint's stop rule).
import type { IDataObject } from 'n8n-workflow';

import {
	atTotalPages,
	hasDataList,
	hasListPage,
	lastKeys,
	pageNumbers,
	pages,
	type SmartsheetClient,
} from '../../shared';

export { collect } from '../../shared';

const PAGE_SIZE = 100;

/** A page/pageSize list with totals (sheets, columns, users, reports, attachments, …). */
export async function* offsetPages(
	client: SmartsheetClient,
	path: string,
	operation: string,
	qs: IDataObject = {},
	weight = 1,
): AsyncGenerator<IDataObject[]> {
	const fetchPage = async (paging: IDataObject) =>
		await client.request<{ data?: IDataObject[]; totalPages?: number; pageNumber?: number }>({
			method: 'GET',
			path,
			qs: { ...qs, ...paging },
			weight,
			operation,
			expect: hasDataList,
		});
	yield* pages(fetchPage, pageNumbers(PAGE_SIZE, atTotalPages), (answer) => answer.data);
}

/** A lastKey/maxItems list (workspaces, their children, shares, …). Most answer `data`; /shares answers `items`. */
export async function* tokenPages(
	client: SmartsheetClient,
	path: string,
	operation: string,
	qs: IDataObject = {},
): AsyncGenerator<IDataObject[]> {
	const fetchPage = async (paging: IDataObject) =>
		await client.request<{ data?: IDataObject[]; items?: IDataObject[]; lastKey?: string | null }>({
			method: 'GET',
			path,
			qs: { ...qs, ...paging },
			operation,
			expect: hasListPage,
		});
	yield* pages(fetchPage, lastKeys(PAGE_SIZE), (answer) => answer.data ?? answer.items);
}
