// Runs one task per index with at most `limit` of them in flight, starting them in index order:
// per-item reads wait on Smartsheet's latency, not on its rate limit, unless several overlap.

/**
 * Calls `run(0)`, `run(1)`, … keeping at most `limit` unfinished; resolves when all have finished.
 * When one throws, no further index starts and the error is thrown.
 */
export async function forEachInFlight(
	count: number,
	limit: number,
	run: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	let failed = false;
	const lane = async () => {
		while (!failed && next < count) {
			let finished = false;
			try {
				await run(next++);
				finished = true;
			} finally {
				if (!finished) failed = true; // its error goes on to Promise.all
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
}

/** Operations that only read: several items may be in flight. Writes keep today's one at a time. */
export function isReadOnly(operation: string): boolean {
	const [resource, action = ''] = operation.split(':');
	return resource === 'search' || /^(get|list|checkHealth)/.test(action);
}
