import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { editorRequest } from '../transport/editorRequest';

/** Sheets for the sheet picker, filtered by name as the builder types. */
export async function searchSheets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const answer = await editorRequest<{ data?: IDataObject[]; totalPages?: number }>(this, '/sheets', { page, pageSize: 100 });
	const wanted = (filter ?? '').toLowerCase();
	const results = (answer.data ?? [])
		.filter((sheet) => !wanted || String(sheet.name).toLowerCase().includes(wanted))
		.map((sheet) => ({ name: String(sheet.name), value: String(sheet.id), url: sheet.permalink as string | undefined }));
	return { results, paginationToken: page < (answer.totalPages ?? 1) ? String(page + 1) : undefined };
}

export { searchFolders, searchReports, searchWorkspaces } from './containerListSearch';

/** The credential's webhooks for the webhook picker (the 2026 paging: a short page is the last). */
export async function searchWebhooks(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const pageSize = 100;
	const answer = await editorRequest<{ data?: IDataObject[] }>(this, '/webhooks', { page, pageSize });
	const data = answer.data ?? [];
	const wanted = (filter ?? '').toLowerCase();
	const results = data
		.filter((webhook) => !wanted || String(webhook.name).toLowerCase().includes(wanted))
		.map((webhook) => ({ name: `${String(webhook.name)} (${String(webhook.status)})`, value: String(webhook.id) }));
	return { results, paginationToken: data.length === pageSize ? String(page + 1) : undefined };
}
