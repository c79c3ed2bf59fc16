// Workspaces and folders: list workspaces (token paging only, as Smartsheet requires since
// 2026), create a workspace, the children of a workspace or folder (token paging, filtered by
// childrenResourceTypes), create a folder in a workspace or a folder.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { ACCESS_RANK, type AccessLevel, type EmulatorState } from '../state';
import { words } from './query';
import { objectBody } from './sheets';
import { sheetSummary } from './shapes';
import { refuseOffsetPaging, tokenPaged } from './tokenPaging';

type Folder = EmulatorState['folders'][number];
type Workspace = EmulatorState['workspaces'][number];

const CHILD_TYPES = new Set(['sheets', 'reports', 'sights', 'folders', 'templates']);

function workspaceOut(state: EmulatorState, workspace: Workspace) {
	return {
		id: workspace.id,
		name: workspace.name,
		accessLevel: state.accessLevel(workspace.id),
		permalink: `https://app.smartsheet.com/workspaces/${workspace.id}`,
	};
}

function folderOut(folder: Folder) {
	return {
		id: folder.id,
		name: folder.name,
		permalink: `https://app.smartsheet.com/folders/${folder.id}`,
	};
}

/** The workspace of the request, checked: unknown 1006, the user's level below `needed` 1004. */
function workspaceOf(ctx: RequestContext, needed: Exclude<AccessLevel, 'NONE'>): Workspace {
	const workspace = ctx.emulator.state.workspaces.find(
		(candidate) => candidate.id === ctx.params.workspaceId,
	);
	if (!workspace) throw new ApiError(1006);
	checkLevel(ctx.emulator.state, workspace.id, needed);
	return workspace;
}

/** A folder is shared as its workspace is. */
function folderOf(ctx: RequestContext, needed: Exclude<AccessLevel, 'NONE'>): Folder {
	const folder = ctx.emulator.state.folders.find(
		(candidate) => candidate.id === ctx.params.folderId,
	);
	if (!folder) throw new ApiError(1006);
	checkLevel(ctx.emulator.state, folder.workspaceId, needed);
	return folder;
}

function checkLevel(
	state: EmulatorState,
	workspaceId: string,
	needed: Exclude<AccessLevel, 'NONE'>,
): void {
	if (ACCESS_RANK[state.accessLevel(workspaceId)] < ACCESS_RANK[needed]) throw new ApiError(1004);
}

function listWorkspaces(ctx: RequestContext): Answer {
	const paginationType = ctx.query.get('paginationType');
	if (paginationType === null) throw new ApiError(1009, ['paginationType']);
	if (paginationType !== 'token') throw new ApiError(1018, [paginationType, 'paginationType']);
	refuseOffsetPaging(ctx.query);
	const state = ctx.emulator.state;
	const visible = state.workspaces.filter(
		(workspace) => state.accessLevel(workspace.id) !== 'NONE',
	);
	return {
		body: tokenPaged(
			visible.map((workspace) => workspaceOut(state, workspace)),
			ctx.query,
		),
	};
}

/** Which child types the query asks for (all by default); templates come only with sheets. */
function childTypes(query: URLSearchParams): Set<string> {
	if (!query.has('childrenResourceTypes')) return CHILD_TYPES;
	const raw = query.get('childrenResourceTypes') ?? '';
	const types = words(query, 'childrenResourceTypes');
	if (types.size === 0 || [...types].some((type) => !CHILD_TYPES.has(type)))
		throw new ApiError(1018, [raw, 'childrenResourceTypes']);
	if (types.has('templates') && !types.has('sheets'))
		throw new ApiError(1018, [raw, 'childrenResourceTypes']);
	return types;
}

