// Creating reports and replacing their definition (2026: https://developers.smartsheet.com/api/smartsheet/openapi/reports).
// POST /reports {name, columns, scope, reportDefinition?, destination?}: columns are matched to the
// source sheets' columns by title; scope lists sheets, or workspaces (their sheets at creation).
// PUT /reports/{id}/definition replaces the definition entirely; its filters nest at most 3 levels.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { ACCESS_RANK, type Cell, type ReportDefinition, type ReportFilter } from '../state';
import { reportSummary } from './reports';
import { objectBody } from './sheets';

const CRITERION_OPERATORS = new Set([
	'EQUAL',
	'NOT_EQUAL',
	'CONTAINS',
	'DOES_NOT_CONTAIN',
	'IS_BLANK',
	'IS_NOT_BLANK',
]);
const MAX_FILTER_DEPTH = 3;

function listOf(value: unknown, name: string): unknown[] {
	if (value === undefined) throw new ApiError(1012, [name]);
	if (!Array.isArray(value)) throw new ApiError(1008, [`${name} must be a list`]);
	if (value.length === 0) throw new ApiError(1012, [name]);
	return value;
}

function objectOf(value: unknown, name: string): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new ApiError(1008, [`${name} must be a JSON object`]);
	return value as Record<string, unknown>;
}

function sourceSheets(ctx: RequestContext, scope: unknown): string[] {
	const state = ctx.emulator.state;
	const ids = new Set<string>();
	for (const entry of listOf(scope, 'scope').map((item) => objectOf(item, 'scope item'))) {
		const assetId = String(entry.assetId ?? '');
		if (entry.assetType === 'sheet') {
			if (!state.sheets.has(assetId)) throw new ApiError(1006);
			if (state.accessLevel(assetId) === 'NONE') throw new ApiError(1004);
			ids.add(assetId);
		} else if (entry.assetType === 'workspace') {
			if (!state.workspaces.some((workspace) => workspace.id === assetId)) throw new ApiError(1006);
			const inFolders = new Set(
				state.folders.filter((folder) => folder.workspaceId === assetId).map((folder) => folder.id),
			);
			for (const sheet of state.sheets.values())
				if (sheet.workspaceId === assetId || (sheet.folderId && inFolders.has(sheet.folderId)))
					ids.add(sheet.id);
		} else {
			throw new ApiError(1031, [JSON.stringify(entry.assetType), 'scope.assetType']);
		}
	}
	return [...ids];
}

function columnTitles(ctx: RequestContext, columns: unknown, sources: string[]): string[] {
	const state = ctx.emulator.state;
	return listOf(columns, 'columns').map((item) => {
		const column = objectOf(item, 'column');
		if (typeof column.title !== 'string' || !column.title)
			throw new ApiError(1012, ['column.title']);
		const found = sources.some((id) =>
			state.sheets
				.get(id)!
				.columns.some(
					(candidate) =>
						candidate.title === column.title &&
						(column.type === undefined || candidate.type === column.type),
				),
		);
		if (!found) throw new ApiError(1031, [JSON.stringify(column.title), 'column.title']);
		return column.title;
	});
}

function filterOf(value: unknown, depth: number): ReportFilter {
	if (depth > MAX_FILTER_DEPTH) throw new ApiError(1031, ['nestedCriteria', 'filters']);
	const filter = objectOf(value, 'filters');
	if (filter.operator !== 'AND' && filter.operator !== 'OR')
		throw new ApiError(1031, [JSON.stringify(filter.operator), 'filters.operator']);
	const criteria = ((filter.criteria as unknown[] | undefined) ?? []).map((item) => {
		const criterion = objectOf(item, 'criterion');
		const title = (criterion.column as { title?: unknown } | undefined)?.title;
		if (typeof title !== 'string') throw new ApiError(1012, ['criterion.column.title']);
		if (typeof criterion.operator !== 'string' || !CRITERION_OPERATORS.has(criterion.operator))
			throw new ApiError(1031, [JSON.stringify(criterion.operator), 'criterion.operator']);
		return {
			title,
			operator: criterion.operator,
			values: (criterion.values as Cell['value'][] | undefined) ?? [],
		};
	});
	const nestedCriteria = ((filter.nestedCriteria as unknown[] | undefined) ?? []).map((nested) =>
		filterOf(nested, depth + 1),
	);
	return { operator: filter.operator, criteria, nestedCriteria };
}

function definitionOf(value: unknown): ReportDefinition {
	const definition = objectOf(value, 'reportDefinition');
	return {
		...definition,
		...(definition.filters === undefined ? {} : { filters: filterOf(definition.filters, 1) }),
	};
}

function destinationOf(
	ctx: RequestContext,
	value: unknown,
): { workspaceId?: string; folderId?: string } {
	if (value === undefined) return {};
	const destination = objectOf(value, 'destination');
	const id = String(destination.destinationId ?? '');
	const state = ctx.emulator.state;
	if (destination.destinationType === 'workspace') {
		if (!state.workspaces.some((workspace) => workspace.id === id)) throw new ApiError(1006);
		return { workspaceId: id };
	}
	if (destination.destinationType === 'folder') {
		const folder = state.folders.find((candidate) => candidate.id === id);
		if (!folder) throw new ApiError(1006);
		return { workspaceId: folder.workspaceId, folderId: id };
	}
	throw new ApiError(1031, [
		JSON.stringify(destination.destinationType),
		'destination.destinationType',
	]);
}

function createReport(ctx: RequestContext): Answer {
	const body = objectBody(ctx);
	if (typeof body.name !== 'string' || !body.name.trim())
		throw new ApiError(
			body.name === undefined ? 1012 : 1031,
			body.name === undefined ? ['name'] : [JSON.stringify(body.name), 'name'],
		);
	const sources = sourceSheets(ctx, body.scope);
	const titles = columnTitles(ctx, body.columns, sources);
	const definition =
		body.reportDefinition === undefined ? undefined : definitionOf(body.reportDefinition);
	const place = destinationOf(ctx, body.destination);
	const report = ctx.emulator.state.createReport(body.name, sources, titles, {
		workspaceId: place.workspaceId,
	});
	Object.assign(report, { folderId: place.folderId, definition });
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: {
				...reportSummary(ctx.emulator, report),
				isSummaryReport: body.isSummaryReport === true,
			},
		},
	};
}

function reportToChange(ctx: RequestContext) {
	const state = ctx.emulator.state;
	const report = state.reports.get(ctx.params.reportId);
	if (!report) throw new ApiError(1006);
	if (ACCESS_RANK[state.accessLevel(report.id)] < ACCESS_RANK.EDITOR) throw new ApiError(1004);
	return report;
}

export const reportWriteRoutes: Route[] = [
	{ method: 'POST', path: '/2.0/reports', scope: 'CREATE_SHEETS', handler: createReport },
	{
		method: 'PUT',
		path: '/2.0/reports/{reportId}/definition',
		scope: 'ADMIN_SHEETS',
		handler: (ctx) => {
			const report = reportToChange(ctx);
			report.definition = definitionOf(ctx.json());
			report.modifiedAt = Date.now();
			return { body: { message: 'SUCCESS', resultCode: 0 } };
		},
	},
	{
		method: 'GET',
		path: '/2.0/reports/{reportId}/definition',
		scope: 'READ_SHEETS',
		handler: (ctx) => {
			const report = ctx.emulator.state.reports.get(ctx.params.reportId);
			if (!report) throw new ApiError(1006);
			if (ctx.emulator.state.accessLevel(report.id) === 'NONE') throw new ApiError(1004);
			return { body: report.definition ?? {} };
		},
	},
];
