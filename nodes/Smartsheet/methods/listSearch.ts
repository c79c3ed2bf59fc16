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
