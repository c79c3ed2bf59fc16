// How often one trigger may ask Smartsheet for a webhook's secret (GET /webhooks/{id}): the
// request runs on the builder's credential and its rate limit, and the callback asking for it is
// not yet verified. A few per minute cover the real case (n8n has not saved the static data yet).
export const LOOKUPS_PER_MINUTE = 3;
const MINUTE_MS = 60_000;
const MAX_TRIGGERS = 1000;

export class LookupBudget {
	private readonly spent = new Map<string, number[]>();

	/** Whether `trigger` may look one up now; counts it if so. */
	take(trigger: string, now: number): boolean {
		const recent = (this.spent.get(trigger) ?? []).filter((at) => at > now - MINUTE_MS);
		if (recent.length >= LOOKUPS_PER_MINUTE) return false;
		if (!this.spent.has(trigger) && this.spent.size >= MAX_TRIGGERS) this.spent.clear();
		this.spent.set(trigger, [...recent, now]);
		return true;
	}
}
