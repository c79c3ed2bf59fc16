import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeRowsInBulk } from '../../helpers/bulkRows';
import type { ItemResult } from '../../helpers/interfaces';
import { InvalidInput } from '../../helpers/perItem';
import { allRows } from '../../helpers/sheetRows';
import { SheetSchemas } from '../../helpers/sheetSchema';
import type { SmartsheetClient } from '../../transport';
import { sheetIdOf } from '../sheetId';
import { keyColumnName } from './mappedCells';
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

/** Finds each item's row by the key column (reading the sheet, not search: its index lags), then updates or adds. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	const rowIdsByKey = new Map<string, Promise<Map<string, string>>>();
	const keyIndex = (sheetId: string, columnId: string) => {
		const cacheKey = `${sheetId}:${columnId}`;
		let pending = rowIdsByKey.get(cacheKey);
		if (!pending) {
			pending = allRows(client, sheetId, 'row:upsert').then((rows) => {
				const index = new Map<string, string>();
				for (const row of rows) {
					const cell = ((row.cells as IDataObject[] | undefined) ?? []).find((candidate) => String(candidate.columnId) === columnId);
					if (cell?.value !== undefined && cell.value !== null && !index.has(String(cell.value))) index.set(String(cell.value), String(row.id));
				}
				return index;
			});
			rowIdsByKey.set(cacheKey, pending);
		}
		return pending;
	};
	return await writeRowsInBulk(this, client, items, 'POST', 'row:upsert', async (item) => {
		const sheetId = sheetIdOf(this, item);
		const columns = await schemas.columns(sheetId, 'row:upsert');
		const keyName = keyColumnName(this, item);
		const keyColumn = columns.find((column) => column.title === keyName || column.id === keyName);
		if (!keyColumn) throw new InvalidInput(`The sheet has no key column "${keyName}"`);
		const options = readRowOptions(this, item);
		const cells = readCells(this, item, columns, options);
		const keyCell = cells.find((cell) => cell.columnId === keyColumn.id);
		if (keyCell?.value === undefined || keyCell.value === '') throw new InvalidInput(`The item has no value for the key column "${keyColumn.title}"`);
		const existing = (await keyIndex(sheetId, keyColumn.id)).get(String(keyCell.value));
		return existing
			? { sheetId, method: 'PUT', row: { id: existing, cells }, output: rowOutput(columns, options) }
			: { sheetId, method: 'POST', row: { toBottom: true, cells }, output: rowOutput(columns, options) };
	});
}
