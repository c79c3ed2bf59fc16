// "Every change exactly once" with a timestamp that has one-second granularity: the watermark is
// the latest modifiedAt already emitted; rows modified in that same second are remembered with a
// fingerprint of their cells, so a later poll neither repeats them nor misses a second change to
// them within that second. Only Smartsheet's own timestamps are compared, never n8n's clock.
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { ModifiedRow } from './rows';

export interface PollState extends IDataObject {
	sheetId?: string;
	/** The sheet version read before the last row fetch: unchanged means nothing to fetch. */
	version?: number;
	/** Smartsheet's modifiedAt (to the second) of the latest row emitted or seen at activation. */
	watermark?: string;
	/** Rows modified in the watermark's second, by ID, with a fingerprint of their cells. */
	atWatermark?: Record<string, string>;
}

export interface Fresh {
	row: ModifiedRow;
	eventType: 'created' | 'updated';
}

export function fingerprint(row: ModifiedRow): string {
	return createHash('sha256')
		.update(JSON.stringify(row.cells ?? []))
		.digest('hex')
		.slice(0, 16);
}

function ms(timestamp: string): number {
	return Date.parse(timestamp);
}

/** What to ask for: a second before the watermark, so neither ">" nor ">=" on Smartsheet's side drops a row. */
export function querySince(watermark: string): string {
	return new Date(ms(watermark) - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The rows not emitted yet, and the state after emitting them. */
export function advance(
	state: PollState,
	rows: ModifiedRow[],
): { fresh: Fresh[]; watermark: string; atWatermark: Record<string, string> } {
	const watermark = state.watermark!;
	const seen = state.atWatermark ?? {};
	const fresh: Fresh[] = [];
	for (const row of rows) {
		const at = ms(row.modifiedAt);
		const isNew = at > ms(watermark) || (at === ms(watermark) && seen[row.id] !== fingerprint(row));
		if (!isNew) continue;
		const created = ms(row.createdAt) >= ms(watermark) && seen[row.id] === undefined;
		fresh.push({ row, eventType: created ? 'created' : 'updated' });
	}
	return { fresh, ...nextWatermark(watermark, seen, rows) };
}

/** The latest second among `rows` (or the old watermark) and the fingerprints of its rows. */
export function nextWatermark(
	watermark: string,
	seen: Record<string, string>,
	rows: ModifiedRow[],
): { watermark: string; atWatermark: Record<string, string> } {
	const latest = rows.reduce(
		(max, row) => (ms(row.modifiedAt) > ms(max) ? row.modifiedAt : max),
		watermark,
	);
	const atWatermark: Record<string, string> =
		latest === watermark || ms(latest) === ms(watermark) ? { ...seen } : {};
	for (const row of rows)
		if (ms(row.modifiedAt) === ms(latest)) atWatermark[row.id] = fingerprint(row);
	return { watermark: latest, atWatermark };
}
