// Unified sharing (2025, https://developers.smartsheet.com/api/smartsheet/guides/updating-code/migrate-from-legacy-sharing):
// /shares?assetType=sheet|report|sight|workspace&assetId=… lists (token paging, the list in `items`),
// creates (a list of {email | groupId, accessLevel}), reads, updates (PATCH {accessLevel}) and
// deletes shares. Reading needs VIEWER on the asset, sharing ADMIN; share IDs are alphanumeric.
import type { Answer, RequestContext, Route } from '../context';
import { authenticate } from '../auth';
import { ApiError } from '../errors';
import {
	ACCESS_RANK,
	isoSeconds,
	type AccessLevel,
	type EmulatorState,
	type Share,
} from '../state';
import { flag } from './query';
import { tokenPaged } from './tokenPaging';

const ACCESS_LEVELS = ['ADMIN', 'COMMENTER', 'EDITOR', 'EDITOR_SHARE', 'OWNER', 'VIEWER'];

/** The scope each asset type needs, to read its shares and to change them ([I] by the legacy endpoints). */
const SCOPES: Record<string, { read: string; write: string }> = {
	sheet: { read: 'READ_SHEETS', write: 'SHARE_SHEETS' },
	report: { read: 'READ_SHEETS', write: 'SHARE_SHEETS' },
	sight: { read: 'READ_SIGHTS', write: 'SHARE_SIGHTS' },
	workspace: { read: 'READ_SHEETS', write: 'ADMIN_WORKSPACES' },
};

function exists(state: EmulatorState, assetType: string, assetId: string): boolean {
	if (assetType === 'sheet') return state.sheets.has(assetId);
	if (assetType === 'report') return state.reports.has(assetId);
	if (assetType === 'sight') return state.sights.some((sight) => sight.id === assetId);
	return state.workspaces.some((workspace) => workspace.id === assetId);
}

/** The asset the query names, checked: scope, existence, the user's level on it. */
function assetOf(ctx: RequestContext, change: boolean): { key: string; shares: Share[] } {
	const state = ctx.emulator.state;
	const assetType = ctx.query.get('assetType');
	const assetId = ctx.query.get('assetId');
	if (assetType === null) throw new ApiError(1009, ['assetType']);
	if (!SCOPES[assetType]) throw new ApiError(1018, [assetType, 'assetType']);
	if (assetId === null) throw new ApiError(1009, ['assetId']);
	if (!/^\d+$/.test(assetId)) throw new ApiError(1018, [assetId, 'assetId']);
	authenticate(
		state,
		ctx.token,
		change ? SCOPES[assetType].write : SCOPES[assetType].read,
		() => {},
	);
	if (!exists(state, assetType, assetId)) throw new ApiError(1006);
	const needed: AccessLevel = change ? 'ADMIN' : 'VIEWER';
	if (ACCESS_RANK[state.accessLevel(assetId)] < ACCESS_RANK[needed]) throw new ApiError(1004);
	const key = `${assetType}:${assetId}`;
	if (!state.shares.has(key)) state.shares.set(key, []);
	return { key, shares: state.shares.get(key)! };
}

function shareOf(ctx: RequestContext, change: boolean): { shares: Share[]; share: Share } {
	const { shares } = assetOf(ctx, change);
	const share = shares.find((candidate) => candidate.id === ctx.params.shareId);
	if (!share) throw new ApiError(1027);
	return { shares, share };
}

function accessLevelOf(value: unknown): string {
	if (value === undefined || value === null) throw new ApiError(1012, ['accessLevel']);
	if (typeof value !== 'string' || !ACCESS_LEVELS.includes(value))
		throw new ApiError(1031, [JSON.stringify(value), 'accessLevel']);
	return value;
}

function shareOut(share: Share) {
	const { createdAt, modifiedAt, ...rest } = share;
	return { ...rest, createdAt: isoSeconds(createdAt), modifiedAt: isoSeconds(modifiedAt) };
}

/** Share IDs are opaque letters and digits (AQAISF82FOeE in Smartsheet's examples). */
function shareId(state: EmulatorState): string {
	return `AQA${BigInt(state.ids.id()).toString(36).toUpperCase()}`;
}

function newShare(ctx: RequestContext, input: unknown, existing: Share[]): Share {
	if (input === null || typeof input !== 'object' || Array.isArray(input))
		throw new ApiError(1008, ['each share must be a JSON object']);
	const { email, groupId, accessLevel } = input as Record<string, unknown>;
	const level = accessLevelOf(accessLevel);
	const state = ctx.emulator.state;
	const now = Date.now();
	if (groupId !== undefined) {
		if (email !== undefined) throw new ApiError(1032, ['email and groupId']);
		return {
			id: shareId(state),
			type: 'GROUP',
			groupId: String(groupId),
			accessLevel: level,
			scope: 'ITEM',
			createdAt: now,
			modifiedAt: now,
		};
	}
	if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))
		throw new ApiError(
			email === undefined ? 1012 : 1031,
			email === undefined ? ['email or groupId'] : [JSON.stringify(email), 'email'],
		);
	if (existing.some((share) => share.email?.toLowerCase() === email.toLowerCase()))
		throw new ApiError(1129);
	const user = state.users.find(
		(candidate) => candidate.email.toLowerCase() === email.toLowerCase(),
	);
	return {
		id: shareId(state),
		type: 'USER',
		userId: user?.id ?? state.ids.id(),
		email,
		accessLevel: level,
		scope: 'ITEM',
		createdAt: now,
		modifiedAt: now,
	};
}

function createShares(ctx: RequestContext): Answer {
	const { shares } = assetOf(ctx, true);
	flag(ctx.query, 'sendEmail'); // checked, nothing is mailed
	const body = ctx.json();
	const list = Array.isArray(body) ? body : [body];
	if (list.length === 0) throw new ApiError(1012, ['email or groupId']);
	const made: Share[] = [];
	for (const input of list) made.push(newShare(ctx, input, [...shares, ...made]));
	shares.push(...made);
	return { body: { message: 'SUCCESS', resultCode: 0, result: made.map(shareOut) } };
}

function updateShare(ctx: RequestContext): Answer {
	const { share } = shareOf(ctx, true);
	const body = ctx.json();
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		throw new ApiError(1008, ['the request body must be a JSON object']);
	share.accessLevel = accessLevelOf((body as Record<string, unknown>).accessLevel);
	share.modifiedAt = Date.now();
	return { body: shareOut(share) };
}

function deleteShare(ctx: RequestContext): Answer {
	const { shares, share } = shareOf(ctx, true);
	shares.splice(shares.indexOf(share), 1);
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

function listShares(ctx: RequestContext): Answer {
	const { data, lastKey } = tokenPaged(assetOf(ctx, false).shares.map(shareOut), ctx.query);
	return { body: { items: data, ...(lastKey ? { lastKey } : {}) } };
}

// The scope depends on assetType, so the handlers check it (scope null: any valid token first).
export const shareRoutes: Route[] = [
	{ method: 'GET', path: '/2.0/shares', scope: null, handler: listShares },
	{ method: 'POST', path: '/2.0/shares', scope: null, handler: createShares },
	{
		method: 'GET',
		path: '/2.0/shares/{shareId}',
		scope: null,
		handler: (ctx) => ({ body: shareOut(shareOf(ctx, false).share) }),
	},
	{ method: 'PATCH', path: '/2.0/shares/{shareId}', scope: null, handler: updateShare },
	{ method: 'DELETE', path: '/2.0/shares/{shareId}', scope: null, handler: deleteShare },
];
