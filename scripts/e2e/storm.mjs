// The refresh storm, in whatever n8n is running (single process or queue mode): short-lived access
// tokens, rotating refresh tokens, N concurrent webhook-triggered executions per round, each round
// started just after the stored access token expired; then one round with the refresh token dead
// (the app disconnected in Smartsheet). Run once with this package's node and once with n8n's own
// HTTP Request node and a generic OAuth2 credential (the baseline a user would otherwise build),
// each against its own emulator, and reported side by side.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { accountDeadToken, accountStorm, phaseOf, STORM_LABELS, stormTable } from './analysis.mjs';
import { CLIENT, EmulatorProcess } from './emulator.mjs';
import {
	agreesWithLastRead,
	assert,
	atLeast,
	cacheDir,
	check,
	n8nVersion,
	nodeEnv,
	sleep,
	workDir,
} from './lib.mjs';
import { NODE_TYPE } from './n8n.mjs';

// Long enough that a round (20 executions on 2 cores) ends well inside the fresh token's life: this
// package's default refresh margin is half of it here, and a round running into the margin would
// (rightly) refresh again.
const TTL_SECONDS = Number(process.env.E2E_STORM_TTL ?? 15);
const ROUNDS = Number(process.env.E2E_STORM_ROUNDS ?? 3);
const CONCURRENT = Number(process.env.E2E_STORM_CONCURRENCY ?? 20);
const SCOPE = 'READ_SHEETS WRITE_SHEETS READ_USERS';
const USER_EMAIL = 'demo.user@example.com';

/** n8n holds a lock around OAuth2 refreshes (Redis across processes in queue mode) from 2.30 on. */
const coordinatedRefresh = atLeast(2, 30);
/** n8n stamps n8n_expires_at on stored tokens from 2.33.0 on, so the node can refresh before expiry. */
const expiryKnown = atLeast(2, 33);

/**
 * Webhook (answers once the execution is done: with the last node's first item, or with nothing)
 * → the action node.
 */
