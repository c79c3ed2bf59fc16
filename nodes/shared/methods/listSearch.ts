import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { editorRequest } from '../transport';
import { matches, named, offsetSearch, PAGE_SIZE } from './namedResults';

/** Sheets for the sheet picker, filtered by name as the builder types. */
export async function searchSheets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await offsetSearch(this, '/sheets', filter, paginationToken);
}

export { searchFolders, searchReports, searchWorkspaces } from './containerListSearch';

/** The credential's webhooks for the webhook picker (the 2026 paging: a short page is the last). */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const answer = await editorRequest<{ data?: IDataObject[] }>(this, '/webhooks', {
		page,
		pageSize: PAGE_SIZE,
	});
	const data = answer.data ?? [];
	// Matched on the name alone; the status is only shown.
	const mine = data.filter((webhook) => matches(String(webhook.name), filter));
	const results = named(
		mine,
		undefined,
		(webhook) => `${String(webhook.name)} (${String(webhook.status)})`,
	);
	return { results, paginationToken: data.length === PAGE_SIZE ? String(page + 1) : undefined };
}
