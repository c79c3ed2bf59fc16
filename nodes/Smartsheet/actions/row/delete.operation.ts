import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunksOf } from '../../helpers/bulkRows';
import type { ItemResult } from '../../helpers/interfaces';
import { failureOf, inputFailure } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { rowIdField } from '../common.descriptions';
import { idOf, sheetIdOf } from '../sheetId';

export const description: INodeProperties[] = [rowIdField('delete')];

// Row IDs go in the query string; 300 keeps the URL well under common length limits.
const IDS_PER_REQUEST = 300;

/** Deletes the row each item names, many per request; a row that does not exist fails alone. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const bySheet = new Map<string, Array<{ item: number; rowId: string }>>();
	for (let item = 0; item < items.length; item++) {
		try {
			const sheetId = sheetIdOf(this, item);
			const rowId = idOf(this.getNodeParameter('rowId', item), 'Row ID');
			bySheet.set(sheetId, [...(bySheet.get(sheetId) ?? []), { item, rowId }]);
		} catch (error) {
			results.push({ item, failure: failureOf(client, 'row:delete', error) });
		}
	}
	for (const [sheetId, group] of bySheet) {
		for (const chunk of chunksOf(group, IDS_PER_REQUEST)) {
			try {
				const answer = await client.request<{ result?: string[] }>({
					method: 'DELETE',
					path: `/sheets/${sheetId}/rows`,
					qs: { ids: chunk.map(({ rowId }) => rowId).join(','), ignoreRowsNotFound: true },
					sheetId,
					operation: 'row:delete',
				});
				const deleted = new Set((answer.result ?? []).map(String));
				for (const { item, rowId } of chunk) {
					results.push(
						deleted.has(rowId)
							? { item, json: [{ id: rowId, deleted: true }] }
							: { item, failure: inputFailure(client, 'row:delete', `Row ${rowId} was not found in sheet ${sheetId}`) },
					);
				}
			} catch (error) {
				const failure = failureOf(client, 'row:delete', error);
				for (const { item } of chunk) results.push({ item, failure });
			}
		}
	}
	return results;
}
