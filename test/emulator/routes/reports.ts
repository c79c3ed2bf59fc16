// Reports: saved views over source sheets. List (offset paging) and get (rows paged, at most
// 10,000 a page). A report shows only the rows of source sheets the user may see; its
// columns are virtual (virtualId), matched to each source sheet's columns by title.
import type { Answer, RequestContext, Route } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import { ACCESS_RANK, type Column, type Report, type Row, type Sheet } from '../state';
import { paged, pageWindow } from './paging';
import { matchesFilter } from './reportFilters';
import { flag, words } from './query';
import { placeAt, rowOut, stamp, type ShapeOptions } from './shapes';

/** "Report GET returns at most 10,000 rows per request". */
export const MAX_REPORT_PAGE_SIZE = 10_000;

/** Types a low `level` cannot express come back as text (level 1: multi-contact, 2 and up: multi-picklist). */
export const TYPE_LEVEL: Record<string, number> = { MULTI_CONTACT_LIST: 1, MULTI_PICKLIST: 2 };

function reportOf(ctx: RequestContext): Report {
	const state = ctx.emulator.state;
	const report = state.reports.get(ctx.params.reportId);
	if (!report) throw new ApiError(1006);
	if (ACCESS_RANK[state.accessLevel(report.id)] < ACCESS_RANK.VIEWER) throw new ApiError(1004);
	return report;
}

export function reportSummary(emulator: Emulator, report: Report) {
	return {
		id: report.id,
		name: report.name,
		accessLevel: emulator.state.accessLevel(report.id),
		permalink: `https://app.smartsheet.com/reports/${report.id}`,
		isSummaryReport: false,
	};
}

/** The source sheets the user may see, in the report's order. */
function visibleSources(emulator: Emulator, report: Report): Sheet[] {
	const state = emulator.state;
	return report.sourceSheetIds
		.map((id) => state.sheets.get(id))
		.filter(
			(sheet): sheet is Sheet => sheet !== undefined && state.accessLevel(sheet.id) !== 'NONE',
		);
}

function columnIn(sheet: Sheet, title: string): Column | undefined {
	return sheet.columns.find((column) => column.title === title);
}

function passes(report: Report, sheet: Sheet, row: Row): boolean {
	const valueOf = (title: string) => {
		const column = columnIn(sheet, title);
		return column ? row.cells.get(column.id)?.value : undefined;
	};
	if (report.definition?.filters && !matchesFilter(report.definition.filters, valueOf))
		return false;
	if (!report.filter) return true;
	const value = valueOf(report.filter.title);
	return report.filter.operator === 'equals'
		? value === report.filter.value
		: value !== report.filter.value;
}

export function level(query: URLSearchParams): number {
	const raw = query.get('level');
	if (raw === null) return 0;
	if (!/^[0-3]$/.test(raw)) throw new ApiError(1018, [raw, 'level']);
	return Number(raw);
}

function reportColumns(report: Report, sources: Sheet[], atLevel: number) {
	return report.columns.map((column, index) => {
		const source = sources.map((sheet) => columnIn(sheet, column.title)).find(Boolean);
		const type = source?.type ?? 'TEXT_NUMBER';
		return {
			virtualId: column.virtualId,
			title: column.title,
			type: (TYPE_LEVEL[type] ?? 0) > atLevel ? 'TEXT_NUMBER' : type,
			index,
			sheetNameColumn: false,
			width: 150,
		};
	});
}

function getReport(ctx: RequestContext): Answer {
	const report = reportOf(ctx);
	const emulator = ctx.emulator;
	const atLevel = level(ctx.query);
	const options: ShapeOptions = { numericDates: flag(ctx.query, 'numericDates') };
	const sources = visibleSources(emulator, report);
	const rows: Array<{ sheet: Sheet; index: number }> = [];
	for (const sheet of sources)
		sheet.rows.forEach((row, index) => passes(report, sheet, row) && rows.push({ sheet, index }));
	const window = pageWindow(rows.length, ctx.query);
	const pageSize = Math.min(window.pageSize, MAX_REPORT_PAGE_SIZE);
	const pageNumber = Math.min(window.pageNumber, Math.max(1, Math.ceil(rows.length / pageSize)));
	const picked = rows.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
	const include = words(ctx.query, 'include');
	return {
		body: {
			...reportSummary(emulator, report),
			createdAt: stamp(report.createdAt, options),
			modifiedAt: stamp(report.modifiedAt, options),
			totalRowCount: rows.length,
			...(include.has('sourceSheets')
				? {
						sourceSheets: sources.map((sheet) => ({
							id: sheet.id,
							name: sheet.name,
							accessLevel: emulator.state.accessLevel(sheet.id),
						})),
					}
				: {}),
			columns: reportColumns(report, sources, atLevel),
			rows: picked.map(({ sheet, index }) => reportRow(emulator, report, sheet, index, options)),
		},
	};
}

/** A source row as the report shows it: its sheetId, and each cell under the report's virtual column. */
function reportRow(
	emulator: Emulator,
	report: Report,
	sheet: Sheet,
	index: number,
	options: ShapeOptions,
) {
	const sourceRow = rowOut(sheet, sheet.rows[index], placeAt(sheet, index), options, emulator);
	const cells = report.columns.map((column) => {
		const source = columnIn(sheet, column.title);
		const cell = source && sourceRow.cells.find((candidate) => candidate.columnId === source.id);
		return cell
			? { ...cell, virtualColumnId: column.virtualId }
			: { virtualColumnId: column.virtualId };
	});
	return { ...sourceRow, accessLevel: emulator.state.accessLevel(sheet.id), cells };
}

export const reportRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/reports',
		scope: 'READ_SHEETS',
		handler: (ctx) => {
			const state = ctx.emulator.state;
			const reports = [...state.reports.values()].filter(
				(report) => state.accessLevel(report.id) !== 'NONE',
			);
			return {
				body: paged(
					reports.map((report) => reportSummary(ctx.emulator, report)),
					ctx.query,
				),
			};
		},
	},
	{ method: 'GET', path: '/2.0/reports/{reportId}', scope: 'READ_SHEETS', handler: getReport },
];
