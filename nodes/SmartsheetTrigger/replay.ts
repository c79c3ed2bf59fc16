// Replay protection for signed callbacks. A captured callback stays validly signed forever, so each
// one must be new: its `timestamp` inside the window below and its `nonce` not seen before.
// Smartsheet retries an unanswered callback with the same body for about 21 hours
// (https://developers.smartsheet.com/api/smartsheet/guides/webhooks/webhook-callbacks), so the
// window reaches 25 hours back; a little ahead allows for clocks that differ. Nonces are kept per
// trigger and webhook only as long as their timestamp is inside the window (after that the
// timestamp alone rejects the copy), at most NONCES_PER_WEBHOOK each: Smartsheet sends a webhook's
// callbacks one at a time, at most about one a minute (1,500 in 25 hours).
export const WINDOW_BEFORE_MS = 25 * 60 * 60 * 1000;
export const WINDOW_AFTER_MS = 15 * 60 * 1000;
export const NONCES_PER_WEBHOOK = 2000;
const MAX_WEBHOOKS = 1000;
const MAX_NONCE_LENGTH = 200;

/** fresh: start it; repeat: this nonce came before; outsideWindow: no usable timestamp or nonce, or too old or new. */
export type Freshness = 'fresh' | 'repeat' | 'outsideWindow';

export class NonceMemory {
	/** Per trigger and webhook: nonce → the callback's timestamp (ms), in arrival order. */
	private readonly seen = new Map<string, Map<string, number>>();

	check(key: string, nonce: unknown, timestamp: unknown, now: number): Freshness {
		const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
		if (!Number.isFinite(at) || at < now - WINDOW_BEFORE_MS || at > now + WINDOW_AFTER_MS)
			return 'outsideWindow';
		if (typeof nonce !== 'string' || nonce === '' || nonce.length > MAX_NONCE_LENGTH)
			return 'outsideWindow';
		let nonces = this.seen.get(key);
		if (!nonces) {
			if (this.seen.size >= MAX_WEBHOOKS) this.seen.delete(this.seen.keys().next().value as string);
			nonces = new Map();
			this.seen.set(key, nonces);
		}
		for (const [old, oldAt] of nonces) {
			if (oldAt >= now - WINDOW_BEFORE_MS && nonces.size < NONCES_PER_WEBHOOK) break;
			nonces.delete(old);
		}
		if (nonces.has(nonce)) return 'repeat';
		nonces.set(nonce, at);
		return 'fresh';
	}
}
