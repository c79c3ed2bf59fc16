// Smartsheet's 300 requests a minute per token, as a sliding window of weights. Rejected requests
// do not use up budget.
export class RateLimiter {
	private readonly windows = new Map<string, Array<{ at: number; weight: number }>>();

	constructor(
		private readonly limit: () => number,
		private readonly windowMs: () => number,
	) {}

	/** True when the request may go ahead (and is counted). */
	take(key: string, weight: number, now = Date.now()): boolean {
		const sends = (this.windows.get(key) ?? []).filter((send) => send.at > now - this.windowMs());
		const used = sends.reduce((sum, send) => sum + send.weight, 0);
		if (used + weight > this.limit()) {
			this.windows.set(key, sends);
			return false;
		}
		sends.push({ at: now, weight });
		this.windows.set(key, sends);
		return true;
	}

	clear(): void {
		this.windows.clear();
	}
}
