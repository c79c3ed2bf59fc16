// What the editor pickers share: Smartsheet objects as list entries filtered by what the builder
// types, and one page of an offset-paged list as a picker page.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { editorRequest } from '../transport/editorRequest';

export const PAGE_SIZE = 100;

/** Whether `text` contains what the builder typed (any case; nothing typed matches all). */
export function matches(text: string, filter: string | undefined): boolean {
	return !filter || text.toLowerCase().includes(filter.toLowerCase());
}

/** Entries whose label contains `filter`, with their ID and Smartsheet link. */
export function named(list: IDataObject[], filter: string | undefined, label = (entry: IDataObject) => String(entry.name)): INodeListSearchItems[] {
	return list
		.map((entry) => ({ name: label(entry), value: String(entry.id), url: entry.permalink as string | undefined }))
		.filter((entry) => matches(entry.name, filter));
}

/** One page of an offset-paged list (`/sheets`, `/reports`); the next page is the pagination token. */
export async function offsetSearch(ctx: ILoadOptionsFunctions, path: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const answer = await editorRequest<{ data?: IDataObject[]; totalPages?: number }>(ctx, path, { page, pageSize: PAGE_SIZE });
	return { results: named(answer.data ?? [], filter), paginationToken: page < (answer.totalPages ?? 1) ? String(page + 1) : undefined };
}
