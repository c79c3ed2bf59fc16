// Pure functions that read n8n's executions and logs and judge the storm (no side effects, so
// analysis.test.mjs can check them without n8n).

export const OUTPUT_NAMES = ['Success', 'Auth', 'Permission', 'Payload', 'Throttled'];

/** Items that left each output of a node in an execution (runData[node][0].data.main[i]). */
export function outputsOf(execution, nodeName) {
	const run = execution.data?.resultData?.runData?.[nodeName]?.[0];
	return (run?.data?.main ?? []).map((items) => (items ?? []).map((item) => item.json));
}

/** Whether a node ran at all in an execution. */
export function ran(execution, nodeName) {
	return Boolean(execution.data?.resultData?.runData?.[nodeName]);
}

export function errorOf(execution) {
	const error = execution.data?.resultData?.error;
	return error
		? `${error.message}${error.description ? ` (${error.description})` : ''} at ${error.node?.name ?? '?'}`
		: 'no error recorded';
}

/** {"Success":n,"Auth":n,…} of a node's outputs, for messages. */
export function countsOf(outputs) {
	return JSON.stringify(
		Object.fromEntries(OUTPUT_NAMES.map((name, index) => [name, outputs[index]?.length ?? 0])),
	);
}

/** Lines of a log that are errors or warnings about `words` (n8n names a package when loading it fails). */
export function complaintsAbout(logText, words = /smartsheet/i) {
	return logText
		.split('\n')
		.filter(
			(line) =>
				words.test(line) &&
				/\b(errors?|warn|warning|fail|failed|fails|could not|cannot|unable|invalid|deprecated)\b/i.test(
					line,
				),
		);
}

/** The body a webhook-triggered execution started with (what the storm posted). */
function webhookBody(execution) {
	return execution.data?.resultData?.runData?.Webhook?.[0]?.data?.main?.[0]?.[0]?.json?.body;
}

/** The phase a storm call belonged to ('dead' for the dead-token round), or undefined. */
export function phaseOf(execution) {
	return webhookBody(execution)?.phase;
}

/**
 * Which webhook calls of a storm arrived: each call posted {round, index}; it counts as delivered
 * when exactly one successful execution has that body on the Webhook node and the action node's
 * Success output (output 0) holds one item with the expected user.
 */
export function accountStorm(executions, { actionName, calls, email }) {
	const failed = executions.filter((execution) => execution.status !== 'success');
	const delivered = new Map();
	for (const execution of executions) {
		if (execution.status !== 'success') continue;
		const body = webhookBody(execution);
		const success = outputsOf(execution, actionName)[0] ?? [];
		if (
			body &&
			Number.isInteger(body.round) &&
			success.length === 1 &&
			success[0].email === email
		) {
			const key = `${body.round}/${body.index}`;
			delivered.set(key, (delivered.get(key) ?? 0) + 1);
		}
	}
	return {
		executions: executions.length,
		failedExecutions: failed.length,
		itemsLost: calls - delivered.size,
		duplicates: [...delivered.values()].filter((count) => count > 1).length,
		sampleError: failed.length ? errorOf(failed[0]) : null,
	};
}

/**
 * The round with the refresh token dead: how many executions failed, and how many items reached
 * the Auth output (output 1) with the reconnect action rather than anywhere else.
 */
export function accountDeadToken(executions, { actionName }) {
	const failed = executions.filter((execution) => execution.status !== 'success');
	let onAuthWithReconnect = 0;
	let elsewhere = 0;
	for (const execution of executions) {
		if (execution.status !== 'success') continue;
		outputsOf(execution, actionName).forEach((items, output) => {
			for (const item of items) {
				if (output === 1 && /^Reconnect the credential/.test(item.smartsheetFailure?.action ?? ''))
					onAuthWithReconnect++;
				else elsewhere++;
			}
		});
	}
	return {
		executions: executions.length,
		failedExecutions: failed.length,
		onAuthWithReconnect,
		elsewhere,
		sampleError: failed.length ? errorOf(failed[0]) : null,
	};
}

