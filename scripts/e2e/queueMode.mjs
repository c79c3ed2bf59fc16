// Queue mode (Redis + PostgreSQL, n8n main + 2 workers) and the refresh storm: short-lived access
// tokens, rotating refresh tokens, N concurrent webhook-triggered executions per round, each round
// started just after the stored access token expired. Run once with this package's node and once
// with n8n's own HTTP Request node and a generic OAuth2 credential (the baseline a user would
// otherwise build), each against its own emulator, and reported side by side.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLIENT, EmulatorProcess } from './emulator.mjs';
import { accountStorm, complaintsAbout, stormTable } from './analysis.mjs';
import { assert, atLeast, cacheDir, check, freePort, n8nVersion, nodeEnv, sleep, workDir } from './lib.mjs';
import { installPackage, N8n, NODE_TYPE } from './n8n.mjs';
import { ensureDebianPackages, startPostgres, startRedis } from './services.mjs';

// Long enough that a round (20 executions on 2 cores) ends well inside the fresh token's life: this
// package's default refresh margin is half of it here, and a round running into the margin would
// (rightly) refresh again.
const TTL_SECONDS = Number(process.env.E2E_STORM_TTL ?? 15);
const ROUNDS = Number(process.env.E2E_STORM_ROUNDS ?? 3);
const CONCURRENT = Number(process.env.E2E_STORM_CONCURRENCY ?? 20);
const SCOPE = 'READ_SHEETS WRITE_SHEETS READ_USERS';
const USER_EMAIL = 'demo.user@example.com';

/** n8n holds a Redis lock around OAuth2 refreshes across processes from 2.30 on. */
const coordinatedRefresh = atLeast(2, 30);
/** n8n stamps n8n_expires_at on stored tokens from 2.37 on, so the node can refresh before expiry. */
const expiryKnown = atLeast(2, 37);

