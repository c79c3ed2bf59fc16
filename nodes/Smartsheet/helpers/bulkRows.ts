// Adds or updates rows in requests of up to 500 (Smartsheet's limit) with allowPartialSuccess,
// and maps every answer back to the item it came from: rows Smartsheet rejected fail alone, with
// their own error; a request that failed as a whole fails each of its items.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SmartsheetClient } from '../transport';
import type { FailureAnswer } from '../transport/failure';
import type { ItemResult } from './interfaces';
import { failureOf } from './perItem';

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
	result?: IDataObject[];
	failedItems?: Array<{ index: number; rowId?: string | null; error?: { errorCode?: number; message?: string; refId?: string } }>;
}

export async function writeRowsInBulk(
	ctx: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	method: 'POST' | 'PUT',
	operation: string,
	prepare: (itemIndex: number) => Promise<PreparedRow>,
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const groups = new Map<string, { sheetId: string; method: 'POST' | 'PUT'; rows: Array<{ item: number; prepared: PreparedRow }> }>();
	for (let item = 0; item < items.length; item++) {
		try {
			const prepared = await prepare(item);
			const rowMethod = prepared.method ?? method;
			const key = `${rowMethod} ${prepared.sheetId}`;
			const group = groups.get(key) ?? { sheetId: prepared.sheetId, method: rowMethod, rows: [] };
			group.rows.push({ item, prepared });
			groups.set(key, group);
		} catch (error) {
			results.push({ item, failure: failureOf(client, operation, error) });
		}
	}
	for (const group of groups.values()) {
		for (const chunk of chunksOf(group.rows, MAX_ROWS_PER_REQUEST)) {
			results.push(...(await sendChunk(client, group.sheetId, chunk, group.method, operation)));
		}
	}
	return results;
}

/** The list cut into consecutive pieces of at most `size` (one request each). */
export function chunksOf<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}

async function sendChunk(
	client: SmartsheetClient,
	sheetId: string,
	chunk: Array<{ item: number; prepared: PreparedRow }>,
	method: 'POST' | 'PUT',
	operation: string,
): Promise<ItemResult[]> {
	let answer: BulkAnswer;
	try {
		answer = await client.request<BulkAnswer>({
			method,
			path: `/sheets/${sheetId}/rows`,
			qs: { allowPartialSuccess: true },
			body: chunk.map(({ prepared }) => prepared.row),
			sheetId,
			operation,
		});
	} catch (error) {
		const failure = failureOf(client, operation, error);
		return chunk.map(({ item }) => ({ item, failure }));
	}
	const failedByIndex = new Map((answer.failedItems ?? []).map((failed) => [failed.index, failed]));
	const savedRows = answer.result ?? [];
	const results: ItemResult[] = [];
	let nextSaved = 0;
	chunk.forEach(({ item, prepared }, index) => {
		const failed = failedByIndex.get(index);
		if (failed) {
			results.push({ item, failure: rowFailure(client, operation, failed.error ?? {}, failed.rowId) });
			return;
		}
		const saved = savedRows[nextSaved++];
		if (!saved) {
			results.push({ item, failure: rowFailure(client, operation, { message: 'Smartsheet returned no row for this item' }, null) });
			return;
		}
		results.push({ item, json: [prepared.output(saved)] });
	});
	return results;
}

function rowFailure(
	client: SmartsheetClient,
	operation: string,
	error: { errorCode?: number; message?: string; refId?: string },
	rowId: string | null | undefined,
) {
	const answer: FailureAnswer = {
		httpStatus: 200, // the request succeeded in part; this row's own error says why it did not
		errorCode: error.errorCode ?? null,
		message: error.message ?? 'Smartsheet rejected this row',
		refId: error.refId ?? null,
		detail: rowId ? { rowId } : undefined,
	};
	return client.failure({ operation }, answer, answer, 1, null, null).failure;
}
