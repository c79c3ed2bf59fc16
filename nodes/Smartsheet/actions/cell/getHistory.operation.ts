import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	idOf,
	InvalidInput,
	type ItemResult,
	perItem,
	rowIdField,
	sheetIdOf,
	SheetSchemas,
	type SmartsheetClient,
} from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { columnIdField } from '../column/columnFields';
import { limitFields, readLimit } from '../limitFields';

/** Smartsheet counts a cell-history call as 10 requests against the rate limit. */
const CELL_HISTORY_WEIGHT = 10;

export const description: INodeProperties[] = [
	rowIdField('getHistory', 'cell'),
	{ ...columnIdField('getHistory', 'cell'), hint: 'An expression may also give the column title' },
	...limitFields({ resource: ['cell'], operation: ['getHistory'] }),
];

/** Every value the cell has had, newest first, one item each; each page counts 10 against the rate limit. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	const schemas = new SheetSchemas(client);
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const rowId = idOf(this.getNodeParameter('rowId', item), 'Row');
		const columnId = await columnIdOf(
			String(this.getNodeParameter('columnId', item) ?? '').trim(),
			async () => await schemas.columns(sheetId, operation),
		);
		const path = `/sheets/${sheetId}/rows/${rowId}/columns/${columnId}/history`;
		const entries = await collect(
			offsetPages(client, path, operation, { include: 'columnType' }, CELL_HISTORY_WEIGHT),
			readLimit(this, item),
		);
		return entries.map((entry) => ({ ...entry, rowId }));
	});
}

/** A column ID as given (digits), or the ID of the column with that title. */
async function columnIdOf(
	value: string,
	columns: () => Promise<Array<{ id: string; title: string }>>,
): Promise<string> {
	if (/^\d+$/.test(value)) return value;
	if (!value) throw new InvalidInput('Choose the column of the cell');
	const column = (await columns()).find((candidate) => candidate.title === value);
	if (!column) throw new InvalidInput(`The sheet has no column "${value}"`);
	return column.id;
}
