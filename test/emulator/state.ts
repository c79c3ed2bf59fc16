// The emulator's world: one user, workspaces and folders, sheets with columns and rows, and the
// OAuth grants it has handed out. IDs are digit strings (see json.ts); some exceed 2^53 on purpose.
import { EmulatorClock } from './clock';
import { WebhookRegistry } from './webhooks/registry';

export interface User {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	locale: string;
	timeZone: string;
	account: { id: string; name: string };
}

export interface Column {
	id: string;
	title: string;
	type: string;
	primary?: boolean;
	options?: string[];
}

export interface Cell {
	value?: string | number | boolean;
	formula?: string;
	/** A link the cell opens (Smartsheet's hyperlink object; only URL links here). */
	hyperlink?: { url: string };
}

export interface Row {
	id: string;
	/** The row this one is indented under, if any. */
	parentId?: string;
	createdAt: number;
	modifiedAt: number;
	/** Who last wrote the row through the API (include=writerInfo); absent: the sheet's owner (seed). */
	createdBy?: Person;
	modifiedBy?: Person;
	cells: Map<string, Cell>;
	/** Every change of each cell through the API, oldest first, by column ID (cell history). */
	history?: Map<string, CellChange[]>;
}

/** Who did something, as Smartsheet names people in createdBy / modifiedBy. */
export interface Person {
	name: string;
	email: string;
}

export interface CellChange {
	value?: string | number | boolean;
	formula?: string;
	displayValue?: string;
	modifiedAt: number;
	modifiedBy: Person;
}

export interface Attachment {
	id: string;
	name: string;
	/** FILE (uploaded bytes) or a URL attachment: LINK, GOOGLE_DRIVE, BOX_COM, … */
	attachmentType: string;
	attachmentSubType?: string;
	mimeType?: string;
	sizeInKb?: number;
	parentType: 'SHEET' | 'ROW';
	parentId: string;
	createdAt: string;
	createdBy?: Person;
	/** FILE only. */
	bytes?: Buffer;
	/** URL attachments only: where the link points. */
	url?: string;
}

export interface Comment {
	id: string;
	text: string;
	createdBy: Person;
	createdAt: number;
	modifiedAt: number;
}

export interface Discussion {
	id: string;
	parentType: 'SHEET' | 'ROW';
	parentId: string;
	comments: Comment[];
}

export interface Sheet {
	id: string;
	name: string;
	version: number;
	columns: Column[];
	/** In display order; rowNumber = position + 1. */
	rows: Row[];
	rowsById: Map<string, Row>;
	createdAt: number;
	modifiedAt: number;
	workspaceId?: string;
	folderId?: string;
	attachments?: Attachment[];
	discussions?: Discussion[];
	/** The sheet summary's fields, in display order. */
	summary?: SummaryField[];
}

/** A sheet summary field: a titled, typed value beside the grid. */
export interface SummaryField {
	id: string;
	title: string;
	type: string;
	objectValue?: string | number | boolean;
	formula?: string;
	options?: string[];
	locked: boolean;
	createdAt: number;
	modifiedAt: number;
}

/** A saved view over source sheets: the rows of those sheets the user may see that pass its filter. */
export interface Report {
	id: string;
	name: string;
	sourceSheetIds: string[];
	/** Report columns match source columns by title; each has its own (virtual) ID. */
	columns: Array<{ virtualId: string; title: string }>;
	filter?: { title: string; operator: 'equals' | 'notEquals'; value: Cell['value'] };
	/** The definition set through PUT /reports/{id}/definition (filters apply to its rows). */
	definition?: ReportDefinition;
	workspaceId?: string;
	folderId?: string;
	createdAt: number;
	modifiedAt: number;
}

