// Column definitions sent by clients, checked as Smartsheet checks them when a sheet is created
// (: 1055 exactly one primary column, 1056 unique titles, 1057 primary must be TEXT_NUMBER).
import { ApiError } from '../errors';
import type { Column } from '../state';

export const COLUMN_TYPES = new Set([
	'TEXT_NUMBER',
	'DATE',
	'DATETIME',
	'ABSTRACT_DATETIME',
	'CHECKBOX',
	'PICKLIST',
	'MULTI_PICKLIST',
	'CONTACT_LIST',
	'MULTI_CONTACT_LIST',
	'DURATION',
	'PREDECESSOR',
]);

/** One column of a request: title, type, options (primary is judged by the caller). */
export function validColumn(input: unknown, required: { type: boolean }): Omit<Column, 'id'> {
	if (input === null || typeof input !== 'object' || Array.isArray(input))
		throw new ApiError(1008, ['a column must be a JSON object']);
	const column = input as Record<string, unknown>;
	if (column.title === undefined || column.title === '') throw new ApiError(1012, ['column.title']);
	if (typeof column.title !== 'string') throw new ApiError(1008, ['column.title must be a string']);
	if (column.type === undefined && required.type) throw new ApiError(1012, ['column.type']);
	const type = column.type === undefined ? 'TEXT_NUMBER' : column.type;
	// An unknown type fails where Smartsheet reads the JSON (an enum it cannot map).
	if (typeof type !== 'string' || !COLUMN_TYPES.has(type))
		throw new ApiError(1008, [`${JSON.stringify(type)} is not a column type`]);
	if (column.primary !== undefined && typeof column.primary !== 'boolean')
		throw new ApiError(1008, ['column.primary must be a boolean']);
	return {
		title: column.title,
		type,
		...(column.primary === true ? { primary: true } : {}),
		...optionsOf(column),
	};
}

export function optionsOf(column: Record<string, unknown>): { options?: string[] } {
	if (column.options === undefined) return {};
	if (
		!Array.isArray(column.options) ||
		column.options.some((option) => typeof option !== 'string')
	) {
		throw new ApiError(1008, ['column.options must be a list of strings']);
	}
	return { options: column.options as string[] };
}

/** The columns of a new sheet. */
export function validNewColumns(input: unknown): Array<Omit<Column, 'id'>> {
	if (!Array.isArray(input)) throw new ApiError(1008, ['columns must be a list']);
	if (input.length === 0) throw new ApiError(1012, ['columns']);
	const columns = input.map((column) => validColumn(column, { type: true }));
	const primaries = columns.filter((column) => column.primary);
	if (primaries.length !== 1) throw new ApiError(1055);
	if (primaries[0].type !== 'TEXT_NUMBER') throw new ApiError(1057);
	if (new Set(columns.map((column) => column.title.toLowerCase())).size !== columns.length)
		throw new ApiError(1056);
	return columns;
}
