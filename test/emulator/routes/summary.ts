// Sheet summary fields (https://developers.smartsheet.com/api/smartsheet/openapi/sheetsummary):
// the summary, its fields (offset paging), add (POST a list; renameIfConflict) and update (PUT a
// list, each with its id). There is no POST or PUT on /summary itself. Adding fields needs
// summary ADMIN (sheet Admin); changing only values needs READ_WRITE (Editor).
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { ACCESS_RANK, isoSeconds, type Sheet, type SummaryField } from '../state';
import { COLUMN_TYPES, optionsOf } from './columnInput';
import { paged } from './paging';
import { flag } from './query';
import { sheetOf } from './sheets';

/** Summary fields take the column types without the system ones. */
const FIELD_TYPES = new Set([...COLUMN_TYPES].filter((type) => type !== 'PREDECESSOR'));
const VALUE_ONLY = new Set(['id', 'objectValue', 'formula']);

function fieldOut(field: SummaryField, index: number) {
	const { createdAt, modifiedAt, objectValue, ...rest } = field;
	return {
		...rest,
		index,
		...(objectValue === undefined ? {} : { objectValue, displayValue: String(objectValue) }),
		createdAt: isoSeconds(createdAt),
		modifiedAt: isoSeconds(modifiedAt),
	};
}

function fieldsOut(sheet: Sheet) {
	return (sheet.summary ?? []).map(fieldOut);
}

function listOf(ctx: RequestContext): Array<Record<string, unknown>> {
	const body = ctx.json();
	const list = Array.isArray(body) ? body : [body];
	if (list.length === 0) throw new ApiError(1012, ['fields']);
	return list.map((entry) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
			throw new ApiError(1008, ['each field must be a JSON object']);
		return entry as Record<string, unknown>;
	});
}

function valueOf(input: Record<string, unknown>): Pick<SummaryField, 'objectValue' | 'formula'> {
	const { objectValue, formula } = input;
	if (formula !== undefined) {
		if (typeof formula !== 'string' || !formula.startsWith('=')) throw new ApiError(1162);
		if (objectValue !== undefined) throw new ApiError(1163);
		return { formula };
	}
	if (objectValue === undefined || objectValue === null) return {};
	if (typeof objectValue === 'object' && 'value' in objectValue)
		return valueOf({ objectValue: (objectValue as { value: unknown }).value });
	if (!['string', 'number', 'boolean'].includes(typeof objectValue)) throw new ApiError(1038);
	return { objectValue: objectValue as SummaryField['objectValue'] };
}

function typeOf(type: unknown): string {
	if (type === undefined) return 'TEXT_NUMBER';
	if (typeof type !== 'string' || !FIELD_TYPES.has(type))
		throw new ApiError(1008, [`${JSON.stringify(type)} is not a summary field type`]);
	return type;
}

function uniqueTitle(title: string, taken: Set<string>, rename: boolean): string {
	if (!taken.has(title.toLowerCase())) return title;
	if (!rename) throw new ApiError(1129);
	for (let n = 1; ; n++) if (!taken.has(`${title} (${n})`.toLowerCase())) return `${title} (${n})`;
}

function addFields(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const rename = flag(ctx.query, 'renameIfConflict');
	const fields = (sheet.summary ??= []);
	const taken = new Set(fields.map((field) => field.title.toLowerCase()));
	const now = Date.now();
	const made = listOf(ctx).map((input): SummaryField => {
		if (input.id !== undefined) throw new ApiError(1032, ['id']);
		if (typeof input.title !== 'string' || !input.title.trim())
			throw new ApiError(
				input.title === undefined ? 1012 : 1031,
				input.title === undefined ? ['title'] : [JSON.stringify(input.title), 'title'],
			);
		const title = uniqueTitle(input.title, taken, rename);
		taken.add(title.toLowerCase());
		return {
			id: ctx.emulator.state.ids.id(),
			title,
			type: typeOf(input.type),
			...optionsOf(input),
			...valueOf(input),
			locked: input.locked === true,
			createdAt: now,
			modifiedAt: now,
		};
	});
	fields.push(...made);
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: made.map((field) => fieldOut(field, fields.indexOf(field))),
		},
	};
}

function updateFields(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const rename = flag(ctx.query, 'renameIfConflict');
	const fields = sheet.summary ?? [];
	const admin = ACCESS_RANK[ctx.emulator.state.accessLevel(sheet.id)] >= ACCESS_RANK.ADMIN;
	const changes = listOf(ctx).map((input) => {
		if (input.id === undefined) throw new ApiError(1012, ['id']);
		const field = fields.find((candidate) => candidate.id === String(input.id));
		if (!field) throw new ApiError(1006);
		// An Editor (summary READ_WRITE) may change values, not the fields themselves.
		if (!admin && Object.keys(input).some((key) => !VALUE_ONLY.has(key))) throw new ApiError(1004);
		if (field.locked && !admin) throw new ApiError(1004);
		if (input.title !== undefined && (typeof input.title !== 'string' || !input.title.trim()))
			throw new ApiError(1031, [JSON.stringify(input.title), 'title']);
		const type = input.type === undefined ? undefined : typeOf(input.type);
		const value =
			input.objectValue !== undefined || input.formula !== undefined ? valueOf(input) : undefined;
		return { field, title: input.title as string | undefined, type, value };
	});
	// Everything is checked before anything changes: a bad field leaves the summary as it was.
	const now = Date.now();
	for (const { field, title, type, value } of changes) {
		if (title !== undefined)
			field.title = uniqueTitle(
				title,
				new Set(
					fields.filter((other) => other !== field).map((other) => other.title.toLowerCase()),
				),
				rename,
			);
		if (type !== undefined) field.type = type;
		if (value !== undefined) {
			delete field.objectValue;
			delete field.formula;
			Object.assign(field, value);
		}
		field.modifiedAt = now;
	}
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			result: changes.map(({ field }) => fieldOut(field, fields.indexOf(field))),
		},
	};
}

export const summaryRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/summary',
		scope: 'READ_SHEETS',
		handler: (ctx) => ({ body: { sheetId: sheetOf(ctx).id, fields: fieldsOut(sheetOf(ctx)) } }),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/summary/fields',
		scope: 'READ_SHEETS',
		handler: (ctx) => ({ body: paged(fieldsOut(sheetOf(ctx)), ctx.query) }),
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/summary/fields',
		scope: 'ADMIN_SHEETS',
		write: true,
		access: 'ADMIN',
		handler: addFields,
	},
	{
		method: 'PUT',
		path: '/2.0/sheets/{sheetId}/summary/fields',
		scope: 'ADMIN_SHEETS',
		write: true,
		access: 'EDITOR',
		handler: updateFields,
	},
];
