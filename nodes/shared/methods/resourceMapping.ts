// The column mapper's fields for Row: Add, Update and Create or Update, read from the chosen sheet.
import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { columnFields, columnFieldsWithRowId } from './mapperFields';
import { chosenSheetColumns } from './sheetColumns';

const NO_SHEET = 'Choose a sheet first: its columns become the fields here';

/** Every column of the sheet; Create or Update may match on any column a row can set. */
export async function getMappingColumns(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const columns = await chosenSheetColumns(this);
	const matchable = this.getNodeParameter('operation', 'add') === 'upsert';
	return {
		fields: columnFields(columns, matchable),
		...(columns.length ? {} : { emptyFieldsNotice: NO_SHEET }),
	};
}

/** Update: the row ID to match on, then every column. */
export async function getMappingColumnsWithRowId(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const columns = await chosenSheetColumns(this);
	return {
		fields: columnFieldsWithRowId(columns),
		...(columns.length ? {} : { emptyFieldsNotice: NO_SHEET }),
	};
}
