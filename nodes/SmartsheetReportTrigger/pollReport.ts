// One poll of the Smartsheet Report Trigger: read the report's rows (all pages) and emit those
// modified since the watermark, each once — the same watermark as the sheet polling trigger
// (Smartsheet's modifiedAt, one-second granularity, fingerprints within the watermark's second).
import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	advance,
	type Column,
	flattenRow,
	type Fresh,
	type ModifiedRow,
	nextWatermark,
	type PollState,
	reportPages,
	pollFailure,
	triggerClient,
} from '../shared';

const SAMPLE_SIZE = 20;
/** The watermark of a report that had no rows at activation: every row after it is news. */
const BEFORE_ANY_ROW = '1970-01-01T00:00:00Z';

interface ReportRow extends ModifiedRow {
	sheetId: string;
}

interface ReportPollState extends PollState {
	reportId?: string;
}

export async function pollReport(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const reportId = String(
		ctx.getNodeParameter('reportId', '', { extractValue: true }) ?? '',
	).trim();
	if (!/^\d+$/.test(reportId))
		throw new NodeOperationError(
			ctx.getNode(),
			`Choose the report to watch (a report ID is a number, got "${reportId}")`,
		);
	try {
		const rows = await reportRows(ctx, reportId);
		if (ctx.getMode() === 'manual') return sample(ctx, reportId, rows);
		const state = ctx.getWorkflowStaticData('node') as ReportPollState;
		if (state.reportId !== reportId || !state.watermark) {
			// On activation (or a new report): what is there already is not news.
			for (const key of Object.keys(state)) delete state[key];
			Object.assign(state, { reportId, ...nextWatermark(BEFORE_ANY_ROW, {}, rows) });
			return null;
		}
		const { fresh, watermark, atWatermark } = advance(state, rows);
		Object.assign(state, { watermark, atWatermark });
		const wanted = ctx.getNodeParameter('events', ['created', 'updated']) as string[];
		const items = fresh
			.filter((change) => wanted.includes(change.eventType))
			.map((change) => itemOf(reportId, change));
		return items.length ? [ctx.helpers.returnJsonArray(items)] : null;
	} catch (error) {
		throw pollFailure(ctx.getNode(), error, `report ${reportId}`);
	}
}

/** Every row of the report, flat by report column title, with its source sheet. */
async function reportRows(ctx: IPollFunctions, reportId: string): Promise<ReportRow[]> {
	const { report, rows } = await reportPages(
		triggerClient(ctx),
		reportId,
		undefined,
		'trigger:pollReport',
	);
	const columns = ((report.columns as IDataObject[] | undefined) ?? []).map(
		(column): Column => ({ id: String(column.virtualId), title: String(column.title) }),
	);
	return rows.map((row) => ({
		id: String(row.id),
		sheetId: String(row.sheetId),
		createdAt: String(row.createdAt),
		modifiedAt: String(row.modifiedAt),
		cells: row.cells,
		flat: flattenRow(row, columns, 'virtualColumnId'),
	}));
}

/** "Fetch Test Event": the rows changed in the report's latest second, without moving the watermark. */
function sample(
	ctx: IPollFunctions,
	reportId: string,
	rows: ReportRow[],
): INodeExecutionData[][] | null {
	if (rows.length === 0) return null;
	const latest = Math.max(...rows.map((row) => Date.parse(row.modifiedAt)));
	const items = rows
		.filter((row) => Date.parse(row.modifiedAt) === latest)
		.slice(0, SAMPLE_SIZE)
		.map((row) =>
			itemOf(reportId, {
				row,
				eventType: row.createdAt === row.modifiedAt ? 'created' : 'updated',
			}),
		);
	return [ctx.helpers.returnJsonArray(items)];
}

/** The polling trigger's item shape, plus the report and the row's source sheet. */
function itemOf(reportId: string, change: Fresh): IDataObject {
	const row = change.row as ReportRow;
	return {
		reportId,
		sheetId: row.sheetId,
		objectType: 'row',
		eventType: change.eventType,
		rowId: row.id,
		timestamp: row.modifiedAt,
		row: row.flat,
	};
}
