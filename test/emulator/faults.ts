// Scheduled wrong answers: the next N requests matching a method and a path pattern get a
// Smartsheet error, a non-JSON body, a delay, or a dropped connection.

export type FaultResponse =
	| { kind: 'error'; status?: number; errorCode: number; message?: string; retryAfterSeconds?: number }
	| { kind: 'raw'; status: number; contentType?: string; body: string }
	| { kind: 'delay'; ms: number }
	| { kind: 'drop' };

export interface Fault {
	match: { method?: string; path: string };
	count: number;
	response: FaultResponse;
}

export class FaultSchedule {
	private faults: Array<Fault & { pattern: RegExp }> = [];

	add(fault: Fault): void {
		if (!fault || typeof fault.match?.path !== 'string' || !(fault.count > 0) || !fault.response?.kind) {
			throw new Error('a fault needs match.path, a positive count and a response with a kind');
		}
		this.faults.push({ ...fault, pattern: toPattern(fault.match.path) });
	}

	/** The fault for this request, if one is pending (and counts it as used). */
	take(method: string, path: string): FaultResponse | undefined {
		const fault = this.faults.find(
			(candidate) =>
				(!candidate.match.method || candidate.match.method.toUpperCase() === method) && candidate.pattern.test(path),
		);
		if (!fault) return undefined;
		fault.count--;
		if (fault.count <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
		return fault.response;
	}

	list(): Fault[] {
		return this.faults.map(({ pattern: _pattern, ...fault }) => fault);
	}

	clear(): void {
		this.faults = [];
	}
}

/** `*` is one path segment, `**` any number of them. */
function toPattern(path: string): RegExp {
	const escaped = path
		.split('/')
		.map((segment) => (segment === '**' ? '.*' : segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('/');
	return new RegExp(`^${escaped}/?$`);
}
