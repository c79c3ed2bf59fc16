// Smartsheet's "300 requests per minute per access token", as a sliding window of request weights
// (heavy calls such as attachments weigh 10). Rejected requests use up no budget.

interface Window {
	/** Accepted requests in arrival order; entries before `head` have left the window. */
	sends: Array<{ at: number; weight: number }>;
	head: number;
	used: number;
}

export class RateLimiter {
	private readonly windows = new Map<string, Window>();

	constructor(
		private readonly limit: () => number,
		private readonly windowMs: () => number,
	) {}

	/** True when the request may go ahead (and is counted against the key's budget). */
	take(key: string, weight: number, now: number): boolean {
		let window = this.windows.get(key);
		if (!window) this.windows.set(key, (window = { sends: [], head: 0, used: 0 }));
		const since = now - this.windowMs();
		while (window.head < window.sends.length && window.sends[window.head].at <= since) {
			window.used -= window.sends[window.head].weight;
			window.head++;
		}
		if (window.head > 1024 && window.head * 2 > window.sends.length) {
			window.sends = window.sends.slice(window.head); // keep the array from growing forever
			window.head = 0;
		}
		if (window.used + weight > this.limit()) return false;
		window.sends.push({ at: now, weight });
		window.used += weight;
		return true;
	}

	clear(): void {
		this.windows.clear();
	}
}
