// Adds or updates rows, 500 a request (Smartsheet's limit), with allowPartialSuccess: rows
// Smartsheet rejected fail alone with their own error. When the answer of a request is lost or
// unreadable (the rows may or may not be written), the rows are read back: a row found is a
// Success with `reconciled: true`, a row not found is sent once more, and a row still unknown
// goes to Throttled with outcome "unknown". Nothing is ever sent twice blindly.
import type { IDataObject } from 'n8n-workflow';

import {
	rejectedRowFailure,
	type SmartsheetClient,
	type SmartsheetFailure,
	unconfirmedWriteFailure,
} from '../transport';
import { writeInBatches, type Entry } from './batchWriter';
import { MAX_SENDS, READ_BACK_MARGIN_MS } from './createOnce';
import type { ItemResult } from './interfaces';
import { failureOf } from './perItem';
import { currentRows, holdsCells, rowsModifiedSince } from './rowReadBack';

export { chunksOf } from './batchWriter'; // the triggers read rows in chunks too

export const MAX_ROWS_PER_REQUEST = 500;

export interface PreparedRow {
	sheetId: string;
	row: IDataObject;
	/** Add (POST) or update (PUT); defaults to the call's method. Upsert mixes both. */
	method?: 'POST' | 'PUT';
	/** Turns Smartsheet's row into the item's output JSON. */
	output: (row: IDataObject) => IDataObject;
}

interface BulkAnswer {
	message?: string;
	result: IDataObject[];
	failedItems?: Array<{
		index: number;
		rowId?: string | null;
		error?: { errorCode?: number; message?: string; refId?: string };
	}>;
}

interface RowGroup {
	sheetId: string;
	method: 'POST' | 'PUT';
}

/** Writes every item's prepared row; `prepare` throwing fails that item only. */
export async function writeRowsInBulk(
	client: SmartsheetClient,
	itemIndexes: number[],
	method: 'POST' | 'PUT',
	operation: string,
	prepare: (itemIndex: number) => Promise<PreparedRow>,
): Promise<ItemResult[]> {
	// Rows this execution already placed: a read-back never claims one of them for another item.
	const claimed = new Set<string>();
	return await writeInBatches<RowGroup, PreparedRow>(
		client,
		itemIndexes,
		operation,
		MAX_ROWS_PER_REQUEST,
		async (item) => {
			const prepared = await prepare(item);
			const rowMethod = prepared.method ?? method;
			return {
				key: `${rowMethod} ${prepared.sheetId}`,
				group: { sheetId: prepared.sheetId, method: rowMethod },
				entry: prepared,
			};
		},
		async (group, chunk) => await writeChunk(client, group, chunk, operation, claimed),
	);
}

async function writeChunk(
	client: SmartsheetClient,
	group: RowGroup,
	chunk: Array<Entry<PreparedRow>>,
	operation: string,
	claimed: Set<string>,
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	let pending = chunk;
	for (let send = 1; ; send++) {
		const since = client.serverClock.before(READ_BACK_MARGIN_MS);
		let failure: SmartsheetFailure;
		try {
			const answer = await client.request<BulkAnswer>({
				method: group.method,
				path: `/sheets/${group.sheetId}/rows`,
				qs: { allowPartialSuccess: true },
				body: pending.map(({ entry }) => entry.row),
				sheetId: group.sheetId,
				operation,
				expect: (body) => isBulkAnswer(body, pending.length),
			});
			return [...results, ...mapAnswer(client, answer, pending, operation, claimed)];
		} catch (error) {
			failure = failureOf(client, operation, error);
		}
		if (failure.outcome !== 'unknown')
			return [...results, ...pending.map(({ item }) => ({ item, failure }))];
		let found: Array<IDataObject | undefined>;
		try {
			found = await readBack(client, group, pending, since, operation, claimed);
		} catch {
			return [...results, ...unconfirmed(pending, failure, group.sheetId)];
		}
		const missing = pending.filter((_, index) => !found[index]);
		pending.forEach(({ item, entry }, index) => {
			const row = found[index];
			if (row) results.push({ item, json: [{ ...entry.output(row), reconciled: true }] });
		});
		if (missing.length === 0) return results;
		if (send >= MAX_SENDS) return [...results, ...unconfirmed(missing, failure, group.sheetId)];
		pending = missing; // read back and not there: the write did not happen, so it may go again
	}
}

/** For each pending row, the sheet's row that shows it was written, if any. */
async function readBack(
	client: SmartsheetClient,
	group: RowGroup,
	pending: Array<Entry<PreparedRow>>,
	since: number,
	operation: string,
	claimed: Set<string>,
): Promise<Array<IDataObject | undefined>> {
	const sent = pending.map(({ entry }) => (entry.row.cells as IDataObject[] | undefined) ?? []);
	const columnIds = [...new Set(sent.flat().map((cell) => String(cell.columnId)))];
	if (group.method === 'PUT') {
		const rowIds = pending.map(({ entry }) => String(entry.row.id));
		const byId = new Map(
			(await currentRows(client, group.sheetId, rowIds, columnIds, operation)).map((row) => [
				String(row.id),
				row,
			]),
		);
		return pending.map((_, index) => {
			const row = byId.get(rowIds[index]);
			return row && holdsCells(row, sent[index]) ? row : undefined;
		});
	}
	const candidates = (
		await rowsModifiedSince(client, group.sheetId, since, columnIds, operation)
	).filter(
		(row) => !claimed.has(String(row.id)) && row.parentId === undefined, // added at the top level, as asked
	);
	// Rows asked for at the bottom are the sheet's last: match from the bottom up, so an older row
	// with the same cells is not taken for a new one. Each row found answers for one item only.
	const found = new Array<IDataObject | undefined>(pending.length);
	for (let index = pending.length - 1; index >= 0; index--) {
		let at = candidates.length - 1;
		while (at >= 0 && !holdsCells(candidates[at], sent[index])) at--;
		if (at < 0) continue;
		const [row] = candidates.splice(at, 1);
		claimed.add(String(row.id));
		found[index] = row;
	}
	return found;
}

function mapAnswer(
	client: SmartsheetClient,
	answer: BulkAnswer,
	chunk: Array<Entry<PreparedRow>>,
	operation: string,
	claimed: Set<string>,
): ItemResult[] {
	const failedByIndex = new Map((answer.failedItems ?? []).map((failed) => [failed.index, failed]));
	let nextSaved = 0;
	return chunk.map(({ item, entry }, index) => {
		const failed = failedByIndex.get(index);
		if (failed)
			return {
				item,
				failure: rejectedRowFailure(client, operation, failed.error ?? {}, failed.rowId),
			};
		const saved = answer.result[nextSaved++];
		claimed.add(String(saved.id));
		return { item, json: [entry.output(saved)] };
	});
}

/** Smartsheet's bulk answer: one saved row or one failed item for every row sent. */
function isBulkAnswer(body: unknown, sent: number): boolean {
	const answer = body as Partial<BulkAnswer>;
	if (!Array.isArray(answer.result)) return false;
	const failed = Array.isArray(answer.failedItems) ? answer.failedItems.length : 0;
	return (
		answer.result.length + failed === sent &&
		answer.result.every((row) => row !== null && typeof row === 'object' && row.id !== undefined)
	);
}

function unconfirmed(
	entries: Array<Entry<PreparedRow>>,
	failure: SmartsheetFailure,
	sheetId: string,
): ItemResult[] {
	const diagnosis = unconfirmedWriteFailure(failure, `the rows of sheet ${sheetId}`);
	return entries.map(({ item }) => ({ item, failure: diagnosis }));
}
