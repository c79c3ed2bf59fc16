// Where rows go (Smartsheet's "Row location attributes"): toTop, toBottom, parentId (+toTop/toBottom),
// siblingId (+above), indent, outdent. Every row of a request must use the same location (1123);
// other combinations are invalid (1062); a parent or sibling that is not in the sheet: 1063/1064.
import { ApiError } from '../errors';
import type { Row, Sheet } from '../state';

const LOCATION_KEYS = [
	'toTop',
	'toBottom',
	'parentId',
	'siblingId',
	'above',
	'indent',
	'outdent',
] as const;

export interface Location {
	toTop?: boolean;
	toBottom?: boolean;
	parentId?: string;
	siblingId?: string;
	above?: boolean;
	indent?: boolean;
	outdent?: boolean;
}

/** The one location all rows of a request share. */
export function requestLocation(
	rows: Array<Record<string, unknown>>,
	sheet: Sheet,
	mode: 'add' | 'update',
): Location {
	const locations = rows.map(locationOf);
	const first = JSON.stringify(locations[0] ?? {});
	if (locations.some((location) => JSON.stringify(location) !== first)) throw new ApiError(1123);
	const location = locations[0] ?? {};
	const keys = Object.keys(location).sort().join('+');
	const valid = [
		'',
		'toTop',
		'toBottom',
		'parentId',
		'parentId+toTop',
		'parentId+toBottom',
		'siblingId',
		'above+siblingId',
	];
	if (mode === 'update') valid.push('indent', 'outdent');
	if (!valid.includes(keys)) throw new ApiError(1062);
	if (location.parentId !== undefined && !sheet.rowsById.has(location.parentId))
		throw new ApiError(1063, [location.parentId]);
	if (location.siblingId !== undefined && !sheet.rowsById.has(location.siblingId))
		throw new ApiError(1064, [location.siblingId]);
	return location;
}

function locationOf(row: Record<string, unknown>): Location {
	const location: Location = {};
	for (const key of LOCATION_KEYS) {
		const value = row[key];
		if (value === undefined || value === null || value === false) continue; // toTop:false is no location
		if (key === 'parentId' || key === 'siblingId') {
			if (typeof value !== 'string' && typeof value !== 'number')
				throw new ApiError(1008, [`row.${key} must be an ID`]);
			location[key] = String(value);
		} else if (key === 'indent' || key === 'outdent') {
			location[key] = true; // Smartsheet takes indent/outdent: 1
		} else if (value === true) {
			location[key] = true;
		} else {
			throw new ApiError(1008, [`row.${key} must be a boolean`]);
		}
	}
	return location;
}

export function hasPlacement(location: Location): boolean {
	return Object.keys(location).length > 0;
}

/** New rows into the sheet at the location, in request order. */
export function insertRows(sheet: Sheet, rows: Row[], location: Location): void {
	const { index, parentId } = anchor(sheet, location);
	for (const row of rows) {
		if (parentId) row.parentId = parentId;
		else delete row.parentId;
	}
	sheet.rows.splice(index, 0, ...rows);
	for (const row of rows) sheet.rowsById.set(row.id, row);
}

/** Existing rows (with everything under them) to the location, in request order. */
export function moveRows(sheet: Sheet, rows: Row[], location: Location): void {
	if (location.indent || location.outdent) {
		for (const row of rows) (location.indent ? indent : outdent)(sheet, row);
		return;
	}
	const moving = new Set(rows.map((row) => row.id));
	const target = location.parentId ?? location.siblingId;
	if (target && [...ancestry(sheet, target)].some((id) => moving.has(id))) throw new ApiError(1062); // under itself
	const blocks = rows.map((row) => subtree(sheet, row));
	const inBlocks = new Set(blocks.flat().map((row) => row.id));
	sheet.rows = sheet.rows.filter((row) => !inBlocks.has(row.id));
	const { index, parentId } = anchor(sheet, location);
	for (const row of rows) {
		if (parentId) row.parentId = parentId;
		else delete row.parentId;
	}
	sheet.rows.splice(index, 0, ...blocks.flat());
}

/** Where a block goes, and under which parent. */
function anchor(sheet: Sheet, location: Location): { index: number; parentId?: string } {
	if (location.parentId) {
		const parent = sheet.rowsById.get(location.parentId)!;
		const start = sheet.rows.indexOf(parent);
		return {
			index: location.toBottom ? start + subtree(sheet, parent).length : start + 1,
			parentId: parent.id,
		};
	}
	if (location.siblingId) {
		const sibling = sheet.rowsById.get(location.siblingId)!;
		const start = sheet.rows.indexOf(sibling);
		return {
			index: location.above ? start : start + subtree(sheet, sibling).length,
			parentId: sibling.parentId,
		};
	}
	return { index: location.toTop ? 0 : sheet.rows.length };
}

/** The row and every row under it (they follow it directly). */
export function subtree(sheet: Sheet, row: Row): Row[] {
	const start = sheet.rows.indexOf(row);
	let end = start + 1;
	while (end < sheet.rows.length && ancestry(sheet, sheet.rows[end].id).has(row.id)) end++;
	return sheet.rows.slice(start, end);
}

/** The row's own ID and those of every row above it in the hierarchy. */
function ancestry(sheet: Sheet, rowId: string): Set<string> {
	const ids = new Set<string>();
	for (
		let id: string | undefined = rowId;
		id && !ids.has(id);
		id = sheet.rowsById.get(id)?.parentId
	)
		ids.add(id);
	return ids;
}

/** indent: the row goes under the sibling right above it (it stays where it is on screen). */
function indent(sheet: Sheet, row: Row): void {
	const index = sheet.rows.indexOf(row);
	const previous = sheet.rows
		.slice(0, index)
		.reverse()
		.find((candidate) => candidate.parentId === row.parentId);
	if (!previous) throw new ApiError(1062);
	row.parentId = previous.id;
}

/** outdent: the row becomes a sibling of its parent, placed after the parent's other children. */
function outdent(sheet: Sheet, row: Row): void {
	if (!row.parentId) throw new ApiError(1062);
	const parent = sheet.rowsById.get(row.parentId)!;
	const block = subtree(sheet, row);
	sheet.rows = sheet.rows.filter((candidate) => !block.includes(candidate));
	const parentEnd = sheet.rows.indexOf(parent) + subtree(sheet, parent).length;
	if (parent.parentId) row.parentId = parent.parentId;
	else delete row.parentId;
	sheet.rows.splice(parentEnd, 0, ...block);
}
