// Editor pickers for reports, workspaces and folders, filtered by name as the builder types.
// Reports page by offset; workspaces and folders by token (lastKey), as Smartsheet requires.
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { collect, lastKeys, onePage, pages } from '../helpers/pager';
import { editorRequest } from '../transport';
import { named, offsetSearch, PAGE_SIZE } from './namedResults';

type TokenAnswer = { data?: IDataObject[]; lastKey?: string | null };

export async function searchReports(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await offsetSearch(this, '/reports', filter, paginationToken);
}

/** One page of workspaces (after `lastKey`) and the token of the next page. */
async function workspacePage(ctx: ILoadOptionsFunctions, lastKey?: string) {
	const fetchPage = async (paging: IDataObject) =>
		await editorRequest<TokenAnswer>(ctx, '/workspaces', { paginationType: 'token', ...paging });
	const { items, next } = await onePage(
		fetchPage,
		lastKeys(PAGE_SIZE, lastKey),
		(answer) => answer.data,
	);
	return { workspaces: items, nextToken: next ? String(next.lastKey) : undefined };
}

export async function searchWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { workspaces, nextToken } = await workspacePage(this, paginationToken);
	return { results: named(workspaces, filter), paginationToken: nextToken };
}

/** The folders at the top of each workspace of one page of workspaces, as "Workspace / Folder". */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { workspaces, nextToken } = await workspacePage(this, paginationToken);
	const results: INodeListSearchItems[] = [];
	for (const workspace of workspaces) {
		const fetchPage = async (paging: IDataObject) =>
			await editorRequest<TokenAnswer>(this, `/workspaces/${String(workspace.id)}/children`, {
				childrenResourceTypes: 'folders',
				...paging,
			});
		const folders = await collect(pages(fetchPage, lastKeys(PAGE_SIZE), (answer) => answer.data));
		results.push(
			...named(folders, filter, (folder) => `${String(workspace.name)} / ${String(folder.name)}`),
		);
	}
	return { results, paginationToken: nextToken };
}
