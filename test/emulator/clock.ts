// The emulator's time. It runs with the real clock unless a test stops it (POST /__admin/clock/stop);
// a stopped clock moves only when the test advances it, so rate windows, the search lag, token
// lifetimes, write latency and Smartsheet's one-second timestamps are crossed at once and exactly,
// instead of waited out. A reset starts a running clock again (it belongs to the state).
export class EmulatorClock {
	private stoppedAt: number | null = null;
	private sleepers: Array<{ until: number; wake: () => void }> = [];

	now(): number {
		return this.stoppedAt ?? Date.now();
	}

	get stopped(): boolean {
		return this.stoppedAt !== null;
	}

	/** How many waits (write latency, delay faults) are waiting for the stopped clock to move. */
	get sleeping(): number {
		return this.sleepers.length;
	}

	/** Stops the clock at `at` (default: the current time). */
	stop(at = this.now()): void {
		this.stoppedAt = at;
	}

	/** Moves a stopped clock forward and wakes the sleeps it has reached. */
	advance(ms: number): void {
		if (this.stoppedAt === null)
			throw new Error('the clock is running: stop it before advancing it');
		const now = (this.stoppedAt += ms);
		const due = this.sleepers.filter((sleeper) => sleeper.until <= now);
		this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > now);
		for (const sleeper of due) sleeper.wake();
	}

	/** Waits `ms` on this clock: real time while it runs, advances while it is stopped. */
	async sleep(ms: number): Promise<void> {
		// Unref'd: an answer held back (a late-answer fault) never keeps a process alive.
		if (this.stoppedAt === null)
			return await new Promise((resolve) => setTimeout(resolve, ms).unref());
		const until = this.stoppedAt + ms;
		await new Promise<void>((wake) => this.sleepers.push({ until, wake }));
	}

	/** Lets every sleep end now (the state is being replaced). */
	release(): void {
		for (const sleeper of this.sleepers.splice(0)) sleeper.wake();
	}
}
