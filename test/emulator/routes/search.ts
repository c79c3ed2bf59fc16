// Search: everything the user can see, or the rows of one sheet, through the lagging index
// (searchIndex.ts). Answer: {results: [SearchResultItem], totalCount}.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import {
	matchedTexts,
	queryTerms,
	searchableDocs,
	type SearchDoc,
	type SearchScope,
} from '../searchIndex';
import { timestamp, words } from './query';
import { sheetOf } from './sheets';

/** Smartsheet's scopes; the emulator indexes cell data and the names of sheets, reports, workspaces and folders. */
const SCOPES = new Set([
	'attachments',
	'cellData',
	'comments',
	'folderNames',
	'reportNames',
	'sheetNames',
	'sightNames',
	'summaryFields',
	'templateNames',
	'workspaceNames',
]);

function termsOf(ctx: RequestContext): string[] {
	const terms = queryTerms(ctx.query.get('query') ?? '');
	if (terms.length === 0) throw new ApiError(1009, ['query']);
	return terms;
}

function resultOf(doc: SearchDoc, texts: string[]) {
	return {
		text: texts.join(' '),
		objectType: doc.objectType,
		objectId: doc.objectId,
		...(doc.parent
			? {
					parentObjectType: doc.parent.objectType,
					parentObjectId: doc.parent.objectId,
					parentObjectName: doc.parent.name,
				}
			: {}),
		...(doc.contextData ? { contextData: doc.contextData } : {}),
	};
}

function search(ctx: RequestContext, accept: (doc: SearchDoc) => boolean): Answer {
	const terms = termsOf(ctx);
	const since = timestamp(ctx.query, 'modifiedSince');
	const state = ctx.emulator.state;
	const results = [];
	for (const doc of searchableDocs(state, ctx.emulator.config.searchLagMs, state.now())) {
		if (
			!accept(doc) ||
			state.accessLevel(doc.accessId) === 'NONE' ||
			(since !== undefined && doc.modifiedAt < since)
		)
			continue;
		const texts = matchedTexts(doc, terms);
		if (texts) results.push(resultOf(doc, texts));
	}
	return { body: { results, totalCount: results.length } };
}

function searchEverything(ctx: RequestContext): Answer {
	const raw = ctx.query.get('scopes');
	const scopes = words(ctx.query, 'scopes');
	if (raw !== null && (scopes.size === 0 || [...scopes].some((scope) => !SCOPES.has(scope))))
		throw new ApiError(1018, [raw, 'scopes']);
	const location = ctx.query.get('location');
	if (location !== null && location !== 'personalWorkspace')
		throw new ApiError(1018, [location, 'location']);
	return search(ctx, (doc) => raw === null || scopes.has(doc.scope as SearchScope));
}

export const searchRoutes: Route[] = [
	{ method: 'GET', path: '/2.0/search', scope: 'READ_SHEETS', handler: searchEverything },
	{
		method: 'GET',
		path: '/2.0/search/sheets/{sheetId}',
		scope: 'READ_SHEETS',
		handler: (ctx) => {
			const sheet = sheetOf(ctx);
			return search(ctx, (doc) => doc.objectType === 'row' && doc.sheetId === sheet.id);
		},
	},
];