/** The immediate children of a workspace (parentFolderId undefined) or of a folder: folders, sheets, reports. */
function children(ctx: RequestContext, where: { workspaceId?: string; folderId?: string }): Answer {
	refuseOffsetPaging(ctx.query);
	const types = childTypes(ctx.query);
	const state = ctx.emulator.state;
	const byName = <T extends { name: string }>(list: T[]) =>
		[...list].sort((a, b) => a.name.localeCompare(b.name));
	const found: unknown[] = [];
	if (types.has('folders')) {
		const folders = state.folders.filter((folder) =>
			where.folderId
				? folder.parentFolderId === where.folderId
				: folder.workspaceId === where.workspaceId && !folder.parentFolderId,
		);
		found.push(
			...byName(folders).map((folder) => ({ ...folderOut(folder), resourceType: 'folder' })),
		);
	}
	if (types.has('sheets')) {
		const sheets = [...state.sheets.values()].filter(
			(sheet) =>
				state.accessLevel(sheet.id) !== 'NONE' &&
				(where.folderId
					? sheet.folderId === where.folderId
					: sheet.workspaceId === where.workspaceId && !sheet.folderId),
		);
		found.push(
			...byName(sheets).map((sheet) => ({
				...sheetSummary(ctx.emulator, sheet),
				resourceType: 'sheet',
			})),
		);
	}
	if (types.has('templates')) {
		const templates = [...state.templates.values()].filter((template) =>
			where.folderId
				? template.folderId === where.folderId
				: template.workspaceId === where.workspaceId && !template.folderId,
		);
		found.push(
			...byName(templates).map((template) => ({
				id: template.id,
				name: template.name,
				resourceType: 'template',
			})),
		);
	}
	if (types.has('reports') && where.workspaceId) {
		const reports = [...state.reports.values()].filter(
			(report) =>
				report.workspaceId === where.workspaceId && state.accessLevel(report.id) !== 'NONE',
		);
		found.push(
			...byName(reports).map((report) => ({
				id: report.id,
				name: report.name,
				accessLevel: state.accessLevel(report.id),
				permalink: `https://app.smartsheet.com/reports/${report.id}`,
				resourceType: 'report',
			})),
		);
	}
	return { body: tokenPaged(found, ctx.query) };
}

function nameOf(ctx: RequestContext): string {
	const body = objectBody(ctx);
	if (body.name === undefined || body.name === '') throw new ApiError(1012, ['name']);
	if (typeof body.name !== 'string') throw new ApiError(1008, ['name must be a string']);
	if (!body.name.trim()) throw new ApiError(1031, [JSON.stringify(body.name), 'name']);
	return body.name;
}

function created(result: unknown): Answer {
	return { body: { message: 'SUCCESS', resultCode: 0, result } };
}

function createWorkspace(ctx: RequestContext): Answer {
	const state = ctx.emulator.state;
	const workspace = { id: state.ids.id(), name: nameOf(ctx), createdAt: state.now() };
	state.workspaces.push(workspace);
	return created(workspaceOut(state, workspace));
}

function createFolder(
	ctx: RequestContext,
	parent: { workspaceId: string; parentFolderId?: string },
): Answer {
	const state = ctx.emulator.state;
	const folder: Folder = {
		id: state.ids.id(),
		name: nameOf(ctx),
		...parent,
		createdAt: state.now(),
	};
	state.folders.push(folder);
	return created(folderOut(folder));
}

export const workspaceRoutes: Route[] = [
	{ method: 'GET', path: '/2.0/workspaces', scope: 'READ_SHEETS', handler: listWorkspaces },
	{ method: 'POST', path: '/2.0/workspaces', scope: 'ADMIN_WORKSPACES', handler: createWorkspace },
	{
		method: 'GET',
		path: '/2.0/workspaces/{workspaceId}/children',
		scope: 'READ_SHEETS',
		handler: (ctx) => children(ctx, { workspaceId: workspaceOf(ctx, 'VIEWER').id }),
	},
	{
		method: 'GET',
		path: '/2.0/folders/{folderId}/children',
		scope: 'READ_SHEETS',
		handler: (ctx) => children(ctx, { folderId: folderOf(ctx, 'VIEWER').id }),
	},
	{
		method: 'POST',
		path: '/2.0/workspaces/{workspaceId}/folders',
		scope: 'ADMIN_WORKSPACES',
		handler: (ctx) => createFolder(ctx, { workspaceId: workspaceOf(ctx, 'EDITOR').id }),
	},
	{
		method: 'POST',
		path: '/2.0/folders/{folderId}/folders',
		scope: 'ADMIN_WORKSPACES',
		handler: (ctx) => {
			const parent = folderOf(ctx, 'EDITOR');
			return createFolder(ctx, { workspaceId: parent.workspaceId, parentFolderId: parent.id });
		},
	},
];
