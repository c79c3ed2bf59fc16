// Scheduled wrong answers: the next N requests matching a method and a path pattern get a
// Smartsheet error, a non-JSON body (a gateway's page), a delay, or a dropped connection.
// With `afterActing`, the request is carried out first and only its answer is lost: the error or
// page replaces it, the connection drops after the change, or the real answer comes late.

export type FaultResponse =
	| {
			kind: 'error';
			status?: number;
			errorCode: number;
			message?: string;
			retryAfterSeconds?: number;
	  }
	| { kind: 'raw'; status: number; contentType?: string; body: string }
	| { kind: 'delay'; ms: number }
	| { kind: 'drop' };

export interface Fault {
	match: { method?: string; path: string };
	count: number;
	response: FaultResponse;
	/** Carry the request out, then answer with the fault (the write happened; its answer did not arrive). */
	afterActing?: boolean;
}

export class FaultSchedule {
	private faults: Array<Fault & { pattern: RegExp }> = [];

	/** Schedules a fault; throws with a readable reason when the description is wrong. */
	add(input: unknown): void {
		const fault = validFault(input);
		this.faults.push({ ...fault, pattern: toPattern(fault.match.path) });
	}

	/** The fault for this request, if one is pending (and counts it as used). Query is ignored. */
	take(method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(candidate) =>
				(!candidate.match.method || candidate.match.method.toUpperCase() === method) &&
				candidate.pattern.test(path),
		);
		if (!fault) return undefined;
		fault.count--;
		if (fault.count <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
		const { pattern: _pattern, ...taken } = fault;
		return taken;
	}

	list(): Fault[] {
		return this.faults.map(({ pattern: _pattern, ...fault }) => fault);
	}

	clear(): void {
		this.faults = [];
	}
}

function validFault(input: unknown): Fault {
	const fault = input as Partial<Fault> | null;
	if (!fault || typeof fault !== 'object')
		throw new Error('a fault is a JSON object {match, count, response}');
	if (!fault.match || typeof fault.match.path !== 'string' || !fault.match.path.startsWith('/'))
		throw new Error('match.path must be a path such as /2.0/sheets/*/rows');
	if (fault.match.method !== undefined && typeof fault.match.method !== 'string')
		throw new Error('match.method must be a string');
	if (!Number.isInteger(fault.count) || (fault.count as number) < 1)
		throw new Error('count must be a positive whole number');
	if (fault.afterActing !== undefined && typeof fault.afterActing !== 'boolean')
		throw new Error('afterActing must be true or false');
	const response = fault.response as Record<string, unknown> | undefined;
	if (!response || typeof response !== 'object')
		throw new Error('response must be an object with a kind');
	const isStatus = (value: unknown) =>
		Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599;
	switch (response.kind) {
		case 'error':
			if (!Number.isInteger(response.errorCode))
				throw new Error('an error response needs a numeric errorCode');
			if (response.status !== undefined && !isStatus(response.status))
				throw new Error('status must be an HTTP status (100–599)');
			if (
				response.retryAfterSeconds !== undefined &&
				!(typeof response.retryAfterSeconds === 'number' && response.retryAfterSeconds >= 0)
			) {
				throw new Error('retryAfterSeconds must be a non-negative number');
			}
			break;
		case 'raw':
			if (!isStatus(response.status))
				throw new Error('a raw response needs an HTTP status (100–599)');
			if (typeof response.body !== 'string') throw new Error('a raw response needs a string body');
			break;
		case 'delay':
			if (!(typeof response.ms === 'number' && response.ms >= 0))
				throw new Error('a delay needs ms ≥ 0');
			break;
		case 'drop':
			break;
		default:
			throw new Error('response.kind must be error, raw, delay or drop');
	}
	return {
		match: { ...fault.match },
		count: fault.count as number,
		response: response as FaultResponse,
		...(fault.afterActing ? { afterActing: true } : {}),
	};
}

/** `*` is one path segment, `**` any number of them (including none). */
function toPattern(path: string): RegExp {
	const source = path
		.replace(/\/+$/, '')
		.split('/')
		.map((segment) =>
			segment === '**'
				? '.*'
				: segment === '*'
					? '[^/]+'
					: segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	return new RegExp(`^${source.replace(/\/\.\*/g, '(?:/.*)?')}/?$`);
}
