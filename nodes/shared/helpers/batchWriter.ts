// The one way many items become few requests: each item is prepared on its own (bad input fails
// that item only), items that can share a request are grouped in input order, each group is cut
// into chunks Smartsheet accepts, and every chunk's answer is mapped back to its items by the
// caller's `send`. Linear in the number of items.
import type { SmartsheetClient } from '../transport';
import type { ItemResult } from './interfaces';
import { failureOf } from './perItem';

/** One item's part of a request. */
export interface Entry<E> {
	item: number;
	entry: E;
}

/** What an item adds to a batch: items with the same key share requests described by `group`. */
export interface Batched<G, E> {
	key: string;
	group: G;
	entry: E;
}

export async function writeInBatches<G, E>(
	client: SmartsheetClient,
	itemIndexes: number[],
	operation: string,
	chunkSize: number,
	prepare: (item: number) => Promise<Batched<G, E>>,
	send: (group: G, chunk: Array<Entry<E>>) => Promise<ItemResult[]>,
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	const groups = new Map<string, { group: G; entries: Array<Entry<E>> }>();
	for (const item of itemIndexes) {
		try {
			const batched = await prepare(item);
			let group = groups.get(batched.key);
			if (!group) groups.set(batched.key, (group = { group: batched.group, entries: [] }));
			group.entries.push({ item, entry: batched.entry });
		} catch (error) {
			results.push({ item, failure: failureOf(client, operation, error) });
		}
	}
	for (const { group, entries } of groups.values()) {
		for (const chunk of chunksOf(entries, chunkSize)) results.push(...(await send(group, chunk)));
	}
	return results;
}

/** The list cut into consecutive pieces of at most `size` (one request each). */
export function chunksOf<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/** 0, 1, …, count - 1: every input item. */
export function allItems(count: number): number[] {
	return Array.from({ length: count }, (_, index) => index);
}
