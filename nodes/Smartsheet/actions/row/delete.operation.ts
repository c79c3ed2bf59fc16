import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	allItems,
	type Entry,
	failureOf,
	idOf,
	invalidInputFailure,
	type ItemResult,
	rowIdField,
	sheetIdOf,
	type SmartsheetClient,
	unconfirmedWriteFailure,
	writeInBatches,
} from '../../../shared';

export const description: INodeProperties[] = [rowIdField('delete')];

// Row IDs go in the query string; 300 keeps the URL well under common length limits.
const IDS_PER_REQUEST = 300;

interface DeleteAnswer {
	result: string[];
}

/**
 * Deletes the row each item names, many per request; a row that does not exist fails alone. When
 * the answer is lost the request is sent once more: deleting is the one write that cannot happen
 * twice, and a row "not found" then was deleted by the first request.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await writeInBatches<string, string>(
		client,
		allItems(items.length),
		operation,
		IDS_PER_REQUEST,
		async (item) => {
			const sheetId = sheetIdOf(this, item);
			return {
				key: sheetId,
				group: sheetId,
				entry: idOf(this.getNodeParameter('rowId', item), 'Row ID'),
			};
		},
		async (sheetId, chunk) => await deleteChunk(client, operation, sheetId, chunk),
	);
}

async function deleteChunk(
	client: SmartsheetClient,
	operation: string,
	sheetId: string,
	chunk: Array<Entry<string>>,
): Promise<ItemResult[]> {
	const send = async () =>
		await client.request<DeleteAnswer>({
			method: 'DELETE',
			path: `/sheets/${sheetId}/rows`,
			qs: { ids: chunk.map(({ entry }) => entry).join(','), ignoreRowsNotFound: true },
			sheetId,
			operation,
			expect: (body) => Array.isArray((body as Partial<DeleteAnswer>).result),
		});
	let answer: DeleteAnswer;
	let reconciled = false;
	try {
		answer = await send();
	} catch (error) {
		const failure = failureOf(client, operation, error);
		if (failure.outcome !== 'unknown') return chunk.map(({ item }) => ({ item, failure }));
		try {
			answer = await send();
			reconciled = true;
		} catch (again) {
			const last = failureOf(client, operation, again);
			const diagnosis =
				last.outcome === 'unknown'
					? unconfirmedWriteFailure(last, `the rows of sheet ${sheetId}`)
					: last;
			return chunk.map(({ item }) => ({ item, failure: diagnosis }));
		}
	}
	const deleted = new Set(answer.result.map(String));
	return chunk.map(({ item, entry: rowId }) => {
		if (deleted.has(rowId)) return { item, json: [{ id: rowId, deleted: true }] };
		if (reconciled) return { item, json: [{ id: rowId, deleted: true, reconciled: true }] };
		return {
			item,
			failure: invalidInputFailure(
				client,
				operation,
				`Row ${rowId} was not found in sheet ${sheetId}`,
			),
		};
	});
}
