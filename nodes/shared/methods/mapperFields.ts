// A sheet's columns as the fields of n8n's column mapper (resourceMapper): each column's Smartsheet
// type picks the editor's widget, and columns Smartsheet fills itself are offered read-only.
// Column types: https://developers.smartsheet.com/api/smartsheet/openapi/columns
import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

/** A column as GET /sheets/{id}/columns describes it (the fields the mapper reads). */
export interface SheetColumn {
	id: string;
	title: string;
	type?: string;
	primary?: boolean;
	options?: string[];
	/** AUTO_NUMBER, CREATED_BY, CREATED_DATE, MODIFIED_BY, MODIFIED_DATE: Smartsheet writes these. */
	systemColumnType?: string;
	/** A column formula: every cell of the column is computed. */
	formula?: string;
	contactOptions?: Array<{ email?: string; name?: string }>;
}

/** The mapper's field for the row ID (Update matches on it, as the incoming item's `id`). */
export const ROW_ID_FIELD = 'id';

const FIELD_TYPES: Record<string, FieldType> = {
	TEXT_NUMBER: 'string',
	DATE: 'dateTime',
	DATETIME: 'dateTime',
	ABSTRACT_DATETIME: 'dateTime',
	CHECKBOX: 'boolean',
	PICKLIST: 'options',
	MULTI_PICKLIST: 'array',
	CONTACT_LIST: 'string',
	MULTI_CONTACT_LIST: 'array',
	DURATION: 'string',
	PREDECESSOR: 'string',
};

/** Whether Smartsheet computes the column's cells, so a row cannot set them. */
export function isComputed(column: SheetColumn): boolean {
	return Boolean(column.systemColumnType || column.formula);
}

export function mapperField(column: SheetColumn, canBeUsedToMatch: boolean): ResourceMapperField {
	const computed = isComputed(column);
	const type = FIELD_TYPES[column.type ?? ''] ?? 'string';
	return {
		id: column.title,
		displayName: column.title,
		required: false,
		defaultMatch: canBeUsedToMatch && column.primary === true,
		canBeUsedToMatch: canBeUsedToMatch && !computed,
		display: true,
		type,
		...(type === 'options' ? { options: choices(column) } : {}),
		readOnly: computed,
		removed: computed,
	};
}

function choices(column: SheetColumn): INodePropertyOptions[] {
	return (column.options ?? []).map((option) => ({ name: option, value: option }));
}

/** The fields of Add and Create or Update: every column; Create or Update matches on one of them. */
export function columnFields(columns: SheetColumn[], matchable: boolean): ResourceMapperField[] {
	return columns.map((column) => mapperField(column, matchable));
}

/** The fields of Update: the row ID (matched on by default) and every column a row can be found by. */
export function columnFieldsWithRowId(columns: SheetColumn[]): ResourceMapperField[] {
	const rowId: ResourceMapperField = {
		id: ROW_ID_FIELD,
		displayName: 'Row ID',
		required: false,
		defaultMatch: true,
		canBeUsedToMatch: true,
		display: true,
		type: 'string',
		readOnly: true,
	};
	return [
		rowId,
		...columnFields(columns, true).map((field) => ({ ...field, defaultMatch: false })),
	];
}
