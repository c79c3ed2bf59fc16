// Smartsheet answers 500/4004 when a write reaches a sheet that another request with the same
// access token is still updating (Smartsheet's "Execute Requests Serially"). This tracks the writes
// in flight per (token, sheet).
import type { EmulatorClock } from './clock';
import { ApiError } from './errors';

export class WriteLocks {
	/** Writes in flight per (token, sheet); more than one only when collisions are off. */
	private readonly inFlight = new Map<string, number>();

	/**
	 * Runs `work` as a write to `sheetId` that lasts at least `latencyMs`. With `collide`, a second
	 * write from the same token while one is in flight fails at once with 4004.
	 */
	async run<T>(
		token: string,
		sheetId: string,
		options: { collide: boolean; latencyMs: number; clock: EmulatorClock },
		work: () => Promise<T> | T,
	): Promise<T> {
		const key = `${token}\u0000${sheetId}`;
		if (options.collide && this.inFlight.has(key)) {
			throw new ApiError(4004, [], {
				message: `Request failed because sheetId ${sheetId} is currently being updated by another request that uses the same access token. Please retry your request once the previous request has completed.`,
			});
		}
		this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
		try {
			if (options.latencyMs > 0) await options.clock.sleep(options.latencyMs);
			return await work();
		} finally {
			const left = (this.inFlight.get(key) ?? 1) - 1;
			if (left > 0) this.inFlight.set(key, left);
			else this.inFlight.delete(key);
		}
	}

	clear(): void {
		this.inFlight.clear();
	}
}
