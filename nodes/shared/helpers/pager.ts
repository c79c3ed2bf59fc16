// One pager for Smartsheet's lists. A paging style knows the query of a list's first page and, from
// an answer, the query of the next page or that there is none; the pager asks for pages until then.
// Smartsheet pages in two ways: page/pageSize (stop rules differ per endpoint, see the rules below)
// and lastKey/maxItems tokens (the last page carries no lastKey).
import type { IDataObject } from 'n8n-workflow';

/**
 * What the pager knows after a page: the paging query that fetched it, how many pages so far (this
 * one included), its item count and the item count so far.
 */
export interface PageFacts {
	query: IDataObject;
	pages: number;
	items: number;
	seen: number;
}

export interface PagingStyle<Answer> {
	/** The paging query of the first page. */
	readonly first: IDataObject;
	/** The paging query of the page after this one, or null when this one is the last. */
	next(answer: Answer, facts: PageFacts): IDataObject | null;
}

/** Every page of a list: `fetchPage` sends the paging query, `itemsOf` reads a page's items. */
export async function* pages<Answer, Item>(
	fetchPage: (paging: IDataObject) => Promise<Answer>,
	style: PagingStyle<NoInfer<Answer>>,
	itemsOf: (answer: NoInfer<Answer>) => Item[] | undefined,
): AsyncGenerator<Item[]> {
	let query: IDataObject | null = style.first;
	let seen = 0;
	for (let count = 1; query; count++) {
		const answer = await fetchPage(query);
		const items = itemsOf(answer) ?? [];
		seen += items.length;
		yield items;
		query = style.next(answer, { query, pages: count, items: items.length, seen });
	}
}

/** One page (an editor picker's page) and the paging query of the next one, or null. */
export async function onePage<Answer, Item>(
	fetchPage: (paging: IDataObject) => Promise<Answer>,
	style: PagingStyle<NoInfer<Answer>>,
	itemsOf: (answer: NoInfer<Answer>) => Item[] | undefined,
): Promise<{ items: Item[]; next: IDataObject | null }> {
	const answer = await fetchPage(style.first);
	const items = itemsOf(answer) ?? [];
	return {
		items,
		next: style.next(answer, {
			query: style.first,
			pages: 1,
			items: items.length,
			seen: items.length,
		}),
	};
}

/** The items of all pages, or of as many as `limit` needs (later pages are never requested). */
export async function collect<T>(pageList: AsyncGenerator<T[]>, limit?: number): Promise<T[]> {
	const items: T[] = [];
	for await (const page of pageList) {
		items.push(...page);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
	}
	return items;
}

/** page/pageSize paging from page `from`; `isLast` is the endpoint's stop rule (below). */
export function pageNumbers<Answer>(
	pageSize: number,
	isLast: (answer: Answer, facts: PageFacts) => boolean,
	from = 1,
): PagingStyle<Answer> {
	return {
		first: { page: from, pageSize },
		next: (answer, facts) => (isLast(answer, facts) ? null : { page: pageOf(facts) + 1, pageSize }),
	};
}

function pageOf(facts: PageFacts): number {
	return Number(facts.query.page);
}

/** lastKey/maxItems paging, starting after `lastKey` when given: the last page carries no lastKey. */
export function lastKeys(
	maxItems: number,
	lastKey?: string,
): PagingStyle<{ lastKey?: string | null }> {
	return {
		first: { maxItems, ...(lastKey ? { lastKey } : {}) },
		next: (answer) => (answer.lastKey ? { maxItems, lastKey: answer.lastKey } : null),
	};
}

// The stop rules of page/pageSize lists, as Smartsheet documents them per endpoint.

/** Lists with totals: the page Smartsheet numbers as the last (a page past the end repeats it; -1 totals stop). */
export function atTotalPages(
	answer: { totalPages?: number; pageNumber?: number },
	facts: PageFacts,
): boolean {
	const totalPages = answer.totalPages ?? 1;
	return (answer.pageNumber ?? pageOf(facts)) >= totalPages || totalPages < 0;
}

/** Lists whose totals may be -1 (GET /webhooks since 2026): a short page is the last, or the numbered last when known. */
export function atShortPageOrTotalPages(pageSize: number) {
	return (answer: { totalPages?: number }, facts: PageFacts): boolean => {
		const totalPages = answer.totalPages ?? -1;
		return facts.items < pageSize || (totalPages > 0 && pageOf(facts) >= totalPages);
	};
}

/** A sheet's rows (GET /sheets/{id}): a short page, or every row of totalRowCount read. */
export function atShortPageOrAllRows(pageSize: number) {
	return (answer: { totalRowCount?: number }, facts: PageFacts): boolean =>
		facts.items < pageSize || facts.seen >= (answer.totalRowCount ?? facts.seen);
}

/**
 * Filtered rows (rowsModifiedSince: totalRowCount counts the whole sheet): a short page is the
 * last, and so is a page with no row not seen before. When the rows fill whole pages exactly, the
 * page past the end comes back as the last one again (as Smartsheet answers a page number past the
 * end), so a short page alone would never come. The caller drops that repeat (`uniqueById`).
 * A new rule for every read: it remembers the rows it has seen.
 */
export function atShortPageOrNothingNew(pageSize: number) {
	const seen = new Set<string>();
	return (answer: { rows?: Array<{ id?: unknown }> }, facts: PageFacts): boolean => {
		let fresh = 0;
		for (const row of answer.rows ?? []) {
			const id = String(row.id);
			if (!seen.has(id)) fresh++;
			seen.add(id);
		}
		return facts.items < pageSize || fresh === 0;
	};
}

/** The items with the first of each `id`, in order. */
export function uniqueById<T extends { id?: unknown }>(items: T[]): T[] {
	const seen = new Set<string>();
	return items.filter((item) => !seen.has(String(item.id)) && seen.add(String(item.id)));
}
