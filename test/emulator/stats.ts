// Counters tests and benchmarks read through GET /__admin/stats, and a short request log.
// Tokens appear only as their last 6 characters.
import { tokenSuffix } from './auth';

export interface LogEntry {
	method: string;
	path: string;
	route: string;
	status: number;
	errorCode?: number;
	tokenSuffix?: string;
	at: string;
	/** Why a handler failed with 500/4000 (an emulator bug, never a Smartsheet behaviour). */
	internalError?: string;
	expired?: boolean;
	tokenCall: boolean;
}

interface TokenCounters {
	requests: number;
	rateLimited: number;
	expiredTokenRequests: number;
}

const LOG_LIMIT = 5000;

export class Stats {
	requests = 0;
	tokenCalls = 0;
	tokenExchanges = 0;
	tokenRefreshes = 0;
	invalidGrants = 0;
	rateLimited = 0;
	expiredTokenRequests = 0;
	faultsInjected = 0;
	byToken: Record<string, TokenCounters> = {};
	byRoute: Record<string, number> = {};
	/** Rate-limit units the limiter accepted (heavy routes count their weight), in all and per route. */
	rateUnits = 0;
	rateUnitsByRoute: Record<string, number> = {};
	/** API requests being answered now, and the most at once since the last reset. */
	inFlight = 0;
	peakInFlight = 0;
	log: LogEntry[] = [];

	reset(): void {
		Object.assign(this, new Stats());
	}

	begin(
		method: string,
		path: string,
		route: string,
		token: string | null,
		tokenCall: boolean,
	): LogEntry {
		const entry: LogEntry = {
			method,
			path,
			route,
			status: 0,
			at: new Date().toISOString(),
			tokenCall,
		};
		if (token) entry.tokenSuffix = tokenSuffix(token);
		if (tokenCall) this.tokenCalls++;
		else {
			this.requests++;
			this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
			this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
			if (entry.tokenSuffix) this.tokenCounters(entry.tokenSuffix).requests++;
		}
		this.log.push(entry);
		if (this.log.length > LOG_LIMIT) this.log.shift();
		return entry;
	}

	/** A request the rate limiter let through, with the units it used. */
	charge(entry: LogEntry, units: number): void {
		this.rateUnits += units;
		this.rateUnitsByRoute[entry.route] = (this.rateUnitsByRoute[entry.route] ?? 0) + units;
	}

	end(entry: LogEntry, status: number, errorCode?: number): void {
		entry.status = status;
		if (errorCode !== undefined) entry.errorCode = errorCode;
		if (entry.tokenCall) return;
		this.inFlight = Math.max(0, this.inFlight - 1); // a reset may come between begin and end
		if (status === 429) {
			this.rateLimited++;
			if (entry.tokenSuffix) this.tokenCounters(entry.tokenSuffix).rateLimited++;
		}
		if (entry.expired) {
			this.expiredTokenRequests++;
			if (entry.tokenSuffix) this.tokenCounters(entry.tokenSuffix).expiredTokenRequests++;
		}
	}

	snapshot() {
		const { log: _log, ...counters } = this;
		return counters;
	}

	/** The last `limit` requests, as GET /__admin/requests shows them. */
	recent(limit: number) {
		return this.log
			.slice(-limit)
			.map(({ tokenCall: _tokenCall, expired: _expired, ...entry }) => entry);
	}

	private tokenCounters(suffix: string): TokenCounters {
		return (this.byToken[suffix] ??= { requests: 0, rateLimited: 0, expiredTokenRequests: 0 });
	}
}
