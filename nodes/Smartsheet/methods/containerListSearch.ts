// Editor pickers for reports, workspaces and folders, filtered by name as the builder types.
// Reports page by offset; workspaces and folders by token (lastKey), as Smartsheet requires.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { editorRequest } from '../transport/editorRequest';
import { named, offsetSearch, PAGE_SIZE } from './namedResults';

export async function searchReports(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await offsetSearch(this, '/reports', filter, paginationToken);
}

async function workspacePage(ctx: ILoadOptionsFunctions, lastKey?: string) {
	return await editorRequest<{ data?: IDataObject[]; lastKey?: string }>(ctx, '/workspaces', {
		paginationType: 'token',
		maxItems: PAGE_SIZE,
		...(lastKey ? { lastKey } : {}),
	});
}

export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const answer = await workspacePage(this, paginationToken);
	return { results: named(answer.data ?? [], filter), paginationToken: answer.lastKey || undefined };
}

/** The folders at the top of each workspace of one page of workspaces, as "Workspace / Folder". */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const workspaces = await workspacePage(this, paginationToken);
	const results: INodeListSearchItems[] = [];
	for (const workspace of workspaces.data ?? []) {
		let lastKey: string | undefined;
		do {
			const children = await editorRequest<{ data?: IDataObject[]; lastKey?: string }>(this, `/workspaces/${String(workspace.id)}/children`, {
				childrenResourceTypes: 'folders',
				maxItems: PAGE_SIZE,
				...(lastKey ? { lastKey } : {}),
			});
			results.push(...named(children.data ?? [], filter, (folder) => `${String(workspace.name)} / ${String(folder.name)}`));
			lastKey = children.lastKey || undefined;
		} while (lastKey);
	}
	return { results, paginationToken: workspaces.lastKey || undefined };
}