/** Webhook (answers with the last node's first item once the execution is done) → the action node. */
function webhookWorkflow(name, path, actionNode) {
	return {
		name,
		nodes: [
			{ id: 'webhook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} } },
			{ ...actionNode, id: 'action', position: [300, 0] },
		],
		connections: { Webhook: { main: [[{ node: actionNode.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function workerStarts(n8n) {
	return n8n.workers.map((worker) => (readFileSync(worker.logFile, 'utf8').match(/Worker started execution/g) ?? []).length);
}

async function waitForExecutions(n8n, workflowId, count, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const done = (await n8n.executions(workflowId)).filter((execution) => execution.stoppedAt && !['running', 'new'].includes(execution.status));
		if (done.length >= count || Date.now() > deadline) return done;
		await sleep(500);
	}
}

/**
 * The storm. `tokenIssuedAt` is when the credential's current access token was issued (the Connect
 * flow); each round starts just after that token's expiry, and the refresh the round causes (seen on
 * the emulator's counters) sets the expiry the next round waits for.
 */
async function storm({ n8n, emulator, workflowId, path, actionName, tokenIssuedAt }) {
	const rounds = [];
	const workersBefore = workerStarts(n8n);
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
		const replies = await Promise.all(
			Array.from({ length: CONCURRENT }, async (_, index) => {
				try {
					const reply = await fetch(`${n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ round, index }) });
					const text = await reply.text();
					return { status: reply.status, ok: reply.status === 200 && text.includes(USER_EMAIL), text: text.slice(0, 200) };
				} catch (error) {
					return { status: 0, ok: false, text: error.message };
				}
			}),
		);
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
	const executions = await waitForExecutions(n8n, workflowId, ROUNDS * CONCURRENT);
	const stats = await emulator.stats();
	// The emulator's request log (token calls included), for a look after a failure.
	writeFileSync(join(workDir, `${path}-emulator-requests.json`), JSON.stringify(await emulator.admin('GET', '/requests?limit=100000'), null, 1));
	return {
		webhookCalls: ROUNDS * CONCURRENT,
		webhookRepliesOk: rounds.reduce((sum, round) => sum + round.repliesOk, 0),
		...accountStorm(executions, { actionName, calls: ROUNDS * CONCURRENT, email: USER_EMAIL }),
		tokenRefreshes: stats.tokenRefreshes,
		invalidGrants: stats.invalidGrants,
		requestsWithExpiredToken: stats.expiredTokenRequests,
		apiRequests: stats.requests,
		executionsPerWorker: workerStarts(n8n).map((count, index) => count - workersBefore[index]),
		rounds,
	};
}

export async function queueMode() {
	console.log(await ensureDebianPackages());
	const redisPort = await startRedis();
	const pgPort = await startPostgres();
	const userFolder = join(workDir, 'queue');
	await installPackage(userFolder);
	const port = await freePort();
	const redirectUri = `http://127.0.0.1:${port}/rest/oauth2-credential/callback`;
	const ours = await EmulatorProcess.start({ ttlSeconds: TTL_SECONDS, rateLimit: 100_000, redirectUri });
	const baseline = await EmulatorProcess.start({ ttlSeconds: TTL_SECONDS, rateLimit: 100_000, redirectUri });
	const n8n = await N8n.start({
		userFolder,
		port,
		workers: 2,
		extraEnv: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
		},
	});
	await n8n.setupOwner();
	const results = {};

	await check('queue mode: main and both workers load the package with no error or warning about it', async () => {
		for (const child of n8n.processes) {
			const complaints = complaintsAbout(readFileSync(child.logFile, 'utf8'), /smartsheet|community (node|package)/i);
			assert(complaints.length === 0, `${child.name}: ${complaints.join(' | ')}`);
		}
		const nodes = (await n8n.http.request('GET', '/types/nodes.json')).json;
		assert(nodes.some((node) => node.name === NODE_TYPE), `${NODE_TYPE} loaded on main`);
	});

	const label = `${ROUNDS} expiries × ${CONCURRENT} concurrent webhook executions, access tokens living ${TTL_SECONDS} s, over 2 workers`;
	let ourRun;
	await check('queue mode: the Connect flow stores a token for the storm credential', async () => {
		const credential = await n8n.createCredential('Smartsheet (storm)', 'smartsheetOAuth2Api', {
			region: 'custom', appBaseUrl: ours.url, apiBaseUrl: ours.apiBase, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, scope: SCOPE,
		});
		await n8n.connectOAuth2(credential.id, `${ours.url}/b/authorize`);
		const tokenIssuedAt = Date.now();
		assert((await ours.stats()).tokenExchanges === 1, 'one code exchange');
		const workflow = await n8n.createWorkflow(
			webhookWorkflow('Storm: Smartsheet node', 'storm-smartsheet', {
				name: 'Smartsheet',
				type: NODE_TYPE,
				typeVersion: 1,
				parameters: { authentication: 'oAuth2', resource: 'user', operation: 'getCurrent', failureRouting: 'outputs', options: { summary: 'none' } },
				credentials: { smartsheetOAuth2Api: { id: credential.id, name: credential.name } },
			}),
			true,
		);
		ourRun = { workflowId: workflow.id, tokenIssuedAt };
	});

	if (ourRun) {
		await check(`queue mode, the refresh storm with this package's node (${label}): every execution succeeds, no item lost, ${coordinatedRefresh ? 'exactly one refresh per expiry, zero invalid_grant' : 'at most one refresh per worker per expiry'}, both workers used`, async () => {
			const r = (results.smartsheetNode = await storm({ n8n, emulator: ours, path: 'storm-smartsheet', actionName: 'Smartsheet', ...ourRun }));
			assert(r.webhookRepliesOk === r.webhookCalls, `every webhook call answered 200 with the user (${r.webhookRepliesOk}/${r.webhookCalls}; e.g. ${JSON.stringify(r.rounds.map((round) => round.sampleBadReply).filter(Boolean)[0])})`);
			assert(r.executions === r.webhookCalls && r.failedExecutions === 0, `every execution succeeded (${r.executions} finished, ${r.failedExecutions} failed: ${r.sampleError})`);
			assert(r.itemsLost === 0 && r.duplicates === 0, `every call's item reached Success exactly once (${r.itemsLost} lost, ${r.duplicates} duplicated)`);
			const perRound = r.rounds.map((round) => round.tokenRefreshes);
			if (coordinatedRefresh) {
				assert(r.invalidGrants === 0, `zero invalid_grant (${r.invalidGrants}; per round ${JSON.stringify(r.rounds.map((round) => round.invalidGrants))})`);
				assert(perRound.every((count) => count === 1), `exactly one refresh per expiry (per round: ${JSON.stringify(perRound)})`);
			} else {
				// Before 2.30 nothing coordinates workers: each may refresh once per expiry; a loser's invalid_grant is recovered by re-reading.
				assert(perRound.every((count) => count >= 1 && count <= 2), `one or two refreshes per expiry (per round: ${JSON.stringify(perRound)})`);
			}
			assert(r.executionsPerWorker.length === 2 && r.executionsPerWorker.every((count) => count > 0), `executions spread over both workers (${r.executionsPerWorker.join(' / ')})`);
		});
		if (expiryKnown && results.smartsheetNode) {
			await check('queue mode, the storm with this package\'s node: the token is refreshed before use, no request carries an expired token', async () => {
				const r = results.smartsheetNode;
				assert(r.requestsWithExpiredToken === 0, `${r.requestsWithExpiredToken} requests with an expired token (per round ${JSON.stringify(r.rounds.map((round) => round.requestsWithExpiredToken))})`);
			});
		}
	}

	await check(`queue mode, the same storm with n8n's HTTP Request node 4.2 and a generic OAuth2 credential (baseline: counts recorded, not asserted)`, async () => {
		const credential = await n8n.createCredential('Generic OAuth2 (storm)', 'oAuth2Api', {
			grantType: 'authorizationCode', authUrl: `${baseline.url}/b/authorize`, accessTokenUrl: `${baseline.apiBase}/token`,
			clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, scope: SCOPE, authQueryParameters: '', authentication: 'body',
		});
		await n8n.connectOAuth2(credential.id, `${baseline.url}/b/authorize`);
		const tokenIssuedAt = Date.now();
		const workflow = await n8n.createWorkflow(
			webhookWorkflow('Storm: HTTP Request baseline', 'storm-baseline', {
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: { method: 'GET', url: `${baseline.apiBase}/users/me`, authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api', options: {} },
				credentials: { oAuth2Api: { id: credential.id, name: credential.name } },
			}),
			true,
		);
		const r = (results.httpRequestBaseline = await storm({ n8n, emulator: baseline, workflowId: workflow.id, path: 'storm-baseline', actionName: 'HTTP Request', tokenIssuedAt }));
		assert(r.executions === r.webhookCalls, `the storm ran: ${r.executions} of ${r.webhookCalls} executions recorded`);
	});

	report(results);
}

function report(results) {
	mkdirSync(cacheDir, { recursive: true });
	const file = join(cacheDir, `storm-${n8nVersion}.json`);
	const node = execFileSync('node', ['--version'], { env: { ...process.env, ...nodeEnv() }, encoding: 'utf8' }).trim();
	writeFileSync(file, JSON.stringify({ n8nVersion, node, measuredAt: new Date().toISOString(), ttlSeconds: TTL_SECONDS, rounds: ROUNDS, concurrent: CONCURRENT, workers: 2, ...results }, null, 2));
	const rows = [
		['**Smartsheet node (this package)**', results.smartsheetNode],
		["HTTP Request 4.2 + generic OAuth2 (n8n's own)", results.httpRequestBaseline],
	].filter(([, r]) => r);
	const lines = [
		`Refresh storm, n8n ${n8nVersion} (Node ${node}), queue mode (main + 2 workers), ${ROUNDS} expiries × ${CONCURRENT} concurrent webhook executions, access token TTL ${TTL_SECONDS} s, rotating refresh tokens:`,
		'',
		stormTable(rows),
		'',
		`(${file})`,
	];
	console.log(`\n${lines.join('\n')}\n`);
}
