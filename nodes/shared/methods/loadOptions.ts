import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { chosenSheetColumns } from './sheetColumns';

/** The chosen sheet's columns, for column pickers. */
export async function getColumns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await chosenSheetColumns(this)).map((column) => ({
		name: String(column.title),
		value: String(column.id),
		description: String(column.type ?? ''),
	}));
}
