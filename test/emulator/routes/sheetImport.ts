// Import a CSV or XLSX file as a new sheet (https://developers.smartsheet.com/api/smartsheet/openapi/imports):
// POST /workspaces/{id}/sheets/import, /folders/{id}/sheets/import or (deprecated Home) /sheets/import,
// the raw file as the body with its Content-Type (text/csv or the XLSX type) and Content-Disposition: attachment.
// sheetName names the sheet; headerRowIndex (zero-based) gives the titles and drops the rows above
// it, else the columns are Column1, Column2…; primaryColumnIndex (default 0) is the primary column.
// An XLSX file's first worksheet is read as text (xlsx.ts).
import type { Answer, RequestContext } from '../context';
import { ApiError } from '../errors';
import type { Cell } from '../state';
import { readXlsx } from './xlsx';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 4180: commas, quoted fields with "" for a quote, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
	};
	const endRow = () => {
		endField();
		rows.push(row);
		row = [];
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted && ch === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted && ch === '"') quoted = false;
		else if (quoted) field += ch;
		else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') endField();
		else if (ch === '\r' && text[i + 1] === '\n')
			continue; // the \n ends the row
		else if (ch === '\n' || ch === '\r') endRow();
		else field += ch;
	}
	if (field !== '' || row.length) endRow();
	return rows;
}

function rowsOf(type: string, body: Buffer): string[][] {
	if (type === CSV) return parseCsv(body.toString('utf8'));
	try {
		return readXlsx(body);
	} catch (error) {
		throw new ApiError(1008, [
			`the file is not a readable XLSX workbook (${(error as Error).message})`,
		]);
	}
}

function index(
	query: URLSearchParams,
	name: string,
	fallback: number | undefined,
): number | undefined {
	const raw = query.get(name);
	if (raw === null) return fallback;
	if (!/^\d+$/.test(raw)) throw new ApiError(1018, [raw, name]);
	return Number(raw);
}

export function importSheet(
	ctx: RequestContext,
	location: { workspaceId?: string; folderId?: string },
): Answer {
	const type = (ctx.request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (type !== CSV && type !== XLSX) throw new ApiError(1124);
	if (!/^attachment\b/i.test(String(ctx.request.headers['content-disposition'] ?? '')))
		throw new ApiError(1011, ['Content-Disposition']);
	const name = ctx.query.get('sheetName');
	if (!name) throw new ApiError(1009, ['sheetName']);
	// Smartsheet: "Sheet name and file name must be ASCII".
	if (!/^[\x20-\x7e]+$/.test(name)) throw new ApiError(1018, [name, 'sheetName']);
	if (ctx.bodyBuffer.length === 0) throw new ApiError(1024);
	const lines = rowsOf(type, ctx.bodyBuffer).filter((line) => line.some((value) => value !== ''));
	const headerRow = index(ctx.query, 'headerRowIndex', undefined);
	const width = Math.max(1, ...lines.map((line) => line.length));
	const primary = index(ctx.query, 'primaryColumnIndex', 0)!;
	if (primary >= width) throw new ApiError(1018, [String(primary), 'primaryColumnIndex']);
	if (headerRow !== undefined && headerRow >= lines.length)
		throw new ApiError(1018, [String(headerRow), 'headerRowIndex']);
	const header = headerRow === undefined ? [] : lines[headerRow];
	const titles = Array.from(
		{ length: width },
		(_, column) => header[column]?.trim() || `Column${column + 1}`,
	);
	if (new Set(titles.map((title) => title.toLowerCase())).size !== titles.length)
		throw new ApiError(1056);
	const state = ctx.emulator.state;
	const sheet = state.createSheet(
		name,
		titles.map((title, column) => ({
			title,
			type: 'TEXT_NUMBER',
			...(column === primary ? { primary: true } : {}),
		})),
		location,
	);
	for (const line of lines.slice(headerRow === undefined ? 0 : headerRow + 1)) {
		const cells: Record<string, Cell> = {};
		line.forEach((value, column) => value !== '' && (cells[sheet.columns[column].id] = { value }));
		state.addRow(sheet, cells);
	}
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: {
				id: sheet.id,
				name: sheet.name,
				accessLevel: 'OWNER',
				permalink: `https://app.smartsheet.com/sheets/${sheet.id}`,
				type: 'sheet',
			},
		},
	};
}