/** "18 of 20", and how many calls never got a finished execution at all (they did not succeed either). */
function deadTokenCell(dead) {
	const unfinished = dead.calls - (dead.executions ?? dead.calls);
	return `${dead.failedExecutions} of ${dead.calls}${unfinished > 0 ? ` (+${unfinished} never finished)` : ''}`;
}

/** The columns every storm table shows for one contestant's run, in order. */
function resultCells(r) {
	return [
		r.executions,
		r.failedExecutions,
		r.itemsLost,
		`${r.tokenRefreshes} (${r.rounds.map((round) => round.tokenRefreshes).join(', ')})`,
		r.invalidGrants,
		r.requestsWithExpiredToken,
	];
}

const row = (cells) => `| ${cells.join(' | ')} |`;

/** The storm's comparison as a Markdown table (one run, as the e2e prints it). */
export function stormTable(rows) {
	return [
		'| | executions | failed | items lost | token refreshes (per expiry) | invalid_grant | requests sent with an expired token | executions per worker | refresh token dead: failed executions |',
		'|---|---|---|---|---|---|---|---|---|',
		...rows.map(([name, r]) =>
			row([
				name,
				...resultCells(r),
				r.executionsPerWorker.length ? r.executionsPerWorker.join(' / ') : '—',
				r.deadToken ? deadTokenCell(r.deadToken) : '—',
			]),
		),
	].join('\n');
}

// The README's storm table: every version and mode the e2e ran, this package beside the baseline.
export const STORM_LABELS = {
	smartsheetNode: '**Smartsheet node (this package)**',
	httpRequestBaseline: 'HTTP Request + generic OAuth2',
};

/** One table row per contestant of one run. */
export function stormRows(run) {
	const where = run.mode === 'queue' ? `queue, ${run.workers} workers` : 'single process';
	return Object.entries(STORM_LABELS)
		.filter(([key]) => run[key])
		.map(([key, label]) => {
			const r = run[key];
			return row([
				run.n8nVersion,
				run.node.replace(/^v(\d+).*/, '$1'),
				where,
				label,
				...resultCells(r),
				r.deadToken ? deadTokenCell(r.deadToken) : '—',
			]);
		});
}

export function stormReport(runs) {
	const order = (run) => [run.n8nVersion.split('.').map(Number), run.mode === 'queue' ? 1 : 0];
	const sorted = [...runs].sort((a, b) => {
		const [va, ma] = order(a);
		const [vb, mb] = order(b);
		for (let i = 0; i < 3; i++) if (va[i] !== vb[i]) return vb[i] - va[i];
		return ma - mb;
	});
	return [
		'| n8n | Node | mode | | executions | failed | items lost | token refreshes (per expiry) | invalid_grant | requests sent with an expired token | refresh token dead: failed executions |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
		...sorted.flatMap(stormRows),
	].join('\n');
}

/** The shared-credential runs (sharedCredential.mjs) as the README's table, newest n8n first. */
export function sharedCredentialReport(runs) {
	const sorted = [...runs].sort((a, b) =>
		b.n8nVersion.localeCompare(a.n8nVersion, undefined, { numeric: true }),
	);
	return [
		'| n8n | mode | workflows | seconds | executions (failed) | requests a minute (of 300) | answered 429 | items on Throttled |',
		'|---|---|---|---|---|---|---|---|',
		...sorted.map((run) =>
			row([
				run.n8nVersion,
				run.mode === 'queue' ? `queue, ${run.workers} workers` : 'single process',
				run.workflows,
				run.seconds,
				`${run.executions} (${run.failedExecutions})`,
				`${run.requestsPerMinute} (${Math.round((run.requestsPerMinute / run.ceilingPerMinute) * 100)} %)`,
				`${run.answered429} of ${run.requests} (${((run.answered429 / Math.max(1, run.requests)) * 100).toFixed(1)} %)`,
				run.throttledItems,
			]),
		),
	].join('\n');
}