/** A share of a sheet, report, dashboard or workspace through the unified /shares endpoints (2025). */
export interface Share {
	/** Alphanumeric, unlike every other Smartsheet ID. */
	id: string;
	type: 'USER' | 'GROUP';
	userId?: string;
	groupId?: string;
	email?: string;
	accessLevel: string;
	scope: 'ITEM';
	createdAt: number;
	modifiedAt: number;
}

/** A dashboard (Smartsheet's API calls them sights); the emulator knows only where it lives. */
export interface Sight {
	id: string;
	name: string;
	workspaceId?: string;
	folderId?: string;
}

/** A report's filters: AND or OR over criteria and nested expressions, at most 3 levels deep. */
export interface ReportFilter {
	operator: 'AND' | 'OR';
	criteria: Array<{ title: string; operator: string; values: Cell['value'][] }>;
	nestedCriteria: ReportFilter[];
}

export interface ReportDefinition {
	filters?: ReportFilter;
	/** Kept and answered as sent: the emulator does not sort or group. */
	[other: string]: unknown;
}

export type AccessLevel = 'OWNER' | 'ADMIN' | 'EDITOR' | 'VIEWER' | 'NONE';
export const ACCESS_LEVELS: AccessLevel[] = ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER', 'NONE'];

/** How much each level may do, to compare a user's level with what a route needs. */
export const ACCESS_RANK: Record<AccessLevel, number> = {
	NONE: 0,
	VIEWER: 1,
	EDITOR: 2,
	ADMIN: 3,
	OWNER: 4,
};

export interface AccessToken {
	userId: string;
	clientId: string | null; // null: a personal access token (every scope; expires only if an admin set an expiry)
	scopes: Set<string> | 'all';
	expiresAt: number | null;
	revoked: boolean;
}

export interface RefreshToken {
	userId: string;
	clientId: string;
	scopes: string[];
	state: 'active' | 'rotated' | 'revoked';
	/** The access token issued with it (DELETE /2.0/token revokes both). */
	accessToken: string;
}

export interface AuthorizationCode {
	clientId: string;
	userId: string;
	scopes: string[];
	expiresAt: number;
	used: boolean;
}

/** Distinct, increasing IDs from a base; a step that keeps them looking like Smartsheet's. */
export class IdGenerator {
	private next = 0n;

	constructor(private readonly base: bigint) {}

	id(): string {
		this.next += 1n;
		return (this.base + this.next * 7919n).toString();
	}
}

export class EmulatorState {
	readonly ids = new IdGenerator(4_583_173_393_803_140n);
	/** The first one is 2^53 + 1 = 9007199254740993, which a JavaScript number cannot hold. */
	readonly bigIds = new IdGenerator(9_007_199_254_740_993n - 7919n);
	readonly user: User = {
		id: '4856934849340121',
		email: 'demo.user@example.com',
		firstName: 'Demo',
		lastName: 'User',
		locale: 'en_US',
		timeZone: 'UTC',
		account: { id: '2046297837381508', name: 'Demo Account' },
	};
	readonly users: User[] = [this.user];
	readonly workspaces: Array<{ id: string; name: string; createdAt?: number }> = [];
	/** workspaceId is the folder's workspace; parentFolderId is set for a folder inside a folder. */
	readonly folders: Array<{
		id: string;
		name: string;
		workspaceId: string;
		parentFolderId?: string;
		createdAt?: number;
	}> = [];
	readonly reports = new Map<string, Report>();
	readonly sheets = new Map<string, Sheet>();
	readonly sights: Sight[] = [];
	/** Sheet templates: a sheet's shape, not a sheet (never listed or read as one); new sheets come from them. */
	readonly templates = new Map<string, Sheet>();
	/** By asset: `<assetType>:<assetId>`. */
	readonly shares = new Map<string, Share[]>();
	readonly access = new Map<string, AccessLevel>();
	readonly accessTokens = new Map<string, AccessToken>();
	readonly refreshTokens = new Map<string, RefreshToken>();
	readonly codes = new Map<string, AuthorizationCode>();
	readonly webhooks = new WebhookRegistry();
	readonly clock = new EmulatorClock();

