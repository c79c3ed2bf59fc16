// Smartsheet's clock as seen from here, from the Date header of its answers (whole seconds). A
// read-back of recent writes filters on Smartsheet's own modifiedAt, so its watermark is taken in
// server time: this machine's clock (or a queue worker's) may be off by minutes.
const UNKNOWN_OFFSET_MARGIN_MS = 10 * 60_000; // no answer seen yet: allow for a badly set clock

export class ServerClock {
	private offsetMs: number | null = null;

	/** Learns the offset from an answer's Date header (ignored when missing or unreadable). */
	observe(dateHeader: unknown, localNow = Date.now()): void {
		const value = Array.isArray(dateHeader) ? dateHeader[0] : dateHeader;
		const serverMs = typeof value === 'string' ? Date.parse(value) : Number.NaN;
		if (!Number.isNaN(serverMs)) this.offsetMs = serverMs - localNow;
	}

	/**
	 * A time on Smartsheet's clock at least `marginMs` before now (the header's whole seconds and
	 * the request's travel time are inside the margin).
	 */
	before(marginMs: number, localNow = Date.now()): number {
		return (
			localNow +
			(this.offsetMs ?? 0) -
			marginMs -
			(this.offsetMs === null ? UNKNOWN_OFFSET_MARGIN_MS : 0)
		);
	}
}
