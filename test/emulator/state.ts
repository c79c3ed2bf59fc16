// The emulator's world: one user, workspaces, sheets with columns and rows, and the OAuth grants
// it has handed out. IDs are digit strings (see json.ts); some are above 2^53 on purpose.

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
}

export interface Row {
	id: string;
	createdAt: string;
	modifiedAt: string;
	cells: Map<string, Cell>;
}

export interface Sheet {
	attachments?: Attachment[];
	id: string;
	name: string;
	version: number;
	columns: Column[];
	rows: Row[];
	createdAt: string;
	modifiedAt: string;
	workspaceId?: string;
	folderId?: string;
}

export interface Attachment {
	id: string;
	name: string;
	mimeType: string;
	sizeInKb: number;
	parentType: 'SHEET' | 'ROW';
	parentId: string;
	createdAt: string;
	bytes: Buffer;
}

export type AccessLevel = 'OWNER' | 'ADMIN' | 'EDITOR' | 'VIEWER' | 'NONE';

export interface AccessToken {
	userId: string;
	clientId: string | null; // null: a personal access token
	scopes: Set<string> | 'all';
	expiresAt: number | null;
	revoked: boolean;
}

export interface RefreshToken {
	userId: string;
	clientId: string;
	scopes: string[];
	state: 'active' | 'rotated' | 'revoked';
	accessToken: string;
}

export interface AuthorizationCode {
	clientId: string;
	userId: string;
	scopes: string[];
	expiresAt: number;
	used: boolean;
}

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
	readonly bigIds = new IdGenerator(9_007_199_254_740_993n - 7919n); // first one is 2^53 + 1
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
	readonly workspaces: Array<{ id: string; name: string }> = [];
	readonly folders: Array<{ id: string; name: string; workspaceId: string }> = [];
	readonly sheets = new Map<string, Sheet>();
	readonly access = new Map<string, AccessLevel>();
	readonly accessTokens = new Map<string, AccessToken>();
	readonly refreshTokens = new Map<string, RefreshToken>();
	readonly codes = new Map<string, AuthorizationCode>();

	accessLevel(sheetId: string): AccessLevel {
		return this.access.get(sheetId) ?? 'OWNER';
	}

	createSheet(name: string, columns: Array<Omit<Column, 'id'>>, options: { bigIds?: boolean; workspaceId?: string; folderId?: string } = {}): Sheet {
		const ids = options.bigIds ? this.bigIds : this.ids;
		const now = new Date().toISOString();
		const sheet: Sheet = {
			id: ids.id(),
			name,
			version: 1,
			columns: columns.map((column) => ({ ...column, id: ids.id() })),
			rows: [],
			createdAt: now,
			modifiedAt: now,
			workspaceId: options.workspaceId,
			folderId: options.folderId,
		};
		this.sheets.set(sheet.id, sheet);
		return sheet;
	}

	addRow(sheet: Sheet, values: Record<string, Cell>, bigIds = false): Row {
		const now = new Date().toISOString();
		const row: Row = { id: (bigIds ? this.bigIds : this.ids).id(), createdAt: now, modifiedAt: now, cells: new Map(Object.entries(values)) };
		sheet.rows.push(row);
		return row;
	}
}

/** Demo data: a project tracker, a sheet whose IDs exceed 2^53, a workspace and a folder. */
export function seed(state: EmulatorState): void {
	const workspace = { id: state.ids.id(), name: 'Demo Workspace' };
	state.workspaces.push(workspace);
	state.folders.push({ id: state.ids.id(), name: 'Projects', workspaceId: workspace.id });
	const tracker = state.createSheet(
		'Project Tracker',
		[
			{ title: 'Task', type: 'TEXT_NUMBER', primary: true },
			{ title: 'Status', type: 'PICKLIST', options: ['Not Started', 'In Progress', 'Done'] },
			{ title: 'Due', type: 'DATE' },
			{ title: 'Owner', type: 'CONTACT_LIST' },
			{ title: 'Done', type: 'CHECKBOX' },
		],
		{ workspaceId: workspace.id },
	);
	const [task, status, due, owner, done] = tracker.columns.map((column) => column.id);
	const tasks: Array<[string, string, string, boolean]> = [
		['Kickoff meeting', 'Done', '2026-11-02', true],
		['Collect requirements', 'Done', '2026-11-09', true],
		['Design review', 'In Progress', '2026-11-20', false],
		['Build the integration', 'In Progress', '2026-12-04', false],
		['Launch', 'Not Started', '2026-12-18', false],
	];
	for (const [name, state_, date, finished] of tasks) {
		state.addRow(tracker, {
			[task]: { value: name },
			[status]: { value: state_ },
			[due]: { value: date },
			[owner]: { value: state.user.email },
			[done]: { value: finished },
		});
	}
	const big = state.createSheet('Big IDs', [{ title: 'Name', type: 'TEXT_NUMBER', primary: true }], { bigIds: true });
	state.addRow(big, { [big.columns[0].id]: { value: 'a row whose ID exceeds 2^53' } }, true);
}
