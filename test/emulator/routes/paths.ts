// Where an object lives (June 2026, https://developers.smartsheet.com/api/smartsheet/openapi/sheets):
// GET /{sheets|reports|sights|folders}/{id}/path answers a chain from the workspace down:
// {id, name, permalink, accessLevel, folders?: [node], sheets?|reports?|sights?: [leaf]}. Only with
// access to the workspace is it shown; otherwise (or in Home) the answer is the leaf alone [I].
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { isoSeconds, type EmulatorState } from '../state';

type Place = { workspaceId?: string; folderId?: string };
type Leaf = { id: string; name: string; createdAt?: number; modifiedAt?: number };
type Kind = 'sheets' | 'reports' | 'sights' | 'folders';

const PERMALINK: Record<Kind, string> = {
	sheets: 'sheets',
	reports: 'reports',
	sights: 'dashboards',
	folders: 'folders',
};

function find(state: EmulatorState, kind: Kind, id: string): (Leaf & Place) | undefined {
	if (kind === 'sheets') return state.sheets.get(id);
	if (kind === 'reports') return state.reports.get(id);
	if (kind === 'sights') return state.sights.find((sight) => sight.id === id);
	const folder = state.folders.find((candidate) => candidate.id === id);
	return folder && { ...folder, folderId: folder.parentFolderId };
}

/** The folders from the workspace's top down to `folderId`. */
function folderChain(state: EmulatorState, folderId: string | undefined): EmulatorState['folders'] {
	const chain: EmulatorState['folders'] = [];
	for (let id = folderId; id; ) {
		const folder = state.folders.find((candidate) => candidate.id === id);
		if (!folder) break;
		chain.unshift(folder);
		id = folder.parentFolderId;
	}
	return chain;
}

function pathOf(ctx: RequestContext, kind: Kind): Answer {
	const state = ctx.emulator.state;
	const id = ctx.params.objectId;
	const found = find(state, kind, id);
	if (!found) throw new ApiError(1006);
	const level = state.accessLevel(kind === 'folders' ? (found.workspaceId ?? id) : id);
	if (level === 'NONE') throw new ApiError(1004);
	const stamp = (ms: number | undefined) => (ms === undefined ? {} : { createdAt: isoSeconds(ms) });
	const leaf = {
		id: found.id,
		name: found.name,
		permalink: `https://app.smartsheet.com/${PERMALINK[kind]}/${found.id}`,
		accessLevel: level,
		...stamp(found.createdAt),
		...(found.modifiedAt === undefined ? {} : { modifiedAt: isoSeconds(found.modifiedAt) }),
	};
	// Build from the inside out: the object, then each folder around it, then the workspace.
	let inner: Record<string, unknown> =
		kind === 'folders' ? { folders: [leaf] } : { [kind]: [leaf] };
	const folders = folderChain(state, found.folderId);
	for (const folder of [...folders].reverse()) {
		inner = {
			folders: [
				{
					id: folder.id,
					name: folder.name,
					permalink: `https://app.smartsheet.com/folders/${folder.id}`,
					...inner,
				},
			],
		};
	}
	// A sheet made in a folder knows only its folder; the folder knows its workspace.
	const workspaceId = found.workspaceId ?? folders[0]?.workspaceId;
	const workspace = state.workspaces.find((candidate) => candidate.id === workspaceId);
	if (!workspace || state.accessLevel(workspace.id) === 'NONE')
		return { body: kind === 'folders' ? { folders: [leaf] } : { [kind]: [leaf] } };
	return {
		body: {
			id: workspace.id,
			name: workspace.name,
			permalink: `https://app.smartsheet.com/workspaces/${workspace.id}`,
			accessLevel: state.accessLevel(workspace.id),
			...inner,
		},
	};
}

export const pathRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/sheets/{objectId}/path',
		scope: 'READ_SHEETS',
		handler: (ctx) => pathOf(ctx, 'sheets'),
	},
	{
		method: 'GET',
		path: '/2.0/reports/{objectId}/path',
		scope: 'READ_SHEETS',
		handler: (ctx) => pathOf(ctx, 'reports'),
	},
	{
		method: 'GET',
		path: '/2.0/sights/{objectId}/path',
		scope: 'READ_SIGHTS',
		handler: (ctx) => pathOf(ctx, 'sights'),
	},
	{
		method: 'GET',
		path: '/2.0/folders/{objectId}/path',
		scope: 'READ_SHEETS',
		handler: (ctx) => pathOf(ctx, 'folders'),
	},
];
