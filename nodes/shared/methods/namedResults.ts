// What the editor pickers share: Smartsheet objects as list entries filtered by what the builder
// types, and one page of an offset-paged list as a picker page.
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { atTotalPages, onePage, pageNumbers } from '../helpers/pager';
import { editorRequest } from '../transport';

export const PAGE_SIZE = 100;

/** Whether `text` contains what the builder typed (any case; nothing typed matches all). */
export function matches(text: string, filter: string | undefined): boolean {
	return !filter || text.toLowerCase().includes(filter.toLowerCase());
}

/** Entries whose label contains `filter`, with their ID and Smartsheet link. */
export function named(
	list: IDataObject[],
	filter: string | undefined,
	label = (entry: IDataObject) => String(entry.name),
): INodeListSearchItems[] {
	return list
		.map((entry) => ({
			name: label(entry),
			value: String(entry.id),
			url: entry.permalink as string | undefined,
		}))
		.filter((entry) => matches(entry.name, filter));
}

/** One page of an offset-paged list (`/sheets`, `/reports`); the next page is the pagination token. */
export async function offsetSearch(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const style = pageNumbers(PAGE_SIZE, atTotalPages, paginationToken ? Number(paginationToken) : 1);
	const fetchPage = async (paging: IDataObject) =>
		await editorRequest<{ data?: IDataObject[]; totalPages?: number; pageNumber?: number }>(
			ctx,
			path,
			paging,
		);
	const { items, next } = await onePage(fetchPage, style, (answer) => answer.data);
	return { results: named(items, filter), paginationToken: next ? String(next.page) : undefined };
}
