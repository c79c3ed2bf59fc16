import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	failureOf,
	type ItemResult,
	sheetIdOf,
	SheetSchemas,
	type SmartsheetClient,
	writeRowsInBulk,
} from '../../../shared';
import { keyColumnName } from './mappedCells';
import { keyColumnOf, keyValueOf, RowKeys } from './rowKeys';
import { cellFields, readCells, readRowOptions, rowOutput, VERSION_1 } from './rowFields';

export const description: INodeProperties[] = [
	{
		displayName: 'Key Column',
		name: 'keyColumn',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Task',
		description:
			'Title (or ID) of the column that identifies a row. Items whose key value is already in the sheet update that row; the others are added.',
		displayOptions: { show: { resource: ['row'], operation: ['upsert'], ...VERSION_1 } },
	},
	...cellFields('upsert'),
];

interface Planned {
	item: number;
	sheetId: string;
	key: string;
	/** The sheet's rows by key value: found in the sheet, or created earlier in this execution. */
	rowIds: Map<string, string>;
	keyValue: string;
	row: IDataObject;
	output: (row: IDataObject) => IDataObject;
}

/**
 * Finds each item's row by the key column (reading the sheet, not search: its index lags), then
 * updates or adds. Items with the same key address one row: the first adds it (or updates the
 * row already there), the later ones update it, in waves so each wave is one bulk pass.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	const rowKeys = new RowKeys(client, operation);
	const results: ItemResult[] = [];
	let wave: Planned[] = [];
	for (let item = 0; item < items.length; item++) {
		try {
			const sheetId = sheetIdOf(this, item);
			const columns = await schemas.columns(sheetId, operation);
			const keyColumn = keyColumnOf(columns, keyColumnName(this, item));
			const options = readRowOptions(this, item);
			const cells = readCells(this, item, columns, options);
			const keyValue = keyValueOf(cells, keyColumn);
			const rowIds = await rowKeys.index(sheetId, keyColumn.id);
			wave.push({
				item,
				sheetId,
				key: `${sheetId}:${keyColumn.id}:${keyValue}`,
				rowIds,
				keyValue,
				row: { cells },
				output: rowOutput(columns, options),
			});
		} catch (error) {
			results.push({ item, failure: failureOf(client, operation, error) });
		}
	}
	while (wave.length > 0) {
		const { now, later } = firstOfEachKey(wave);
		const byItem = new Map(now.map((planned) => [planned.item, planned]));
		const written = await writeRowsInBulk(
			client,
			[...byItem.keys()],
			'POST',
			operation,
			async (item) => {
				const planned = byItem.get(item)!;
				const existing = planned.rowIds.get(planned.keyValue);
				const { sheetId, output } = planned;
				return existing
					? { sheetId, method: 'PUT', row: { id: existing, ...planned.row }, output }
					: { sheetId, method: 'POST', row: { toBottom: true, ...planned.row }, output };
			},
		);
		for (const result of written) {
			const planned = byItem.get(result.item)!;
			if ('json' in result && !planned.rowIds.has(planned.keyValue))
				planned.rowIds.set(planned.keyValue, String(result.json[0].id));
		}
		results.push(...written);
		wave = later;
	}
	return results;
}

/** The first item of every key now; its repeats in a later wave, once the row exists. */
function firstOfEachKey(wave: Planned[]): { now: Planned[]; later: Planned[] } {
	const seen = new Set<string>();
	const now: Planned[] = [];
	const later: Planned[] = [];
	for (const planned of wave) {
		(seen.has(planned.key) ? later : now).push(planned);
		seen.add(planned.key);
	}
	return { now, later };
}
