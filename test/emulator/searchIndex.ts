// A search index that lags behind writes, as Smartsheet's does ("Newly created or recently updated
// data may not be immediately discoverable via search"). A change reaches the index only
// searchLagMs after it was made; until then searches see what was there before (or nothing, for
// new things). The demo data is indexed from the start (primeSearchIndex); other objects from the
// first search after their lag. Access is checked at search time.
import type { EmulatorState } from './state';

export type SearchScope =
	| 'cellData'
	| 'sheetNames'
	| 'reportNames'
	| 'workspaceNames'
	| 'folderNames';

export interface SearchDoc {
	key: string;
	scope: SearchScope;
	objectType: 'row' | 'sheet' | 'report' | 'workspace' | 'folder';
	objectId: string;
	parent?: { objectType: 'sheet' | 'workspace'; objectId: string; name: string };
	/** The searchable texts (a row's cells, or one name). */
	texts: string[];
	contextData?: string[];
	/** The ID whose access level decides whether the user may see this hit. */
	accessId: string;
	/** The sheet whose rows these are: a search in one sheet looks only at its rows. */
	sheetId?: string;
	modifiedAt: number;
}

interface Indexed {
	doc: SearchDoc;
	/** Set once the object is gone from the world; it leaves the index a lag later. */
	goneSince?: number;
}

const indexes = new WeakMap<EmulatorState, Map<string, Indexed>>();

/** What the world holds now, as index documents. */
function currentDocs(state: EmulatorState): SearchDoc[] {
	const docs: SearchDoc[] = [];
	const workspaceNames = new Map(
		state.workspaces.map((workspace) => [workspace.id, workspace.name]),
	);
	for (const sheet of state.sheets.values()) {
		docs.push({
			key: `sheet:${sheet.id}`,
			scope: 'sheetNames',
			objectType: 'sheet',
			objectId: sheet.id,
			texts: [sheet.name],
			accessId: sheet.id,
			modifiedAt: sheet.modifiedAt,
		});
		sheet.rows.forEach((row, index) => {
			const texts = [...row.cells.values()]
				.map((cell) => cell.value)
				.filter((value) => value !== undefined && value !== '')
				.map(String);
			docs.push({
				key: `row:${row.id}`,
				scope: 'cellData',
				objectType: 'row',
				objectId: row.id,
				parent: { objectType: 'sheet', objectId: sheet.id, name: sheet.name },
				texts,
				contextData: [`Row ${index + 1}`],
				accessId: sheet.id,
				sheetId: sheet.id,
				modifiedAt: row.modifiedAt,
			});
		});
	}
	for (const report of state.reports.values()) {
		docs.push({
			key: `report:${report.id}`,
			scope: 'reportNames',
			objectType: 'report',
			objectId: report.id,
			texts: [report.name],
			accessId: report.id,
			modifiedAt: report.modifiedAt,
		});
	}
	for (const workspace of state.workspaces) {
		docs.push({
			key: `workspace:${workspace.id}`,
			scope: 'workspaceNames',
			objectType: 'workspace',
			objectId: workspace.id,
			texts: [workspace.name],
			accessId: workspace.id,
			modifiedAt: workspace.createdAt ?? 0,
		});
	}
	for (const folder of state.folders) {
		docs.push({
			key: `folder:${folder.id}`,
			scope: 'folderNames',
			objectType: 'folder',
			objectId: folder.id,
			parent: {
				objectType: 'workspace',
				objectId: folder.workspaceId,
				name: workspaceNames.get(folder.workspaceId) ?? '',
			},
			texts: [folder.name],
			accessId: folder.workspaceId,
			modifiedAt: folder.createdAt ?? 0,
		});
	}
	return docs;
}

function sameContent(a: SearchDoc, b: SearchDoc): boolean {
	return a.texts.join('\u0000') === b.texts.join('\u0000') && a.parent?.name === b.parent?.name;
}

/** Indexes the world as it is now (the seed's data is searchable at once). */
export function primeSearchIndex(state: EmulatorState): void {
	indexes.set(state, new Map(currentDocs(state).map((doc) => [doc.key, { doc }])));
}

/** Brings the index up to date with every change older than the lag, and answers what it holds. */
export function searchableDocs(state: EmulatorState, lagMs: number, now: number): SearchDoc[] {
	let index = indexes.get(state);
	if (!index) indexes.set(state, (index = new Map()));
	const settled = now - lagMs;
	const current = new Map(currentDocs(state).map((doc) => [doc.key, doc]));
	for (const doc of current.values()) {
		const known = index.get(doc.key);
		if (known && !known.goneSince && sameContent(known.doc, doc)) continue;
		if (doc.modifiedAt <= settled) index.set(doc.key, { doc });
	}
	for (const [key, entry] of index) {
		if (current.has(key)) continue;
		// A row's deletion touched its sheet; anything else is dated from when the index noticed.
		const sheet =
			entry.doc.objectType === 'row' && entry.doc.sheetId
				? state.sheets.get(entry.doc.sheetId)
				: undefined;
		entry.goneSince ??= sheet?.modifiedAt ?? now;
		if (entry.goneSince <= settled) index.delete(key);
	}
	return [...index.values()].map((entry) => entry.doc);
}

/** Smartsheet-like matching: every word (or "quoted phrase") must appear, case-insensitive. */
export function queryTerms(query: string): string[] {
	return [...query.matchAll(/"([^"]+)"|(\S+)/g)].map((match) =>
		(match[1] ?? match[2]).toLowerCase(),
	);
}

/** The texts of the doc that the terms hit, or null when the doc does not match them all. */
export function matchedTexts(doc: SearchDoc, terms: string[]): string[] | null {
	const lower = doc.texts.map((text) => text.toLowerCase());
	if (!terms.every((term) => lower.some((text) => text.includes(term)))) return null;
	return doc.texts.filter((_text, i) => terms.some((term) => lower[i].includes(term)));
}