	/** The emulator's current time (clock.ts): real, or where a test stopped it. */
	now(): number {
		return this.clock.now();
	}

	/** The user's level on a sheet, report or workspace (folders share their workspace's). */
	accessLevel(objectId: string): AccessLevel {
		return this.access.get(objectId) ?? 'OWNER';
	}

	createSheet(
		name: string,
		columns: Array<Omit<Column, 'id'>>,
		options: { bigIds?: boolean; workspaceId?: string; folderId?: string } = {},
	): Sheet {
		const ids = options.bigIds ? this.bigIds : this.ids;
		const now = this.now();
		const sheet: Sheet = {
			id: ids.id(),
			name,
			version: 1,
			columns: columns.map((column) => ({ ...column, id: ids.id() })),
			rows: [],
			rowsById: new Map(),
			createdAt: now,
			modifiedAt: now,
			workspaceId: options.workspaceId,
			folderId: options.folderId,
		};
		this.sheets.set(sheet.id, sheet);
		return sheet;
	}

	/** A report over `sourceSheetIds` showing the columns titled `titles`. */
	createReport(
		name: string,
		sourceSheetIds: string[],
		titles: string[],
		options: { bigIds?: boolean; workspaceId?: string; filter?: Report['filter'] } = {},
	): Report {
		const ids = options.bigIds ? this.bigIds : this.ids;
		const now = this.now();
		const report: Report = {
			id: ids.id(),
			name,
			sourceSheetIds,
			columns: titles.map((title) => ({ virtualId: ids.id(), title })),
			filter: options.filter,
			workspaceId: options.workspaceId,
			createdAt: now,
			modifiedAt: now,
		};
		this.reports.set(report.id, report);
		return report;
	}

	/** A row with a fresh ID, not yet in any sheet. */
	newRow(cells: Map<string, Cell>, options: { bigIds?: boolean } = {}): Row {
		const now = this.now();
		return {
			id: (options.bigIds ? this.bigIds : this.ids).id(),
			createdAt: now,
			modifiedAt: now,
			cells,
		};
	}

	/** A new row at the bottom of the sheet. */
	addRow(sheet: Sheet, values: Record<string, Cell>, options: { bigIds?: boolean } = {}): Row {
		const row = this.newRow(new Map(Object.entries(values)), options);
		sheet.rows.push(row);
		sheet.rowsById.set(row.id, row);
		return row;
	}

	/** Removes rows and everything indented under them, as Smartsheet deletes a parent's children. */
	removeRows(sheet: Sheet, ids: Iterable<string>): string[] {
		const doomed = new Set(ids);
		for (const row of sheet.rows) if (row.parentId && doomed.has(row.parentId)) doomed.add(row.id);
		sheet.rows = sheet.rows.filter((row) => !doomed.has(row.id));
		for (const id of doomed) sheet.rowsById.delete(id);
		// A deleted row's attachments and discussions go with it.
		sheet.attachments = sheet.attachments?.filter(
			(part) => part.parentType !== 'ROW' || !doomed.has(part.parentId),
		);
		sheet.discussions = sheet.discussions?.filter(
			(part) => part.parentType !== 'ROW' || !doomed.has(part.parentId),
		);
		return [...doomed];
	}

	/** Marks a change: the version goes up and modifiedAt moves. */
	touch(sheet: Sheet): void {
		sheet.version++;
		sheet.modifiedAt = this.now();
	}
}

/** Smartsheet's timestamp format: UTC ISO-8601 to the second (YYYY-MM-DDTHH:MM:SSZ). */
export function isoSeconds(ms: number): string {
	// Rows made together share a timestamp; remembering the last one saves most of a big sheet's work.
	if (ms !== lastStamp.ms)
		lastStamp = { ms, text: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') };
	return lastStamp.text;
}

let lastStamp = { ms: Number.NaN, text: '' };