export function webhookWorkflow(name, path, actionNode, responseData = 'firstEntryJson') {
	return {
		name,
		nodes: [
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: path,
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData,
					options: {},
				},
			},
			{ ...actionNode, id: 'action', position: [300, 0] },
		],
		connections: { Webhook: { main: [[{ node: actionNode.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The two contestants: this package's node, and n8n's HTTP Request node with a generic OAuth2 credential. */
const CONTESTANTS = {
	smartsheetNode: {
		actionName: 'Smartsheet',
		credential: (emulator) => [
			'smartsheetOAuth2Api',
			{
				region: 'custom',
				appBaseUrl: emulator.url,
				apiBaseUrl: emulator.apiBase,
				clientId: CLIENT.clientId,
				clientSecret: CLIENT.clientSecret,
				scope: SCOPE,
			},
		],
		node: (credential) => ({
			name: 'Smartsheet',
			type: NODE_TYPE,
			typeVersion: 1,
			parameters: {
				authentication: 'oAuth2',
				resource: 'user',
				operation: 'getCurrent',
				failureRouting: 'outputs',
				options: { summary: 'none' },
			},
			credentials: { smartsheetOAuth2Api: { id: credential.id, name: credential.name } },
		}),
	},
	httpRequestBaseline: {
		actionName: 'HTTP Request',
		credential: (emulator) => [
			'oAuth2Api',
			{
				grantType: 'authorizationCode',
				authUrl: `${emulator.url}/b/authorize`,
				accessTokenUrl: `${emulator.apiBase}/token`,
				clientId: CLIENT.clientId,
				clientSecret: CLIENT.clientSecret,
				scope: SCOPE,
				authQueryParameters: '',
				authentication: 'body',
			},
		],
		node: (credential, emulator) => ({
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'GET',
				url: `${emulator.apiBase}/users/me`,
				authentication: 'genericCredentialType',
				genericAuthType: 'oAuth2Api',
				options: {},
			},
			credentials: { oAuth2Api: { id: credential.id, name: credential.name } },
		}),
	},
};

function workerStarts(n8n) {
	return n8n.workers.map(
		(worker) =>
			(readFileSync(worker.logFile, 'utf8').match(/Worker started execution/g) ?? []).length,
	);
}

/**
 * The finished executions of a workflow, once there are `count` of them, or once none has finished
 * for `stallMs` (an execution n8n never finishes must not hold up the rest of the run), and two
 * reads in a row agree (see agreesWithLastRead); or at the deadline.
 */
async function waitForExecutions(
	n8n,
	workflowId,
	count,
	{ timeoutMs = 120_000, stallMs = 20_000 } = {},
) {
	const deadline = Date.now() + timeoutMs;
	let seen = -1;
	let progressAt = Date.now();
	const settled = agreesWithLastRead();
	for (;;) {
		const done = (await n8n.executions(workflowId)).filter(
			(execution) => execution.stoppedAt && !['running', 'new'].includes(execution.status),
		);
		if (done.length !== seen) [seen, progressAt] = [done.length, Date.now()];
		const complete = done.length >= count || Date.now() - progressAt > stallMs;
		if ((complete && settled(done)) || Date.now() > deadline) return done;
		await sleep(500);
	}
}

/** n8n answers a lastNode webhook when the execution ends; one that never ends is a failed call, not a wait. */
const REPLY_TIMEOUT_MS = 30_000;

/** Posts `CONCURRENT` webhook calls at once, each with its own body; resolves with their replies. */
async function fire(n8n, path, body) {
	return await Promise.all(
		Array.from({ length: CONCURRENT }, async (_, index) => {
			try {
				const reply = await fetch(`${n8n.url}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ ...body, index }),
					signal: AbortSignal.timeout(REPLY_TIMEOUT_MS),
				});
				const text = await reply.text();
				return {
					status: reply.status,
					ok: reply.status === 200 && text.includes(USER_EMAIL),
					text: text.slice(0, 200),
				};
			} catch (error) {
				return { status: 0, ok: false, text: error.message };
			}
		}),
	);
}

/**
 * The expiry rounds. `tokenIssuedAt` is when the credential's current access token was issued (the
 * Connect flow); each round starts just after that token's expiry, and the refresh the round causes
 * (seen on the emulator's counters) sets the expiry the next round waits for.
 */
async function expiryRounds({ n8n, emulator, workflowId, path, tokenIssuedAt }) {
	const rounds = [];
	let issuedAt = tokenIssuedAt;
	for (let round = 1; round <= ROUNDS; round++) {
		const expiry = issuedAt + TTL_SECONDS * 1000;
		await sleep(Math.max(0, expiry + 300 - Date.now()));
		const before = await emulator.stats();
		const startedAt = Date.now();
		// Watch the token endpoint's counter during the round: the last refresh's time is the new token's issue time.
		let watching = true;
		let refreshSeenAt = null;
		const watcher = (async () => {
			let seen = before.tokenRefreshes;
			while (watching) {
				try {
					const { tokenRefreshes } = await emulator.stats();
					if (tokenRefreshes > seen) {
						seen = tokenRefreshes;
						refreshSeenAt = Date.now();
					}
				} catch {
					// the emulator is gone (the run is being stopped); the round's own checks will say so
				}
				await sleep(50);
			}
		})();
		const replies = await fire(n8n, path, { round });
		await waitForExecutions(n8n, workflowId, round * CONCURRENT);
		await sleep(200);
		watching = false;
		await watcher;
		const after = await emulator.stats();
		issuedAt = refreshSeenAt ?? startedAt;
		rounds.push({
			round,
			startedAfterExpiryMs: startedAt - expiry,
			seconds: Number(((Date.now() - startedAt) / 1000).toFixed(2)),
			repliesOk: replies.filter((reply) => reply.ok).length,
			replyStatuses: [...new Set(replies.map((reply) => reply.status))],
			sampleBadReply: replies.find((reply) => !reply.ok)?.text ?? null,
			tokenRefreshes: after.tokenRefreshes - before.tokenRefreshes,
			invalidGrants: after.invalidGrants - before.invalidGrants,
			requestsWithExpiredToken: after.expiredTokenRequests - before.expiredTokenRequests,
		});
	}
	return rounds;
}

/** One contestant's whole run: Connect, the expiry rounds, then one round with the app disconnected. */
async function runContestant(n8n, mode, key) {
	const contestant = CONTESTANTS[key];
	const emulator = await EmulatorProcess.start({
		ttlSeconds: TTL_SECONDS,
		rateLimit: 100_000,
		redirectUri: n8n.callbackUrl,
	});
	const [type, data] = contestant.credential(emulator);
	const credential = await n8n.createCredential(
		`${contestant.actionName} (storm, ${mode})`,
		type,
		data,
	);
	await n8n.connectOAuth2(credential.id, `${emulator.url}/b/authorize`);
	const tokenIssuedAt = Date.now();
	assert((await emulator.stats()).tokenExchanges === 1, 'one code exchange');
	const path = `storm-${key}-${mode}`;
	const workflow = await n8n.createWorkflow(
		webhookWorkflow(
			`Storm (${mode}): ${contestant.actionName}`,
			path,
			contestant.node(credential, emulator),
		),
		true,
	);
	const workersBefore = workerStarts(n8n);

	const rounds = await expiryRounds({
		n8n,
		emulator,
		workflowId: workflow.id,
		path,
		tokenIssuedAt,
	});
	const stats = await emulator.stats();
	const executionsPerWorker = workerStarts(n8n).map((count, index) => count - workersBefore[index]);

	// The app is disconnected in Smartsheet: every token it handed out stops working.
	await emulator.admin('POST', '/tokens/revoke', { all: true });
	const deadBefore = await emulator.stats();
	await fire(n8n, path, { phase: 'dead' });
	const all = await waitForExecutions(n8n, workflow.id, (ROUNDS + 1) * CONCURRENT);
	const deadAfter = await emulator.stats();
	// The emulator's request log (token calls included), for a look after a failure.
	writeFileSync(
		join(workDir, `${path}-emulator-requests.json`),
		JSON.stringify(await emulator.admin('GET', '/requests?limit=100000'), null, 1),
	);

	return {
		webhookCalls: ROUNDS * CONCURRENT,
		webhookRepliesOk: rounds.reduce((sum, round) => sum + round.repliesOk, 0),
		...accountStorm(
			all.filter((execution) => phaseOf(execution) !== 'dead'),
			{ actionName: contestant.actionName, calls: ROUNDS * CONCURRENT, email: USER_EMAIL },
		),
		tokenRefreshes: stats.tokenRefreshes,
		invalidGrants: stats.invalidGrants,
		requestsWithExpiredToken: stats.expiredTokenRequests,
		apiRequests: stats.requests,
		executionsPerWorker,
		rounds,
		deadToken: {
			calls: CONCURRENT,
			...accountDeadToken(
				all.filter((execution) => phaseOf(execution) === 'dead'),
				{ actionName: contestant.actionName },
			),
			tokenCalls: deadAfter.tokenCalls - deadBefore.tokenCalls,
		},
	};
}

/**
 * The storm and the dead-token round for both contestants in the running n8n, with the checks this
 * package must pass (`workers`: how many processes execute: 1 in a single process).
 */
export async function stormChecks(n8n, { mode, workers }) {
	const results = {};
	const label = `${ROUNDS} expiries × ${CONCURRENT} concurrent webhook executions, access tokens living ${TTL_SECONDS} s${workers > 1 ? `, over ${workers} workers` : ''}`;
	// One refresh per expiry where refreshes are coordinated: always within a process (this
	// package's single flight), across workers from 2.30 (n8n's lock). Before 2.30 each worker may
	// refresh once; the loser's invalid_grant is recovered by re-reading.
	const maxRefreshes = coordinatedRefresh || workers === 1 ? 1 : workers;

	await check(
		`${mode}: the refresh storm with this package's node (${label}): every execution succeeds, no item lost, ${maxRefreshes === 1 ? 'exactly one refresh per expiry' : `one to ${maxRefreshes} refreshes per expiry`}${coordinatedRefresh ? ', zero invalid_grant' : ''}${workers > 1 ? ', every worker used' : ''}`,
		async () => {
			const r = (results.smartsheetNode = await runContestant(n8n, mode, 'smartsheetNode'));
			assert(
				r.webhookRepliesOk === r.webhookCalls,
				`every webhook call answered 200 with the user (${r.webhookRepliesOk}/${r.webhookCalls}; e.g. ${JSON.stringify(r.rounds.map((round) => round.sampleBadReply).filter(Boolean)[0])})`,
			);
			assert(
				r.executions === r.webhookCalls && r.failedExecutions === 0,
				`every execution succeeded (${r.executions} finished, ${r.failedExecutions} failed: ${r.sampleError})`,
			);
			assert(
				r.itemsLost === 0 && r.duplicates === 0,
				`every call's item reached Success exactly once (${r.itemsLost} lost, ${r.duplicates} duplicated)`,
			);
			const perRound = r.rounds.map((round) => round.tokenRefreshes);
			assert(
				perRound.every((count) => count >= 1 && count <= maxRefreshes),
				`refreshes per expiry within 1..${maxRefreshes} (per round: ${JSON.stringify(perRound)})`,
			);
			if (coordinatedRefresh)
				assert(
					r.invalidGrants === 0,
					`zero invalid_grant (${r.invalidGrants}; per round ${JSON.stringify(r.rounds.map((round) => round.invalidGrants))})`,
				);
			if (workers > 1)
				assert(
					r.executionsPerWorker.length === workers &&
						r.executionsPerWorker.every((count) => count > 0),
					`executions spread over every worker (${r.executionsPerWorker.join(' / ')})`,
				);
		},
	);
	const ours = results.smartsheetNode;
	if (ours && expiryKnown) {
		await check(
			`${mode}: the storm with this package's node refreshes before use: no request carries an expired token`,
			async () => {
				assert(
					ours.requestsWithExpiredToken === 0,
					`${ours.requestsWithExpiredToken} requests with an expired token (per round ${JSON.stringify(ours.rounds.map((round) => round.requestsWithExpiredToken))})`,
				);
			},
		);
	}
	if (ours) {
		await check(
			`${mode}: with the refresh token dead, ${CONCURRENT} concurrent executions of this package's node all succeed with their item on the Auth output and the reconnect action`,
			async () => {
				const dead = ours.deadToken;
				assert(
					dead.executions === CONCURRENT && dead.failedExecutions === 0,
					`every execution succeeded (${dead.executions} finished, ${dead.failedExecutions} failed: ${dead.sampleError})`,
				);
				assert(
					dead.onAuthWithReconnect === CONCURRENT && dead.elsewhere === 0,
					`${dead.onAuthWithReconnect} of ${CONCURRENT} items on Auth with the reconnect action, ${dead.elsewhere} elsewhere`,
				);
			},
		);
	}

	await check(
		`${mode}: the same storm and dead-token round with n8n's HTTP Request node 4.2 and a generic OAuth2 credential (baseline: counts recorded, not asserted)`,
		async () => {
			const r = (results.httpRequestBaseline = await runContestant(
				n8n,
				mode,
				'httpRequestBaseline',
			));
			assert(
				r.executions === r.webhookCalls,
				`the storm ran: ${r.executions} of ${r.webhookCalls} executions recorded`,
			);
		},
	);

	report(mode, workers, results);
}

function report(mode, workers, results) {
	mkdirSync(cacheDir, { recursive: true });
	const file = join(cacheDir, `storm-${n8nVersion}-${mode}.json`);
	const node = execFileSync('node', ['--version'], {
		env: { ...process.env, ...nodeEnv() },
		encoding: 'utf8',
	}).trim();
	writeFileSync(
		file,
		JSON.stringify(
			{
				n8nVersion,
				node,
				mode,
				workers,
				measuredAt: new Date().toISOString(),
				ttlSeconds: TTL_SECONDS,
				rounds: ROUNDS,
				concurrent: CONCURRENT,
				...results,
			},
			null,
			2,
		),
	);
	const rows = Object.entries(CONTESTANTS)
		.filter(([key]) => results[key])
		.map(([key]) => [STORM_LABELS[key], results[key]]);
	const where = workers > 1 ? `queue mode (main + ${workers} workers)` : 'single process';
	const lines = [
		`Refresh storm, n8n ${n8nVersion} (Node ${node}), ${where}, ${ROUNDS} expiries × ${CONCURRENT} concurrent webhook executions, access token TTL ${TTL_SECONDS} s, rotating refresh tokens; then ${CONCURRENT} executions with the refresh token dead:`,
		'',
		stormTable(rows),
		'',
		`(${file})`,
	];
	console.log(`\n${lines.join('\n')}\n`);
}
