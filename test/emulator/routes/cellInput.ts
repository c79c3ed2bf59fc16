// The cells of one row in an add or update request, checked the way Smartsheet checks them
//: unknown column 1036, column twice 1037, wrong value type 1038, over 4000
// characters 1041, not the column's type under strict parsing 1042, value with objectValue 1130,
// formula without "=" 1162, formula with a value 1163, a hyperlink that is not {url: "http(s)://…"}
// 1008 (assumed: Smartsheet documents no code for it).
import { ApiError } from '../errors';
import type { Cell, Sheet } from '../state';

const MAX_CELL_CHARS = 4000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The cells the row would get (null = clear that cell), or the ApiError that rejects the row. */
export function validCells(sheet: Sheet, input: unknown): Map<string, Cell | null> {
	const cells = new Map<string, Cell | null>();
	if (input === undefined) return cells;
	if (!Array.isArray(input)) throw new ApiError(1008, ['row.cells must be a list']);
	for (const raw of input as unknown[]) {
		if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
			throw new ApiError(1008, ['a cell must be a JSON object']);
		const cell = raw as Record<string, unknown>;
		if (cell.columnId === undefined || cell.columnId === null)
			throw new ApiError(1012, ['cell.columnId']);
		const columnId = String(cell.columnId);
		const column = sheet.columns.find((candidate) => candidate.id === columnId);
		if (!column) throw new ApiError(1036, [columnId]);
		if (cells.has(columnId)) throw new ApiError(1037, [columnId]);
		if (cell.strict !== undefined && typeof cell.strict !== 'boolean')
			throw new ApiError(1008, ['cell.strict must be a boolean']);
		if (cell.value !== undefined && cell.objectValue !== undefined) throw new ApiError(1130);
		if (cell.formula !== undefined) {
			if (typeof cell.formula !== 'string' || !cell.formula.startsWith('='))
				throw new ApiError(1162);
			if (
				['value', 'objectValue', 'image', 'hyperlink', 'linkInFromCell'].some(
					(key) => cell[key] !== undefined && cell[key] !== null,
				)
			)
				throw new ApiError(1163);
			if (cell.formula.length > MAX_CELL_CHARS)
				throw new ApiError(1041, [
					`cell.formula (column ${columnId})`,
					String(MAX_CELL_CHARS),
					String(cell.formula.length),
				]);
			cells.set(columnId, { formula: cell.formula });
			continue;
		}
		if (cell.objectValue !== null && typeof cell.objectValue === 'object') {
			cells.set(columnId, {
				value: multiValueText(column.type, cell.objectValue as Record<string, unknown>),
			});
			continue;
		}
		const value = cell.value !== undefined ? cell.value : cell.objectValue;
		if (value === undefined || value === null || value === '') {
			cells.set(columnId, null);
			continue;
		}
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
			throw new ApiError(1038);
		if (typeof value === 'number' && !Number.isFinite(value)) throw new ApiError(1038);
		if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
			throw new ApiError(1041, [
				`cell.value (column ${columnId})`,
				String(MAX_CELL_CHARS),
				String(value.length),
			]);
		}
		const typed = cell.strict === false ? lenient(column.type, value) : value;
		if (cell.strict !== false && !fitsStrictly(column.type, typed))
			throw new ApiError(1042, [columnId, String(value), column.type]);
		const hyperlink = hyperlinkOf(cell.hyperlink);
		cells.set(columnId, hyperlink ? { value: typed, hyperlink } : { value: typed });
	}
	return cells;
}

/**
 * A multi-picklist or multi-contact objectValue ({objectType: MULTI_PICKLIST, values: [text]} or
 * {objectType: MULTI_CONTACT, values: [{objectType: CONTACT, email}]}), kept as the text a read
 * without level shows ("a, b"); any other object, or one that does not fit the column, is 1008.
 */
function multiValueText(type: string, objectValue: Record<string, unknown>): string {
	const values = Array.isArray(objectValue.values) ? (objectValue.values as unknown[]) : undefined;
	if (
		type === 'MULTI_PICKLIST' &&
		objectValue.objectType === 'MULTI_PICKLIST' &&
		values?.every((entry) => typeof entry === 'string')
	) {
		return values.join(', ');
	}
	const emails = values?.map((entry) => (entry as Record<string, unknown> | null)?.email);
	if (
		type === 'MULTI_CONTACT_LIST' &&
		objectValue.objectType === 'MULTI_CONTACT' &&
		emails?.every((email) => typeof email === 'string' && EMAIL.test(email))
	) {
		return emails.join(', ');
	}
	throw new ApiError(1008, [`cell.objectValue does not fit a ${type} column`]);
}

function hyperlinkOf(input: unknown): { url: string } | undefined {
	if (input === undefined || input === null) return undefined;
	const url = (input as Record<string, unknown>).url;
	if (typeof input !== 'object' || typeof url !== 'string' || !/^https?:\/\/\S+$/i.test(url))
		throw new ApiError(1008, ['cell.hyperlink must be {"url": "http(s)://…"}']);
	return { url };
}

/** Strict parsing (the default): the value must already be of the column's type. */
function fitsStrictly(type: string, value: string | number | boolean): boolean {
	switch (type) {
		case 'CHECKBOX':
			return typeof value === 'boolean';
		case 'DATE':
			return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
		case 'DATETIME':
		case 'ABSTRACT_DATETIME':
			return (
				typeof value === 'string' &&
				(DATETIME.test(value) || DATE.test(value)) &&
				!Number.isNaN(Date.parse(value))
			);
		case 'CONTACT_LIST':
			return typeof value === 'string' && EMAIL.test(value);
		default:
			return true;
	}
}

/** strict:false: Smartsheet interprets the value (numbers from text, checkboxes from words). */
function lenient(type: string, value: string | number | boolean): string | number | boolean {
	if (typeof value !== 'string')
		return type === 'CHECKBOX' && typeof value === 'number' ? value !== 0 : value;
	const text = value.trim();
	if (type === 'CHECKBOX') return /^(true|yes|1|checked)$/i.test(text);
	if (type === 'TEXT_NUMBER' && /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text)))
		return Number(text);
	return value;
}
